/// A place a trigger puts the AgentRef click id (`agentref_cid`) in, from the places the
/// AgentRef server reads it from.
enum CIDPlacement: String, CaseIterable, Sendable {
    case clientReferenceID = "client_reference_id"
    case sessionMetadata = "session_metadata"
    case subscriptionMetadata = "subscription_metadata"
    case paymentIntentMetadata = "payment_intent_metadata"
    case chargeMetadata = "charge_metadata"
    case customerMetadata = "customer_metadata"

    /// The metadata key AgentRef's tracking puts the click id under.
    static let metadataKey = "agentref_cid"

    /// The placement of a Checkout integration: the session's
    /// `client_reference_id` and metadata.
    static let checkoutDefault: Set<CIDPlacement> = [.clientReferenceID, .sessionMetadata]

    /// The placement of an integration without Checkout: the payment intent's metadata, which
    /// Stripe copies to the charge.
    static let directChargeDefault: Set<CIDPlacement> = [.paymentIntentMetadata, .chargeMetadata]
}
