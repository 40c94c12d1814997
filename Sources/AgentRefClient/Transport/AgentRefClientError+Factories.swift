import Foundation

extension AgentRefClientError {
    /// An INVALID_CONFIGURATION error without a status, raised before any request is sent.
    static func invalidConfiguration(_ message: String) -> AgentRefClientError {
        AgentRefClientError(code: invalidConfigurationCode, status: nil, message: message)
    }

    /// True for a 404 whose code is NOT_FOUND, which the API uses both for unknown
    /// resources and for unknown routes.
    public var isNotFound: Bool {
        status == 404 && code == Self.notFoundCode
    }

    /// True when the request was rejected by rate limiting.
    public var isRateLimited: Bool {
        code == Self.rateLimitedCode || status == 429
    }
}
