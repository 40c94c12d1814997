import AgentRefDomain
import ServiceKit

/// `GET /v1/account`: the account a request acts on, which a platform reads with
/// `Stripe-Account` to check that it still has access to a connected account.
struct AccountHandlers: Sendable {
    let authenticator: APIAuthenticator

    /// Returns the account in Stripe's shape, with the fields the simulator has.
    ///
    /// - Throws: `StripeAPIError` 401 or 403 from authentication, such as 403
    ///   `account_invalid` once the account withdrew the platform's access.
    func retrieve(_ request: HTTPRequest) throws -> HTTPResponse {
        let context = try authenticator.authenticate(request)
        guard let account = SimulatedAccount.known(id: context.account) else {
            throw StripeAPIError.resourceMissing("account", id: context.account)
        }
        return .json(SimulatorJSON.encodeStripe(Self.stripeObject(account)))
    }

    static func stripeObject(_ account: SimulatedAccount) -> JSONValue {
        .object([
            "id": .string(account.id),
            "object": .string("account"),
            "business_profile": .object(["name": .string(account.displayName)]),
            "charges_enabled": .bool(true),
            "default_currency": .string(account.defaultCurrency),
            "details_submitted": .bool(true),
            "email": .string("owner@\(account.emailDomain)"),
            "metadata": .metadata([:]),
            "payouts_enabled": .bool(true),
            "type": .string("standard"),
        ])
    }
}
