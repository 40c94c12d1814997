/// What an OAuth grant allows a request on a connected account to change.
///
/// By default the simulator lets any grant write, as it always did. With
/// `SimulatorConfiguration.restrictReadOnlyGrants` a `read_only` grant may only read, which
/// is how Stripe can treat a platform that asks a `read_only` account to create a webhook
/// endpoint on it.
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
