import Foundation

/// Finds `agentref_cid` click ids in Stripe objects, most trusted first.
///
/// The order is the checkout session's `client_reference_id`, the session's
/// `metadata.agentref_cid`, then the metadata of the subscription (on invoices
/// `subscription_details.metadata`, because Stripe does not copy session metadata to the
/// subscription), the payment intent, the charge, the invoice itself and the customer.
/// Expandable fields are read only when Stripe sent the expanded object rather than its id.
/// Webhook events never expand them, so the server fetches the customer separately (see
/// `candidates(inCustomer:)`). Stripe copies a payment intent's metadata to its charge, so
/// the charge's metadata also carries what the payment intent had. A value that matches no
/// click does not stop the search, because `client_reference_id` may hold the merchant's own
/// reference instead of a click id.
public enum ClickIDReader {
    static func candidates(inCheckoutSession session: JSONValue) -> [ClickIDCandidate] {
        var found: [ClickIDCandidate] = []
        add(session["client_reference_id"], field: "client_reference_id", method: .cookie, to: &found)
        addMetadata(of: session, prefix: "", method: .cookie, to: &found)
        addMetadata(of: session["subscription"], prefix: "subscription.", method: .metadata, to: &found)
        addMetadata(of: session["payment_intent"], prefix: "payment_intent.", method: .metadata, to: &found)
        addMetadata(of: session["customer"], prefix: "customer.", method: .metadata, to: &found)
        return found
    }

    static func candidates(inInvoice invoice: JSONValue) -> [ClickIDCandidate] {
        var found: [ClickIDCandidate] = []
        addMetadata(of: invoice["subscription_details"], prefix: "subscription_details.", method: .metadata, to: &found)
        addMetadata(
            of: invoice.value(at: "parent.subscription_details"),
            prefix: "parent.subscription_details.",
            method: .metadata,
            to: &found
        )
        addMetadata(of: invoice["subscription"], prefix: "subscription.", method: .metadata, to: &found)
        addMetadata(of: invoice["payment_intent"], prefix: "payment_intent.", method: .metadata, to: &found)
        addMetadata(of: invoice["charge"], prefix: "charge.", method: .metadata, to: &found)
        addMetadata(of: invoice, prefix: "", method: .metadata, to: &found)
        addMetadata(of: invoice["customer"], prefix: "customer.", method: .metadata, to: &found)
        return found
    }

    static func candidates(inCharge charge: JSONValue) -> [ClickIDCandidate] {
        var found: [ClickIDCandidate] = []
        addMetadata(of: charge["payment_intent"], prefix: "payment_intent.", method: .metadata, to: &found)
        addMetadata(of: charge, prefix: "", method: .metadata, to: &found)
        addMetadata(of: charge["customer"], prefix: "customer.", method: .metadata, to: &found)
        return found
    }

    /// Reads `agentref_cid` from a customer object's metadata, as `GET /v1/customers/{id}` returns it.
    public static func candidates(inCustomer customer: JSONValue) -> [ClickIDCandidate] {
        var found: [ClickIDCandidate] = []
        addMetadata(of: customer, prefix: "customer.", method: .metadata, to: &found)
        return found
    }

    private static func addMetadata(
        of object: JSONValue?,
        prefix: String,
        method: AttributionMethod,
        to found: inout [ClickIDCandidate]
    ) {
        guard let object, object.objectValue != nil else { return }
        let key = ClickIDCandidate.metadataKey
        add(object.value(at: "metadata.\(key)"), field: "\(prefix)metadata.\(key)", method: method, to: &found)
    }

    private static func add(
        _ value: JSONValue?,
        field: String,
        method: AttributionMethod,
        to found: inout [ClickIDCandidate]
    ) {
        guard let text = value?.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return }
        guard !found.contains(where: { $0.value == text }) else { return }
        found.append(ClickIDCandidate(value: text, method: method, field: field))
    }
}
