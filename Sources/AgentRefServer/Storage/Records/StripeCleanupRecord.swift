import Foundation

/// Work left on Stripe after a program let go of an account: delete the webhook endpoint
/// (when known) and withdraw the platform's access (`POST /oauth/deauthorize`), unless
/// a program is connected to the account or claims it by then.
struct StripeCleanupRecord: Hashable, Sendable {
    enum State: String, Sendable {
        /// Stripe could not be reached or failed with 5xx or 429; the worker retries.
        case pending
        /// Stripe rejected a step for good, and `message` names what is left to do by hand.
        case failed
    }

    var id: String
    var programId: String
    var accountId: String
    var endpointId: String?
    var state: State
    /// Attempts made so far.
    var attempts: Int
    /// The reason the last attempt did not finish, in one sentence; nil before the first attempt.
    var message: String?
    var createdAt: Date
    var updatedAt: Date
}
