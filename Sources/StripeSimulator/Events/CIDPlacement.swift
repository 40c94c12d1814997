/// Where a trigger puts the AgentRef click id (`agentref_cid`), one of the places the
/// AgentRef server looks for it.
enum CIDPlacement: String, CaseIterable, Sendable {
    case clientReferenceID = "client_reference_id"
    case sessionMetadata = "session_metadata"
    case subscriptionMetadata = "subscription_metadata"
    case paymentIntentMetadata = "payment_intent_metadata"
    case chargeMetadata = "charge_metadata"
    case customerMetadata = "customer_metadata"

    /// The metadata key AgentRef's tracking puts the click id under.
    static let metadataKey = "agentref_cid"

    /// Where a Checkout integration puts the click id: the session's
    /// `client_reference_id` and metadata.
    static let checkoutDefault: Set<CIDPlacement> = [.clientReferenceID, .sessionMetadata]

    /// Where an integration without Checkout puts it: the payment intent's metadata, which
    /// Stripe copies to the charge.
    static let directChargeDefault: Set<CIDPlacement> = [.paymentIntentMetadata, .chargeMetadata]
}
