import AgentRefDomain
import Foundation

/// A failed call to the AgentRef API.
///
/// A struct around a private kind, so new kinds can be added without breaking callers
/// that switch on `code`.
public struct AgentRefClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The API's error code (`UNAUTHORIZED`, `NOT_FOUND`, `RATE_LIMITED`, …), or one of
    /// this client's own: `NETWORK_ERROR`, `INVALID_RESPONSE`, `INVALID_CONFIGURATION`.
    public var code: String
    /// HTTP status, or nil when no response arrived.
    public var status: Int?
    /// The server's message, or this client's explanation.
    public var message: String
    /// The server's `meta.requestId`, to quote when asking for support.
    public var requestID: String?
    /// Seconds the server asked to wait (`Retry-After`) before trying again.
    public var retryAfterSeconds: Double?
    /// The server's `error.details`, such as the invalid fields of a VALIDATION_ERROR.
    public var details: JSONValue?

    public init(code: String, status: Int?, message: String, requestID: String? = nil, retryAfterSeconds: Double? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.requestID = requestID
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// One line for the screen or a terminal, such as
    /// `Program not found: prg_x (NOT_FOUND, request req_123)`.
    public var description: String {
        var context = [code]
        if let requestID { context.append("request \(requestID)") }
        return "\(message) (\(context.joined(separator: ", ")))"
    }

    public static let badRequestCode = "BAD_REQUEST"
    public static let validationErrorCode = "VALIDATION_ERROR"
    public static let unauthorizedCode = "UNAUTHORIZED"
    public static let forbiddenCode = "FORBIDDEN"
    public static let notFoundCode = "NOT_FOUND"
    public static let conflictCode = "CONFLICT"
    public static let rateLimitedCode = "RATE_LIMITED"
    public static let payloadTooLargeCode = "PAYLOAD_TOO_LARGE"
    public static let internalErrorCode = "INTERNAL_ERROR"
    public static let networkErrorCode = "NETWORK_ERROR"
    public static let invalidResponseCode = "INVALID_RESPONSE"
    public static let invalidConfigurationCode = "INVALID_CONFIGURATION"
    /// The caller cancelled the task that was waiting for the response.
    public static let cancelledCode = "CANCELLED"

    /// True when no response arrived (connection refused, timeout, DNS).
    public var isNetworkError: Bool { code == Self.networkErrorCode }
}
