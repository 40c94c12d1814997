import AgentRefDomain
import Foundation
import ServiceKit

/// A connected program as the demo traffic needs it.
struct DemoProgram: Sendable {
    var id: String
    var account: String
    var currency: String
}

/// The few AgentRef API calls the demo traffic makes, as blocking requests from its own
/// thread, the way a merchant's checkout backend would call the API.
struct AgentRefAPICalls: Sendable {
    let apiBaseURL: URL
    let key: APIKey
    let http = OutboundHTTPClient(timeout: 10)

    func connectedPrograms() throws -> [DemoProgram] {
        let list = try get("programs?limit=100")
        return (list["data"]?.arrayValue ?? []).compactMap { program in
            guard program["stripeStatus"]?.stringValue == "connected",
                  let id = program["id"]?.stringValue,
                  let account = program["stripeAccountId"]?.stringValue
            else { return nil }
            return DemoProgram(id: id, account: account, currency: program["currency"]?.stringValue ?? "USD")
        }
    }

    func affiliateCodes(programID: String) throws -> [String] {
        let list = try get("programs/\(programID)/affiliates?limit=100")
        return (list["data"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    /// Records a referral click and returns its `cid`.
    func recordClick(programID: String, affiliateCode: String) throws -> String? {
        let body = try JSONEncoder().encode(["programId": programID, "affiliateCode": affiliateCode])
        let response = try send(method: "POST", path: "clicks", body: body)
        return response.value(at: "data.cid")?.stringValue
    }

    private func get(_ path: String) throws -> JSONValue {
        try send(method: "GET", path: path, body: nil)
    }

    private func send(method: String, path: String, body: Data?) throws -> JSONValue {
        let url = URL(string: apiBaseURL.absoluteString + "/" + path)!
        let response = try http.send(
            method: method,
            url: url,
            headers: ["Authorization": "Bearer \(key.secret)", "Content-Type": "application/json"],
            body: body
        )
        let decoded = (try? JSONDecoder().decode(JSONValue.self, from: response.body)) ?? .null
        guard (200..<300).contains(response.status) else {
            let message = decoded.value(at: "error.message")?.stringValue ?? "HTTP \(response.status)"
            throw DemoAPIError(method: method, path: path, status: response.status, message: message)
        }
        return decoded
    }
}

struct DemoAPIError: Error, CustomStringConvertible {
    var method: String
    var path: String
    var status: Int
    var message: String

    var description: String { "\(method) /\(path) failed with HTTP \(status): \(message)" }
}
