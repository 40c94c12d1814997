import AgentRefDomain
import Foundation

/// A received Stripe event, stored once per program and event id.
struct StoredStripeEvent: Hashable, Sendable {
    var programId: String
    var eventId: String
    var type: String
    var account: String?
    /// Stripe's `created`, in Unix seconds.
    var created: Int64
    var receivedAt: Date
    var outcome: StripeEventOutcome
    var detail: String
    var conversionId: String?
    /// The body exactly as Stripe sent it.
    var payload: Data
}
