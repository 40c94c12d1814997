import AgentRefLog
import Foundation
import ServiceKit

/// The browser side of Stripe Connect OAuth: the authorize page, its form post, and the
/// deny link.
struct AuthorizeHandlers: Sendable {
    let store: SimulatorStore
    let clock: @Sendable () -> Date
    let logger: Logger

    /// `GET /oauth/authorize`: the page with the account form.
    func showPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let authorize = try AuthorizeRequest(parameters: FormParameters(items: request.queryItems))
        return .html(AuthorizePage.render(for: authorize, accounts: SimulatedAccount.merchants))
    }

    /// `POST /oauth/authorize`: issues a single-use code for the chosen account and
    /// redirects to `redirect_uri?code=ac_…&state=…`.
    func approve(_ request: HTTPRequest) throws -> HTTPResponse {
        let form = FormParameters(items: request.formItems)
        let authorize = try AuthorizeRequest(parameters: form)
        let account = try chosenAccount(form.value("account"))

        let now = clock()
        let code = AuthorizationCode(
            code: StripeIdentifier.make("ac_", length: 32),
            account: account.id,
            clientID: authorize.clientID,
            scope: authorize.scope,
            redirectURI: authorize.redirectURI,
            createdAt: now
        )
        try store.update { state in
            state.pruneAuthorizationCodes(at: now)
            state.authorizationCodes[code.code] = code
        }

        logger.info("authorization approved", [.accountID: account.id, .clientID: authorize.clientID])
        return .redirect(to: authorize.redirectLocation(adding: [("code", code.code)]))
    }

    /// `GET /oauth/authorize/deny`: redirects with `error=access_denied` and the state.
    func deny(_ request: HTTPRequest) throws -> HTTPResponse {
        let redirectURI = try AuthorizeRequest.validatedRedirectURI(request.query("redirect_uri"))
        let state = request.query("state").flatMap { $0.isEmpty ? nil : $0 }

        var query = "error=access_denied&error_description=The+user+denied+your+request"
        if let state {
            query += "&state=" + FormEncoding.escape(state)
        }
        logger.info("authorization denied", [.clientID: request.query("client_id") ?? ""])
        return .redirect(to: AuthorizeRequest.location(redirectURI, addingQuery: query))
    }

    private func chosenAccount(_ id: String?) throws -> SimulatedAccount {
        guard let id, let account = SimulatedAccount.merchant(id: id) else {
            let known = SimulatedAccount.merchants.map(\.id).joined(separator: ", ")
            throw HTMLErrorPage(
                status: 400,
                title: "Invalid authorization request",
                message: "The account parameter '\(id ?? "")' names no simulated account; choose one of \(known)."
            )
        }
        return account
    }
}
