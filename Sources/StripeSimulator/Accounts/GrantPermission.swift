/// What an OAuth grant allows a request on a connected account to change.
///
/// By default the simulator lets any grant write. With
/// `SimulatorConfiguration.restrictReadOnlyGrants` a `read_only` grant may only read, which
/// is how Stripe may treat a platform's request to create a webhook endpoint on an account
/// that granted `read_only` access.
struct GrantPermission: Sendable {
    /// True when a `read_only` grant is refused every write.
    let restrictsReadOnlyGrants: Bool

    /// Checks that `context` may change objects of its account.
    ///
    /// - Throws: `StripeAPIError.missingPermission` (403) for a request that acts on a
    ///   connected account through a `read_only` grant while the restriction is on.
    func requireWrite(_ context: APIContext) throws {
        guard restrictsReadOnlyGrants, context.application != nil, context.scope == "read_only" else { return }
        throw StripeAPIError.missingPermission(account: context.account)
    }
}
