import AgentRefDomain
import Foundation
import ServiceKit

/// The result of an OAuth callback: an HTML page with a title and one sentence for a
/// browser, or AgentRef's JSON envelope for a client that sends `Accept: application/json`.
///
/// A status below 400 is an outcome (connected, or access denied) and becomes
/// `{"data":{"programId","connected","stripeAccountId","message"}}`. Any other status is an
/// error with `code`, such as 409 `CONFLICT` for an account connected to another program.
struct CallbackPage: Error {
    var status: Int
    var code: String
    var title: String
    var message: String
    var programId: String?
    var connected = false
    var stripeAccountId: String?
    var details: [String: JSONValue] = [:]

    /// Makes an outcome page with status 200.
    static func outcome(title: String, message: String, programId: String, connected: Bool, account: String?)
        -> CallbackPage
    {
        CallbackPage(
            status: 200, code: "OK", title: title, message: message, programId: programId, connected: connected,
            stripeAccountId: account
        )
    }

    /// Makes an error page; making it changes nothing on the connection.
    static func failure(_ status: Int, _ code: String, title: String, message: String) -> CallbackPage {
        CallbackPage(status: status, code: code, title: title, message: message)
    }

    func response(for request: HTTPRequest) -> HTTPResponse {
        guard Self.prefersJSON(request) else {
            return HTMLPage(status: status, title: title, message: message).response()
        }
        guard status < 400 else {
            var details = self.details
            if let programId { details["programId"] = .string(programId) }
            return request.writer.error(APIError(
                status: status, code: code, message: message, details: details.isEmpty ? nil : .object(details)
            ))
        }

        var data: [String: JSONValue] = ["connected": .bool(connected), "message": .string(message)]
        data["programId"] = programId.map(JSONValue.string) ?? .null
        data["stripeAccountId"] = stripeAccountId.map(JSONValue.string) ?? .null
        return (try? request.writer.object(JSONValue.object(data), status: status))
            ?? HTMLPage(status: status, title: title, message: message).response()
    }

    /// True when the `Accept` header requests JSON and not HTML, as API clients send it.
    private static func prefersJSON(_ request: HTTPRequest) -> Bool {
        let accept = request.header("Accept")?.lowercased() ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }
}
