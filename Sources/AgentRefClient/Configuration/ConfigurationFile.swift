import AgentRefDomain
import Foundation

/// The contents of `config.json` in the configuration directory, for example
/// `{"apiUrl": "http://127.0.0.1:8420", "keyFile": "key", "theme": "dark"}`.
///
/// Every key is optional. A relative `keyFile` is resolved against the file's folder.
struct ConfigurationFile: Decodable, Sendable {
    var apiUrl: String?
    var apiKey: String?
    var keyFile: String?
    var theme: String?

    /// Reads and decodes the file at `path`; returns nil when no file exists there.
    ///
    /// - Throws: INVALID_CONFIGURATION when the file cannot be read or is not a JSON object
    ///   with string values for the known keys.
    static func load(atPath path: String) throws -> ConfigurationFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }

        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AgentRefClientError.invalidConfiguration(
                "Cannot read the configuration file \(path): \(error.localizedDescription). Check its permissions."
            )
        }

        do {
            return try JSONDecoder().decode(ConfigurationFile.self, from: data)
        } catch {
            throw AgentRefClientError.invalidConfiguration(
                "Invalid configuration file \(path): \(Self.explain(error)). "
                    + #"Expected a JSON object such as {"apiUrl": "http://127.0.0.1:8420", "keyFile": "key"}."#
            )
        }
    }

    private static func explain(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else { return "not valid JSON" }

        switch decodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return key.isEmpty ? "not a JSON object" : "\(key) must be a string"
        case .dataCorrupted:
            return "not valid JSON"
        default:
            return "unexpected content"
        }
    }
}
