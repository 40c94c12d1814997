import Foundation

/// An event that arrived at `/webhooks/stripe/connect` for an account no program holds,
/// acknowledged to Stripe and kept only as a record of why it was ignored.
struct UnroutedStripeEvent: Hashable, Sendable, Encodable {
    var eventId: String
    var type: String
    /// The connected account the event happened on; nil for the platform's own events.
    var account: String?
    /// Stripe's `created`, in Unix seconds.
    var created: Int64
    var receivedAt: Date
    /// The reason no program received the event, in one sentence.
    var detail: String
}
