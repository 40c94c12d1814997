import CMicroHTTPD
import Foundation

/// State of one request while libmicrohttpd delivers its body in pieces.
final class RequestAccumulator {
    var body = Data()
    var isTooLarge = false
}

/// The bytes of a streamed response that were produced but not yet sent.
final class StreamCursor {
    let stream: ResponseStream
    let server: HTTPServer
    var pending = Data()

    init(stream: ResponseStream, server: HTTPServer) {
        self.stream = stream
        self.server = server
    }
}

// libmicrohttpd calls the access handler several times per request: once to set up
// per-request state, once per piece of upload data, and once more with no data when the
// body is complete, which is when the Swift handler runs.
let accessHandlerCallback: MHD_AccessHandlerCallback = {
    context, connection, url, method, _, uploadData, uploadDataSize, requestState in
    guard let context, let connection, let url, let method, let uploadDataSize, let requestState else {
        return MHD_NO
    }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()

    guard let statePointer = requestState.pointee else {
        requestState.pointee = Unmanaged.passRetained(RequestAccumulator()).toOpaque()
        return MHD_YES
    }
    let accumulator = Unmanaged<RequestAccumulator>.fromOpaque(statePointer).takeUnretainedValue()

    if uploadDataSize.pointee > 0 {
        server.append(uploadData, count: uploadDataSize.pointee, to: accumulator)
        uploadDataSize.pointee = 0
        return MHD_YES
    }

    let request = server.makeRequest(
        connection: connection,
        method: String(cString: method),
        path: String(cString: url),
        body: accumulator.body
    )
    let response = accumulator.isTooLarge ? server.payloadTooLarge() : server.handler(request)
    return server.queue(response, on: connection)
}

let requestCompletedCallback: MHD_RequestCompletedCallback = { _, _, requestState, _ in
    guard let requestState, let statePointer = requestState.pointee else { return }
    Unmanaged<RequestAccumulator>.fromOpaque(statePointer).release()
    requestState.pointee = nil
}

let streamReaderCallback: MHD_ContentReaderCallback = { context, _, buffer, maxBytes in
    guard let context, let buffer else { return agentref_mhd_reader_end_with_error() }
    let cursor = Unmanaged<StreamCursor>.fromOpaque(context).takeUnretainedValue()

    while cursor.pending.isEmpty {
        if cursor.server.isStopping { return agentref_mhd_reader_end_of_stream() }
        guard let next = cursor.stream.next() else {
            return cursor.stream.endsWithError ? agentref_mhd_reader_end_with_error() : agentref_mhd_reader_end_of_stream()
        }
        cursor.pending = next
    }

    let count = min(maxBytes, cursor.pending.count)
    cursor.pending.withUnsafeBytes { bytes in
        UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress!, byteCount: count)
    }
    cursor.pending.removeFirst(count)
    return count
}

let streamFreeCallback: MHD_ContentReaderFreeCallback = { context in
    guard let context else { return }
    let cursor = Unmanaged<StreamCursor>.fromOpaque(context).takeRetainedValue()
    cursor.stream.close()
}

// libmicrohttpd reports problems it handles itself, such as a client that went away in
// the middle of a streamed response; they are logged, never printed to standard error.
let libraryLogCallback: agentref_mhd_log_sink = { context, message in
    guard let context, let message else { return }
    let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
    let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    server.logger.warning("libmicrohttpd reported a problem", [.error: text, .port: String(server.port)])
}

private let MHD_YES = MHD_Result.YES
private let MHD_NO = MHD_Result.NO

extension HTTPServer {
    func append(_ bytes: UnsafePointer<CChar>?, count: Int, to accumulator: RequestAccumulator) {
        guard !accumulator.isTooLarge, let bytes else { return }
        guard accumulator.body.count + count <= configuration.maxBodyBytes else {
            accumulator.isTooLarge = true
            accumulator.body = Data()
            return
        }
        accumulator.body.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: count)
    }

    func payloadTooLarge() -> HTTPResponse {
        let limit = configuration.maxBodyBytes
        let message = "request body is larger than \(limit) bytes; send a smaller body"
        let body = #"{"error":{"code":"PAYLOAD_TOO_LARGE","message":"\#(message)"}}"#
        return .json(Data(body.utf8), status: 413)
    }

    func makeRequest(connection: OpaquePointer, method: String, path: String, body: Data) -> HTTPRequest {
        let headers = collectValues(connection: connection, kind: .HEADER_KIND)
        let query = collectValues(connection: connection, kind: .GET_ARGUMENT_KIND)
        var headerMap: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            headerMap[key] = headerMap[key].map { "\($0), \(value)" } ?? value
        }
        return HTTPRequest(method: method, path: path, queryItems: query, headers: headerMap, body: body)
    }

    private func collectValues(connection: OpaquePointer, kind: MHD_ValueKind) -> [(name: String, value: String)] {
        let collector = ValueCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        _ = MHD_get_connection_values(connection, kind, { context, _, key, value in
            guard let context, let key else { return MHD_Result.YES }
            let collector = Unmanaged<ValueCollector>.fromOpaque(context).takeUnretainedValue()
            collector.items.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
            return MHD_Result.YES
        }, context)
        return collector.items
    }

    func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        let native: OpaquePointer?
        switch response.body {
        case .data(let data):
            native = data.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(
                    data.count,
                    UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                    .RESPMEM_MUST_COPY
                )
            }
        case .stream(let stream):
            let cursor = Unmanaged.passRetained(StreamCursor(stream: stream, server: self)).toOpaque()
            native = MHD_create_response_from_callback(
                agentref_mhd_size_unknown(), 4096, streamReaderCallback, cursor, streamFreeCallback
            )
        case .drop:
            // Returning NO makes libmicrohttpd close the connection without a response.
            return MHD_NO
        }
        guard let native else { return MHD_NO }
        defer { MHD_destroy_response(native) }

        for (name, value) in response.headers {
            _ = MHD_add_response_header(native, name, value)
        }
        return MHD_queue_response(connection, UInt32(response.status), native)
    }
}

private final class ValueCollector {
    var items: [(name: String, value: String)] = []
}
