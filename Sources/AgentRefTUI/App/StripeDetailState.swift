import AgentRefDomain
import Foundation

/// The dashboard's copy of one program's Stripe connection and its loading state.
struct StripeDetailState: Hashable, Sendable {
    var connection: StripeConnection?
    /// True while a `stripeConnection` request is in flight.
    var isLoading = false
    var lastRequestAt: Date?
    var lastLoadedAt: Date?
    /// The last failure to load, in plain words; cleared by the next success.
    var errorMessage: String?
}
