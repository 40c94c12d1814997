import ServiceKit

extension HTTPRequest {
    /// Header under which the server stamps its own request id on each incoming request
    /// before routing, replacing any value a client sent.
    static let requestIDHeader = "x-agentref-request-id"

    /// The id of this request, as reported in `meta.requestId` and `X-Request-Id`.
    var requestID: String {
        header(Self.requestIDHeader) ?? "req_unknown"
    }

    /// Encodes responses for this request.
    var writer: ResponseWriter {
        ResponseWriter(requestID: requestID)
    }
}
