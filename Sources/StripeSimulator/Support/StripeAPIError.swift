import AgentRefDomain
import Foundation
import ServiceKit

/// An error of Stripe's REST API, sent as
/// `{"error":{"type":…,"code":…,"param":…,"message":…}}` with the matching status.
struct StripeAPIError: ResponseError, CustomStringConvertible {
    var status: Int
    var type: String
    var code: String?
    var param: String?
    var message: String

    var description: String { message }

    var response: HTTPResponse {
        var members: JSONObject = ["type": .string(type), "message": .string(message)]
        if let code { members["code"] = .string(code) }
        if let param { members["param"] = .string(param) }
        return .json(SimulatorJSON.encodeStripe(.object(["error": .object(members)])), status: status)
    }

    /// 400 for a required parameter that was not sent.
    static func missingParameter(_ name: String) -> StripeAPIError {
        StripeAPIError(
            status: 400, type: "invalid_request_error", code: "parameter_missing", param: name,
            message: "Missing required param: \(name)."
        )
    }

    /// 400 for a parameter whose value is not accepted; `message` explains why and what to send.
    static func invalidParameter(_ name: String, _ message: String) -> StripeAPIError {
        StripeAPIError(
            status: 400, type: "invalid_request_error", code: "parameter_invalid", param: name, message: message
        )
    }

    /// 400 for a parameter the endpoint does not take.
    static func unknownParameter(_ name: String) -> StripeAPIError {
        StripeAPIError(
            status: 400, type: "invalid_request_error", code: "parameter_unknown", param: name,
            message: "Received unknown parameter: \(name)."
        )
    }

    /// 404 for an id that names no object visible to the caller's account.
    static func resourceMissing(_ noun: String, id: String, param: String = "id") -> StripeAPIError {
        StripeAPIError(
            status: 404, type: "invalid_request_error", code: "resource_missing", param: param,
            message: "No such \(noun): '\(id)'"
        )
    }

    /// 403 for a write a `read_only` grant does not allow. Status, type, code and message
    /// follow what Stripe returns to an OAuth application lacking a scope, as public reports
    /// in github.com/stripe/stripe-apps show (docs/stripe-simulator.md lists them). Stripe's
    /// libraries raise their permission error for it because of the 403.
    static func missingPermission(account: String) -> StripeAPIError {
        StripeAPIError(
            status: 403, type: "invalid_request_error", code: "more_permissions_required_for_application", param: nil,
            message: "This application does not have the required permissions for this endpoint on account "
                + "'\(account)'. Having the 'read_write' scope would allow this request to continue."
        )
    }

    /// The error of a fault injected on purpose (`stripe-sim --faults`): Stripe's
    /// `rate_limit` error for 429, `api_error` for any other status.
    static func injectedFault(status: Int) -> StripeAPIError {
        let message = "Injected fault: the simulator runs with --faults and returned status \(status) on purpose; retry the request."
        if status == 429 {
            return StripeAPIError(status: 429, type: "invalid_request_error", code: "rate_limit", param: nil, message: message)
        }
        return StripeAPIError(status: status, type: "api_error", code: nil, param: nil, message: message)
    }

    /// 404 for a path the simulator does not serve.
    static func unrecognizedURL(method: String, path: String) -> StripeAPIError {
        StripeAPIError(
            status: 404, type: "invalid_request_error", code: nil, param: nil,
            message: "Unrecognized request URL (\(method): \(path)). The Stripe simulator serves /oauth, "
                + "/v1/webhook_endpoints, /v1/customers/{id}, /v1/account and /_sim."
        )
    }

    /// 500 for a failure inside the simulator, such as a state file that cannot be written.
    static func internalError(_ message: String) -> StripeAPIError {
        StripeAPIError(status: 500, type: "api_error", code: nil, param: nil, message: message)
    }
}
