import AgentRefDomain
import ServiceKit

/// An error of Stripe's OAuth endpoints, sent as `{"error":…,"error_description":…}`.
struct OAuthError: ResponseError, CustomStringConvertible {
    var status: Int
    /// OAuth 2.0 error code such as `invalid_grant`.
    var error: String
    var errorDescription: String

    var description: String { "\(error): \(errorDescription)" }

    var response: HTTPResponse {
        let body: JSONValue = .object(["error": .string(error), "error_description": .string(errorDescription)])
        return .json(SimulatorJSON.encodeStripe(body), status: status)
    }

    static func invalidRequest(_ description: String) -> OAuthError {
        OAuthError(status: 400, error: "invalid_request", errorDescription: description)
    }

    static func invalidGrant(_ description: String) -> OAuthError {
        OAuthError(status: 400, error: "invalid_grant", errorDescription: description)
    }

    static func invalidClient(_ description: String) -> OAuthError {
        OAuthError(status: 401, error: "invalid_client", errorDescription: description)
    }
}
