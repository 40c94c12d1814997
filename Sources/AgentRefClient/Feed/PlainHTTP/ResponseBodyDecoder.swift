import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns the bytes after a response head into body bytes, for the three ways HTTP/1.1
/// delimits a body: `Transfer-Encoding: chunked`, `Content-Length`, or the connection
/// closing. Input may arrive split at any byte.
struct ResponseBodyDecoder {
    private enum Framing {
        case chunked
        case length(remaining: Int)
        case untilClose
    }

    private enum ChunkState {
        /// Reading the hexadecimal size line.
        case size
        /// Reading `remaining` bytes of chunk data.
        case data(remaining: Int)
        /// Reading the CRLF after chunk data.
        case dataEnd
        /// Reading trailer lines after the last, empty chunk.
        case trailer
        case done
    }

    private var framing: Framing
    private var chunkState = ChunkState.size
    private var pending = Data()

    /// - Throws: `URLError(.badServerResponse)` for a `Content-Length` that is not a number.
    init(head: ResponseHead) throws {
        if head.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            framing = .chunked
        } else if let length = head.headers["content-length"] {
            guard let count = Int(length), count >= 0 else { throw URLError(.badServerResponse) }
            framing = .length(remaining: count)
        } else {
            framing = .untilClose
        }
    }

    /// True once the whole body has been decoded.
    var isComplete: Bool {
        switch framing {
        case .chunked:
            if case .done = chunkState { return true }
            return false
        case .length(let remaining):
            return remaining == 0
        case .untilClose:
            return false
        }
    }

    /// True when only the server closing the connection ends the body.
    var endsAtClose: Bool {
        if case .untilClose = framing { return true }
        return false
    }

    /// Returns the body bytes contained in `input`.
    ///
    /// - Throws: `URLError(.badServerResponse)` for an invalid chunk size line.
    mutating func decode(_ input: Data) throws -> Data {
        switch framing {
        case .untilClose:
            return input
        case .length(let remaining):
            let body = input.prefix(remaining)
            framing = .length(remaining: remaining - body.count)
            return Data(body)
        case .chunked:
            pending.append(input)
            return try decodeChunks()
        }
    }

    private mutating func decodeChunks() throws -> Data {
        var output = Data()
        while true {
            switch chunkState {
            case .size:
                guard let line = takeLine() else { return output }
                let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                    throw URLError(.badServerResponse)
                }
                chunkState = size == 0 ? .trailer : .data(remaining: size)
            case .data(let remaining):
                guard !pending.isEmpty else { return output }
                let piece = pending.prefix(remaining)
                output.append(piece)
                pending.removeFirst(piece.count)
                chunkState = piece.count == remaining ? .dataEnd : .data(remaining: remaining - piece.count)
            case .dataEnd:
                guard takeLine() != nil else { return output }
                chunkState = .size
            case .trailer:
                guard let line = takeLine() else { return output }
                if line.isEmpty { chunkState = .done }
            case .done:
                return output
            }
        }
    }

    /// Removes and returns the next CRLF-terminated line, or nil when it is incomplete.
    private mutating func takeLine() -> String? {
        guard let end = pending.range(of: Data("\r\n".utf8)) else { return nil }
        let line = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
        pending.removeSubrange(..<end.upperBound)
        return line
    }
}
