import Foundation

/// Shortens server messages that name the same URL more than once, as a transport error
/// nested in the server's own sentence does ("unreachable at URL: request to URL failed").
enum RepeatedURLText {
    /// Returns `text` with every repeat of a URL after its first occurrence replaced by
    /// `that URL`. A URL runs from `http://` or `https://` to the next space, or to a
    /// `:`, `;`, `,`, `.` or `)` that a space or the end of the text follows.
    static func shortened(_ text: String) -> String {
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        var seen: Set<String> = []
        var repeats: [Range<String.Index>] = []
        for match in matches {
            guard let range = Range(match.range, in: text) else { continue }
            if !seen.insert(String(text[range])).inserted {
                repeats.append(range)
            }
        }

        var result = text
        for range in repeats.reversed() {
            result.replaceSubrange(range, with: "that URL")
        }
        return result
    }

    private static let pattern = try! NSRegularExpression(pattern: #"https?://\S+?(?=[:;,.)]?(\s|$))"#)
}
