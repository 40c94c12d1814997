import AgentRefDomain
import Foundation

/// Turns what an operator typed as the API URL into the base URL requests are built on.
enum APIBaseURL {
    /// The hosted AgentRef API.
    static let hosted = URL(string: "https://www.agentref.co/api/v1")!

    /// The path appended to a bare origin such as `http://127.0.0.1:8420`.
    static let versionPath = "/api/v1"

    /// Normalizes `text` to an http(s) URL whose path ends in the API version, without a
    /// trailing slash: `http://127.0.0.1:8420/` becomes `http://127.0.0.1:8420/api/v1`, and
    /// `https://example.com/api/v1/` becomes `https://example.com/api/v1`. Any other path is
    /// kept, so a proxy prefix still works.
    ///
    /// - Parameter source: Where the value came from, named in the error.
    /// - Throws: INVALID_CONFIGURATION naming the value when it is not an http(s) URL with a
    ///   host, or carries credentials, a query or a fragment.
    static func normalize(_ text: String, source: ConfigurationSource) throws -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let example = "such as https://www.agentref.co/api/v1 or http://127.0.0.1:8420"

        guard var components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else {
            throw AgentRefClientError.invalidConfiguration(
                "Invalid API URL \"\(trimmed)\" from \(source): expected an http:// or https:// URL \(example)."
            )
        }

        // The message leaves out the URL here, because it contains a password or a token.
        guard components.user == nil, components.password == nil else {
            throw AgentRefClientError.invalidConfiguration(
                "Invalid API URL from \(source): it contains user credentials. "
                    + "Remove them and pass the key with AGENTREF_API_KEY or --key-file."
            )
        }

        guard components.query == nil, components.fragment == nil else {
            throw AgentRefClientError.invalidConfiguration(
                "Invalid API URL \"\(trimmed)\" from \(source): remove the query or fragment, \(example)."
            )
        }

        components.scheme = scheme
        components.path = normalizedPath(components.path)
        guard let url = components.url else {
            throw AgentRefClientError.invalidConfiguration(
                "Invalid API URL \"\(trimmed)\" from \(source): expected a URL \(example)."
            )
        }
        return url
    }

    private static func normalizedPath(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? versionPath : String(trimmed)
    }
}
