/// Escaping for text placed in HTML, so values from a request (a `state`, a `redirect_uri`)
/// cannot add markup to a page.
public enum HTMLText {
    /// Replaces `&`, `<`, `>`, `"` and `'` with character references; safe in element
    /// content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
