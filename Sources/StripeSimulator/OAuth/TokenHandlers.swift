import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// The server side of Stripe Connect OAuth: `POST /oauth/token` and
/// `POST /oauth/deauthorize`, both authenticated with the platform's secret key.
struct TokenHandlers: Sendable {
    let store: SimulatorStore
    let clock: @Sendable () -> Date
    let logger: Logger

    /// `POST /oauth/token`: exchanges an authorization code (or a refresh token) for an
    /// access token on the authorizing account.
    func exchange(_ request: HTTPRequest) throws -> HTTPResponse {
        let form = FormParameters(items: request.formItems)
        try authenticatePlatform(request, form: form)

        let grant: OAuthGrant
        switch form.value("grant_type") ?? "" {
        case "authorization_code":
            grant = try redeem(code: form.value("code"))
        case "refresh_token":
            grant = try refresh(token: form.value("refresh_token"))
        case "":
            throw OAuthError.invalidRequest("No grant_type provided; send grant_type=authorization_code with the code.")
        case let other:
            throw OAuthError(
                status: 400, error: "unsupported_grant_type",
                errorDescription: "Unsupported grant type: \(other). Use authorization_code or refresh_token."
            )
        }

        logger.info("access token issued", [
            .accountID: grant.account, .clientID: grant.clientID,
            .tokenLast4: StripeIdentifier.lastFour(grant.accessToken),
        ])
        return .json(SimulatorJSON.encodeStripe(Self.tokenResponse(for: grant)))
    }

    /// `POST /oauth/deauthorize`: revokes the application's access to `stripe_user_id`.
    func deauthorize(_ request: HTTPRequest) throws -> HTTPResponse {
        let form = FormParameters(items: request.formItems)
        try authenticatePlatform(request, form: form)

        guard let clientID = form.value("client_id"), !clientID.isEmpty else {
            throw OAuthError.invalidRequest("No client_id provided; send the OAuth application's ca_… client id.")
        }
        guard let account = form.value("stripe_user_id"), !account.isEmpty else {
            throw OAuthError.invalidRequest("No stripe_user_id provided; send the acct_… id to disconnect.")
        }

        let revoked = try store.update { state in
            state.revokeGrants(of: account, clientID: clientID, reason: "deauthorized", at: clock())
        }
        guard revoked > 0 else {
            throw OAuthError.invalidClient(
                "This application is not connected to stripe account \(account), or that account does not exist."
            )
        }

        logger.info("account deauthorized", [.accountID: account, .clientID: clientID, .count: String(revoked)])
        return .json(SimulatorJSON.encodeStripe(.object(["stripe_user_id": .string(account)])))
    }

    /// Checks the platform's secret key, sent as a bearer token, with HTTP Basic auth or as
    /// the `client_secret` parameter.
    ///
    /// - Throws: `OAuthError` (401 `invalid_client`) when the key is missing or not a test key.
    private func authenticatePlatform(_ request: HTTPRequest, form: FormParameters) throws {
        guard let key = SecretKeyCredential.key(in: request) ?? form.value("client_secret"), !key.isEmpty else {
            throw OAuthError.invalidClient(
                "No API key provided. Send the platform's secret key as 'Authorization: Bearer sk_test_…' "
                    + "or as the client_secret parameter."
            )
        }
        guard SecretKeyCredential.isTestKey(key) else {
            throw OAuthError.invalidClient(
                "Invalid API key provided: \(StripeIdentifier.redacted(key)). The Stripe simulator accepts "
                    + "test-mode secret keys (sk_test_…)."
            )
        }
    }

    private func redeem(code: String?) throws -> OAuthGrant {
        guard let code, !code.isEmpty else {
            throw OAuthError.invalidRequest("No authorization code provided; send the code from the redirect.")
        }

        let now = clock()
        return try store.update { state in
            guard var issued = state.authorizationCodes[code] else {
                throw OAuthError.invalidGrant("Authorization code does not exist: \(code)")
            }
            guard issued.usedAt == nil else {
                throw OAuthError.invalidGrant(
                    "This authorization code has already been used: \(code). Start the authorization again."
                )
            }
            guard !issued.isExpired(at: now) else {
                throw OAuthError.invalidGrant(
                    "This authorization code has expired: \(code). Codes are valid for 5 minutes; "
                        + "start the authorization again."
                )
            }

            issued.usedAt = now
            state.authorizationCodes[code] = issued
            let grant = Self.makeGrant(account: issued.account, clientID: issued.clientID, scope: issued.scope, at: now)
            state.grants.append(grant)
            return grant
        }
    }

    private func refresh(token: String?) throws -> OAuthGrant {
        guard let token, !token.isEmpty else {
            throw OAuthError.invalidRequest("No refresh_token provided; send the rt_… token from the first exchange.")
        }

        let now = clock()
        return try store.update { state in
            guard let previous = state.grants.last(where: { $0.refreshToken == token }) else {
                throw OAuthError.invalidGrant("Refresh token does not exist: \(StripeIdentifier.redacted(token))")
            }
            guard previous.isActive else {
                throw OAuthError.invalidGrant(
                    "Refresh token \(StripeIdentifier.redacted(token)) was revoked; authorize the account again."
                )
            }

            var grant = Self.makeGrant(
                account: previous.account, clientID: previous.clientID, scope: previous.scope, at: now
            )
            grant.refreshToken = previous.refreshToken
            state.grants.append(grant)
            return grant
        }
    }

    private static func makeGrant(account: String, clientID: String, scope: String, at now: Date) -> OAuthGrant {
        OAuthGrant(
            accessToken: StripeIdentifier.make("sk_test_", length: 48),
            refreshToken: StripeIdentifier.make("rt_", length: 48),
            publishableKey: StripeIdentifier.make("pk_test_", length: 48),
            account: account,
            clientID: clientID,
            scope: scope,
            createdAt: now
        )
    }

    static func tokenResponse(for grant: OAuthGrant) -> JSONValue {
        .object([
            "access_token": .string(grant.accessToken),
            "livemode": .bool(false),
            "refresh_token": .string(grant.refreshToken),
            "scope": .string(grant.scope),
            "stripe_publishable_key": .string(grant.publishableKey),
            "stripe_user_id": .string(grant.account),
            "token_type": .string("bearer"),
        ])
    }
}
