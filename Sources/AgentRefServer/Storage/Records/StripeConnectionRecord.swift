import AgentRefDomain
import Foundation

/// A program's Stripe connection as stored, including the webhook signing secrets that
/// the API never returns.
struct StripeConnectionRecord: Hashable, Sendable {
    var programId: String
    var status: StripeConnectionStatus
    var stripeAccountId: String?
    var webhookEndpointId: String?
    var webhookUrl: String?
    /// The `whsec_` secret Stripe returned when the endpoint was created.
    var endpointSecret: String?
    /// The secret of the endpoint before the last reconnect, still accepted so deliveries
    /// signed just before the switch verify.
    var previousEndpointSecret: String?
    var subscribedEvents: [String] = []
    /// The authorize URL of the last issued OAuth `state`, while `status` is pending.
    var authUrl: String?
    var authExpiresAt: Date?
    var connectedAt: Date?
    var lastEventAt: Date?
    var lastEventType: String?
    var lastEventId: String?
    /// True while a disconnect could not delete the webhook endpoint or deauthorize on Stripe.
    var cleanupPending = false
    /// The account and endpoint the pending cleanup concerns.
    var cleanupAccountId: String?
    var cleanupEndpointId: String?
    var errorMessage: String?
    var updatedAt: Date

    /// Makes the record of a connection that was never made.
    static func disconnected(programId: String, at date: Date) -> StripeConnectionRecord {
        StripeConnectionRecord(programId: programId, status: .disconnected, updatedAt: date)
    }

    /// Secrets a webhook signature may be made with, newest first.
    var signingSecrets: [String] {
        [endpointSecret, previousEndpointSecret].compactMap { $0 }
    }

    /// Builds the API's view of the connection, without secrets.
    func detail(unattributedPayments: Int) -> StripeConnection {
        var detail = StripeConnection(
            programId: programId,
            status: status,
            stripeAccountId: stripeAccountId,
            webhookEndpointId: status == .connected ? webhookEndpointId : nil,
            subscribedEvents: status == .connected ? subscribedEvents : [],
            unattributedPayments: unattributedPayments
        )
        detail.webhookUrl = webhookUrl
        detail.connectedAt = status == .connected ? connectedAt : nil
        detail.lastEventAt = lastEventAt
        detail.lastEventType = lastEventType
        detail.lastEventId = lastEventId
        detail.authUrl = status == .pending ? authUrl : nil
        detail.authExpiresAt = status == .pending ? authExpiresAt : nil
        detail.errorMessage = errorMessage
        detail.webhookMode = "account"
        detail.cleanupPending = cleanupPending
        return detail
    }
}
