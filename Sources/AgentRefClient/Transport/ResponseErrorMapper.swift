import AgentRefDomain
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns failed responses, transport errors and unreadable bodies into `AgentRefClientError`.
enum ResponseErrorMapper {
    /// Longest excerpt of a non-JSON error body quoted in a message, in characters.
    static let excerptLength = 200

    /// Builds the error for a response with a non-2xx status.
    ///
    /// A JSON error envelope gives the code, message, details and request id. Any other
    /// body still gives a code derived from the status and a message naming the status and
    /// quoting the start of the body. A 429 carries the `Retry-After` in seconds.
    static func error(
        for response: HTTPURLResponse,
        body: Data,
        request: APIRequest,
        now: Date
    ) -> AgentRefClientError {
        let status = response.statusCode
        let headerRequestID = response.value(forHTTPHeaderField: "X-Request-Id")
        var error: AgentRefClientError

        if let envelope = try? AgentRefJSON.makeDecoder().decode(ErrorEnvelope.self, from: body) {
            error = AgentRefClientError(
                code: envelope.error.code ?? defaultCode(forStatus: status),
                status: status,
                message: envelope.error.message ?? statusLine(status),
                requestID: envelope.meta?.requestId ?? headerRequestID
            )
            error.details = envelope.error.details
        } else {
            error = AgentRefClientError(
                code: defaultCode(forStatus: status),
                status: status,
                message: messageForUnreadableBody(response: response, body: body, request: request),
                requestID: headerRequestID
            )
        }

        if status == 429 {
            error.retryAfterSeconds = RetryAfter.seconds(from: response.value(forHTTPHeaderField: "Retry-After"), now: now)
        }
        return error
    }

    /// Builds the error for a request that got no response.
    static func networkError(_ error: Error, request: APIRequest, baseURL: URL) -> AgentRefClientError {
        if error is CancellationError || (error as? URLError)?.code == .cancelled {
            return AgentRefClientError(
                code: AgentRefClientError.cancelledCode,
                status: nil,
                message: "\(request.method.rawValue) \(request.displayPath) was cancelled."
            )
        }

        let reason = (error as? URLError).map(describe) ?? error.localizedDescription
        return AgentRefClientError(
            code: AgentRefClientError.networkErrorCode,
            status: nil,
            message: "Cannot reach the AgentRef API at \(baseURL.absoluteString): \(reason). "
                + "Check that the server is running and that AGENTREF_API_URL is right."
        )
    }

    /// Builds the error for a 2xx response whose body does not have the expected shape.
    static func invalidResponse(
        _ error: Error,
        response: HTTPURLResponse,
        request: APIRequest
    ) -> AgentRefClientError {
        AgentRefClientError(
            code: AgentRefClientError.invalidResponseCode,
            status: response.statusCode,
            message: "The response to \(request.method.rawValue) \(request.displayPath) is not what this client "
                + "expects: \(DecodingErrorDescription.describe(error)). Check that AGENTREF_API_URL points at "
                + "an AgentRef API.",
            requestID: response.value(forHTTPHeaderField: "X-Request-Id")
        )
    }

    /// Returns the API's code for `status`, used when the body does not name one. A 405 is
    /// BAD_REQUEST, as the API reports it.
    static func defaultCode(forStatus status: Int) -> String {
        switch status {
        case 401: AgentRefClientError.unauthorizedCode
        case 403: AgentRefClientError.forbiddenCode
        case 404: AgentRefClientError.notFoundCode
        case 409: AgentRefClientError.conflictCode
        case 413: AgentRefClientError.payloadTooLargeCode
        case 422: AgentRefClientError.validationErrorCode
        case 429: AgentRefClientError.rateLimitedCode
        case 500...: AgentRefClientError.internalErrorCode
        default: AgentRefClientError.badRequestCode
        }
    }

    /// `HTTP 502 Bad Gateway`.
    static func statusLine(_ status: Int) -> String {
        "HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status).capitalized)"
    }

    private static func messageForUnreadableBody(response: HTTPURLResponse, body: Data, request: APIRequest) -> String {
        let head = "\(statusLine(response.statusCode)) for \(request.method.rawValue) \(request.displayPath)"
        let excerpt = bodyExcerpt(body, contentType: response.value(forHTTPHeaderField: "Content-Type"))
        let hint = response.statusCode == 401 ? " Check the API key in AGENTREF_API_KEY." : ""
        return excerpt.isEmpty ? head + "." + hint : head + ": " + excerpt + hint
    }

    /// Returns the start of a body as one line of printable text, or the title of an HTML page.
    static func bodyExcerpt(_ body: Data, contentType: String?) -> String {
        var text = String(decoding: body.prefix(8 * 1024), as: UTF8.self)
        if contentType?.lowercased().contains("html") == true || text.lowercased().contains("<html") {
            text = htmlTitle(in: text) ?? "an HTML page"
        }

        let printable = text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? " " : String(scalar)
        }.joined()
        let words = printable.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        guard words.count > excerptLength else { return words }
        return String(words.prefix(excerptLength)) + "…"
    }

    private static func htmlTitle(in html: String) -> String? {
        guard let open = html.range(of: "<title>", options: .caseInsensitive),
              let close = html.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<html.endIndex)
        else { return nil }
        let title = html[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .timedOut: "the request timed out"
        case .cannotFindHost, .dnsLookupFailed: "the host name cannot be resolved"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            "the TLS connection failed"
        default: error.localizedDescription
        }
    }
}
