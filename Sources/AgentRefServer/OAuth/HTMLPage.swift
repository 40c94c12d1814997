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
            <head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title></head>
            <body>
            <h1>\(HTMLText.escape(title))</h1>
            <p>\(HTMLText.escape(message))</p>
            </body>
            </html>

            """
        return .html(html, status: status)
    }
}
