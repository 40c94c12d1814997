import AgentRefDomain
import AgentRefLog
import Foundation

/// Fetches the customer of a payment event from Stripe when the event's own objects carry
/// no click id, so that `agentref_cid` in the customer's metadata can credit the payment.
///
/// Stripe never expands `customer` in webhook events, so the customer's metadata is only
/// available through `GET /v1/customers/{id}` on the connected account. The call runs before
/// the webhook's database transaction, so a slow Stripe never blocks other writes. A failed
/// call is logged and the event is applied without the customer's metadata.
struct CustomerMetadataLookup {
    let context: ServerContext

    private var logger: Logger { context.logger }

    /// Returns the customer object to read click ids from, or nil when the event needs none
    /// or Stripe could not return it.
    func customer(
        for event: StripeEvent,
        facts: StripePaymentFacts?,
        connection: StripeConnectionRecord
    ) -> JSONValue? {
        guard let facts, facts.needsCustomerClickID, let customerId = facts.references.customerId else { return nil }
        guard connection.status == .connected, let account = connection.stripeAccountId else { return nil }
        guard event.account == nil || event.account == account else { return nil }
        guard let type = event.knownType, StripeEventType.subscribed.contains(type) else { return nil }

        do {
            return try context.stripe.retrieveCustomer(account: account, id: customerId)
        } catch let error as StripeAPIError where error.isResourceMissing {
            logger.info("customer not found for click id lookup", metadata(event, connection, customerId))
        } catch {
            var metadata = metadata(event, connection, customerId)
            metadata[.error] = String(describing: error)
            logger.warning("customer lookup failed; applying the event without customer metadata", metadata)
        }
        return nil
    }

    private func metadata(
        _ event: StripeEvent,
        _ connection: StripeConnectionRecord,
        _ customerId: String
    ) -> [LogKey: String] {
        [.programID: connection.programId, .eventID: event.id, .customerID: customerId]
    }
}

extension LogKey {
    static let customerID: LogKey = "customer_id"
}
