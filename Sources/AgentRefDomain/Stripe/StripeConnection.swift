import Foundation

/// The connection detail of one program, as the server's extension route
/// `GET /api/v1/programs/{id}/stripe` returns it.
public struct StripeConnection: Hashable, Sendable, Codable {
    public var programId: String
    public var status: StripeConnectionStatus
    public var stripeAccountId: String?
    public var webhookEndpointId: String?
    public var webhookUrl: String?
    /// Event types the webhook endpoint is subscribed to.
    public var subscribedEvents: [String]
    public var connectedAt: Date?
    public var lastEventAt: Date?
    public var lastEventType: String?
    public var lastEventId: String?
    /// Payments received without a known `agentref_cid`, so no affiliate was credited.
    public var unattributedPayments: Int
    /// The authorize URL while `status` is `pending`.
    public var authUrl: String?
    /// When the pending authorization expires.
    public var authExpiresAt: Date?
    /// The reason the connection is in `error` or `revoked`, or a warning while connected.
    public var errorMessage: String?
    /// The kind of webhook endpoint: `account` for an endpoint on the merchant's own
    /// Stripe account, `connect` for a platform Connect endpoint.
    public var webhookMode: String?
    /// True while a disconnect could not reach Stripe and the cleanup will be retried.
    public var cleanupPending: Bool?
    /// Why the last cleanup on Stripe did not finish, or what is left to do by hand when
    /// Stripe rejected it for good; nil when every cleanup finished.
    public var cleanupMessage: String?

    public init(
        programId: String,
        status: StripeConnectionStatus,
        stripeAccountId: String? = nil,
        webhookEndpointId: String? = nil,
        subscribedEvents: [String] = [],
        unattributedPayments: Int = 0
    ) {
        self.programId = programId
        self.status = status
        self.stripeAccountId = stripeAccountId
        self.webhookEndpointId = webhookEndpointId
        self.subscribedEvents = subscribedEvents
        self.unattributedPayments = unattributedPayments
    }
}
