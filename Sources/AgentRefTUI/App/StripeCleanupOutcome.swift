import AgentRefDomain

/// The state of removing the webhook registration and the access on Stripe, as the
/// connection detail loaded after a disconnect reports it. The `DELETE` response carries
/// only `success`.
enum StripeCleanupOutcome: Hashable, Sendable {
    /// Nothing is left to do on Stripe.
    case done
    /// Stripe could not be reached and the server retries; `message` is the server's reason.
    case retrying(message: String?)
    /// Stripe rejected the cleanup for good; `message` names what to remove by hand.
    case failed(message: String?)
    /// The detail does not report cleanups (the hosted API) or could not be loaded.
    case unknown

    /// Reads `cleanupPending` and `cleanupMessage` of a detail loaded after the disconnect.
    init(_ connection: StripeConnection) {
        switch connection.cleanupPending {
        case true?: self = .retrying(message: connection.cleanupMessage)
        case false?: self = connection.cleanupMessage.map { .failed(message: $0) } ?? .done
        case nil: self = .unknown
        }
    }
}
