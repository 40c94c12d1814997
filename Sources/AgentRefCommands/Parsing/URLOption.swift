import Foundation

/// Validation of URL-valued options.
enum URLOption {
    /// Parses an absolute http or https URL and drops a trailing slash.
    ///
    /// - Throws: `UsageError` naming the option and the value.
    static func parse(_ text: String, option: String, command: String) throws -> URL {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil
        else {
            throw UsageError("invalid --\(option) \"\(text)\": expected an http or https URL such as http://127.0.0.1:12111", command: command)
        }
        return url
    }
}
