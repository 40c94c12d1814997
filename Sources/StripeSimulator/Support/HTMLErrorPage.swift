import ServiceKit

/// An error shown to a person in a browser: an HTML page with a title and one sentence
/// saying what went wrong and what to do.
struct HTMLErrorPage: ResponseError, CustomStringConvertible {
    var status: Int
    var title: String
    var message: String

    var description: String { message }

    var response: HTTPResponse {
        .html(SimulatorPage.render(title: title, body: "<p>\(HTMLText.escape(message))</p>"), status: status)
    }
}

/// The frame shared by the simulator's HTML pages.
enum SimulatorPage {
    /// Returns a complete page; `body` is trusted markup, so callers escape what they insert.
    static func render(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · Stripe simulator</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1a1f36; }
        select, button { font-size: 1rem; padding: 0.4rem 0.6rem; margin: 0.5rem 0; }
        button { background: #635bff; color: #fff; border: 0; border-radius: 4px; }
        .note { color: #697386; font-size: 0.9rem; }
        </style>
        </head>
        <body>
        <main>
        <h1>\(HTMLText.escape(title))</h1>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
