import AgentRefDomain
import Foundation

/// Reads an API key from a file that only its owner may access, as `ssh` treats private keys.
enum KeyFileReader {
    /// Permission bits that let the group or other users read, write or execute the file.
    static let groupAndOtherBits = 0o077

    /// Returns the key in the file at `path`, without surrounding whitespace.
    ///
    /// - Throws: INVALID_CONFIGURATION when the file is missing or unreadable, is empty, or
    ///   has any group or other permission bit set (the message says `chmod 600 <path>`).
    static func readKey(atPath path: String) throws -> APIKey {
        try checkPermissions(ofPath: path)

        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AgentRefClientError.invalidConfiguration(
                "Cannot read the key file \(path): \(error.localizedDescription)."
            )
        }

        let key = APIKey(String(decoding: data, as: UTF8.self))
        guard !key.secret.isEmpty else {
            throw AgentRefClientError.invalidConfiguration(
                "The key file \(path) is empty; write the API key (ak_live_… or ak_test_…) into it."
            )
        }
        return key
    }

    /// - Throws: INVALID_CONFIGURATION when `path` does not exist or other users can access it.
    static func checkPermissions(ofPath path: String) throws {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw AgentRefClientError.invalidConfiguration(
                "Key file not found: \(path). Create it with the API key, then run chmod 600 \(path)."
            )
        }

        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard mode & groupAndOtherBits == 0 else {
            let octal = String(mode & 0o777, radix: 8)
            throw AgentRefClientError.invalidConfiguration(
                "The file \(path) contains an API key but has mode 0\(octal), so other users can read it. "
                    + "Run chmod 600 \(path)."
            )
        }
    }
}
