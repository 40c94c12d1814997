extension AgentRefClientError {
    /// The documented error codes of the AgentRef API and this client's own, as a type to
    /// switch on. A code this client does not know is `.other`.
    public enum Kind: Hashable, Sendable {
        /// 400 `BAD_REQUEST`: the request is malformed, or the method is not allowed (405).
        case badRequest
        /// 400 `VALIDATION_ERROR`: a field or parameter is invalid; `details` names it.
        case validation
        /// 401 `UNAUTHORIZED`: the API key is missing or unknown.
        case unauthorized
        /// 403 `FORBIDDEN`: the key may not do this.
        case forbidden
        /// 404 `NOT_FOUND`: the program, resource or route does not exist.
        case notFound
        /// 409 `CONFLICT`: the request conflicts with the current state, such as a Stripe
        /// account connected to another program or an `Idempotency-Key` in use.
        case conflict
        /// 413 `PAYLOAD_TOO_LARGE`.
        case payloadTooLarge
        /// 429 `RATE_LIMITED`: wait `retryAfterSeconds`.
        case rateLimited
        /// 500 `INTERNAL_ERROR`, or another 5xx.
        case internalError
        /// No response arrived: connection refused, timeout, DNS, dropped connection.
        case network
        /// A response arrived but is not what the API documents.
        case invalidResponse
        /// The client's configuration (URL, key, key file) is unusable.
        case invalidConfiguration
        /// The calling task was cancelled.
        case cancelled
        /// A code this client does not know, as the server sent it.
        case other(String)
    }

    /// The kind of failure, from `code`.
    public var kind: Kind {
        switch code {
        case Self.badRequestCode: .badRequest
        case Self.validationErrorCode: .validation
        case Self.unauthorizedCode: .unauthorized
        case Self.forbiddenCode: .forbidden
        case Self.notFoundCode: .notFound
        case Self.conflictCode: .conflict
        case Self.payloadTooLargeCode: .payloadTooLarge
        case Self.rateLimitedCode: .rateLimited
        case Self.internalErrorCode: .internalError
        case Self.networkErrorCode: .network
        case Self.invalidResponseCode: .invalidResponse
        case Self.invalidConfigurationCode: .invalidConfiguration
        case Self.cancelledCode: .cancelled
        default: (status ?? 0) >= 500 ? .internalError : .other(code)
        }
    }
}
