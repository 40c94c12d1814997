import ServiceKit

/// A minimal HTML page with a title and one sentence, for browser-facing results such as
/// the OAuth callback. Text is escaped, so program names cannot inject markup.
struct HTMLPage {
    var status: Int
    var title: String
    var message: String

    func response() -> HTTPResponse {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(Self.escape(title))</title></head>
            <body>
            <h1>\(Self.escape(title))</h1>
            <p>\(Self.escape(message))</p>
            </body>
            </html>

            """
        return .html(html, status: status)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
