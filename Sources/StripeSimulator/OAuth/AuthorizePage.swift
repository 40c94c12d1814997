import ServiceKit

/// The page where the merchant picks an account and grants the application access: one
/// form that posts back to `/oauth/authorize`, with the first account preselected, and a
/// link that denies access.
enum AuthorizePage {
    /// Renders the page for `request`; every value from the request is HTML-escaped.
    static func render(for request: AuthorizeRequest, accounts: [SimulatedAccount]) -> String {
        let access = request.scope == "read_write" ? "read and write" : "read-only"
        let body = """
            <p><strong>\(HTMLText.escape(request.clientID))</strong> requests \(access) access to your Stripe \
            account. Choose the account to connect.</p>
            \(form(for: request, accounts: accounts))
            <p><a href="\(HTMLText.escape(denyPath(for: request)))">Deny access</a> and return to the application.</p>
            <p class="note">This is the AgentRef Stripe simulator: no real Stripe account is involved. After you \
            choose, the browser returns to \(HTMLText.escape(request.redirectURI)).</p>
            """
        return SimulatorPage.render(title: "Connect your Stripe account", body: body)
    }

    private static func form(for request: AuthorizeRequest, accounts: [SimulatedAccount]) -> String {
        let hiddenInputs = request.parameterItems.map { item in
            "<input type=\"hidden\" name=\"\(item.name)\" value=\"\(HTMLText.escape(item.value))\">"
        }
        let options = accounts.enumerated().map { index, account in
            let selected = index == 0 ? " selected" : ""
            let label = HTMLText.escape("\(account.displayName) (\(account.id))")
            return "<option value=\"\(HTMLText.escape(account.id))\"\(selected)>\(label)</option>"
        }
        return (
            ["<form method=\"post\" action=\"/oauth/authorize\">"]
                + hiddenInputs
                + ["<label for=\"account\">Account</label>", "<select id=\"account\" name=\"account\">"]
                + options
                + ["</select>", "<button type=\"submit\">Connect</button>", "</form>"]
        ).joined(separator: "\n")
    }

    /// Returns the deny link's target with the parameters the redirect needs. The caller
    /// escapes it for the `href` attribute.
    static func denyPath(for request: AuthorizeRequest) -> String {
        "/oauth/authorize/deny?" + FormEncoding.encode(request.parameterItems)
    }
}
