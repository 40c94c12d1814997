import AgentRefDomain
import ServiceKit

/// Checks `Authorization: Bearer <key>` against the keys the server was started with.
struct Authenticator: Sendable {
    private let keys: [String: APIKey]

    /// - Parameter keys: Accepted keys; only `ak_test_` and `ak_live_` keys are used.
    init(keys: [APIKey]) {
        var accepted: [String: APIKey] = [:]
        for key in keys where key.isTest || key.isLive {
            accepted[key.secret] = key
        }
        self.keys = accepted
    }

    var hasKeys: Bool { !keys.isEmpty }

    /// Returns the key the request carries.
    ///
    /// - Throws: `APIError` UNAUTHORIZED saying what is missing or wrong, without the key.
    func authenticate(_ request: HTTPRequest) throws -> APIKey {
        guard hasKeys else {
            throw APIError.unauthorized(
                "this server has no API key configured; start it with AGENTREF_API_KEY=ak_test_… and send that key"
            )
        }
        guard let header = request.header("Authorization"), !header.isEmpty else {
            throw APIError.unauthorized("missing Authorization header; send Authorization: Bearer <your ak_ API key>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("Authorization header must be \"Bearer <your ak_ API key>\"")
        }
        guard let key = keys[String(parts[1]).trimmingCharacters(in: .whitespaces)] else {
            throw APIError.unauthorized(
                "API key is not valid for this server; use the key it was started with (AGENTREF_API_KEY)"
            )
        }
        return key
    }
}
