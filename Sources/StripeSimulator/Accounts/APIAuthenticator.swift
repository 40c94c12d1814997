import ServiceKit

/// The account a `/v1` request acts on, and the OAuth application acting for it.
struct APIContext: Sendable {
    var account: String
    /// Client id of the application whose access the request uses; nil for the account's
    /// own requests and for the platform's requests about itself.
    var application: String?
    /// OAuth scope of the grant the request uses (`read_only` or `read_write`); nil when it
    /// uses none.
    var scope: String? = nil
}

/// Authentication of `/v1` requests the way Stripe's mock server does it, plus Connect.
/// Any test-mode secret key is the platform's key, and an OAuth access token is a key of
/// the account it was issued for. `Stripe-Account` selects a connected account.
struct APIAuthenticator: Sendable {
    let store: SimulatorStore

    /// Resolves the account of `request`.
    ///
    /// - Throws: `StripeAPIError` 401 for a missing, invalid or revoked key, and 403 when
    ///   `Stripe-Account` names an account the key cannot act on.
    func authenticate(_ request: HTTPRequest) throws -> APIContext {
        guard let key = SecretKeyCredential.key(in: request) else {
            throw Self.unauthorized(
                "You did not provide an API key. Provide it in the Authorization header using Bearer auth "
                    + "(e.g. 'Authorization: Bearer sk_test_…').",
                code: nil
            )
        }
        let header = request.header("Stripe-Account")?.trimmingCharacters(in: .whitespaces)
        let requested = header?.isEmpty == false ? header : nil

        return try store.read { state in
            if let grant = state.grant(forAccessToken: key) {
                return try context(forAccessToken: grant, key: key, requested: requested)
            }
            guard SecretKeyCredential.isTestKey(key) else {
                throw Self.unauthorized(
                    "Invalid API Key provided: \(StripeIdentifier.redacted(key)). The Stripe simulator accepts "
                        + "test-mode secret keys (sk_test_…) and OAuth access tokens it issued.",
                    code: "api_key_invalid"
                )
            }
            return try context(forPlatformKey: key, requested: requested, state: state)
        }
    }

    private func context(forAccessToken grant: OAuthGrant, key: String, requested: String?) throws -> APIContext {
        guard grant.isActive else {
            throw Self.unauthorized(
                "Expired API Key provided: \(StripeIdentifier.redacted(key)). Application access may have been "
                    + "revoked; authorize the account again.",
                code: "api_key_expired"
            )
        }
        if let requested, requested != grant.account {
            throw Self.noAccess(key: key, account: requested)
        }
        return APIContext(account: grant.account, application: grant.clientID, scope: grant.scope)
    }

    private func context(forPlatformKey key: String, requested: String?, state: SimulatorState) throws -> APIContext {
        guard let requested, requested != SimulatedAccount.platform.id else {
            return APIContext(account: SimulatedAccount.platform.id, application: nil)
        }
        guard SimulatedAccount.merchant(id: requested) != nil, let grant = state.activeGrant(for: requested) else {
            throw Self.noAccess(key: key, account: requested)
        }
        return APIContext(account: requested, application: grant.clientID, scope: grant.scope)
    }

    private static func unauthorized(_ message: String, code: String?) -> StripeAPIError {
        StripeAPIError(status: 401, type: "invalid_request_error", code: code, param: nil, message: message)
    }

    private static func noAccess(key: String, account: String) -> StripeAPIError {
        StripeAPIError(
            status: 403, type: "invalid_request_error", code: "account_invalid", param: nil,
            message: "The provided key '\(StripeIdentifier.redacted(key))' does not have access to account "
                + "'\(account)' (or that account does not exist). Application access may have been revoked; "
                + "connect the account through /oauth/authorize first."
        )
    }
}
