import AgentRefDomain
import Foundation

/// A program's Stripe connection as stored, including the webhook signing secrets that
/// the API never returns.
///
/// `status` changes only through `apply(_:at:)`, which consults `StripeConnectionMachine`, so
/// no code path can make a transition the lifecycle does not allow.
struct StripeConnectionRecord: Hashable, Sendable {
    var programId: String
    private(set) var status: StripeConnectionStatus
    /// The connected account while connected; in `revoked` and `error`, the account whose
    /// access was lost or whose connection failed.
    var stripeAccountId: String?
    /// The kind of endpoint the program's events arrive through, kept after a disconnect
    /// like the endpoint id.
    var endpointKind: WebhookEndpointKind = .account
    /// The last webhook endpoint registered for the program: its own account endpoint, or
    /// in connect mode the server's shared platform endpoint. It is kept after a disconnect
    /// or a revocation, so a reconnect to the same account can find and reuse it.
    var webhookEndpointId: String?
    var webhookUrl: String?
    /// The `whsec_` secret of the program's account endpoint, which Stripe returns only at
    /// creation; nil in connect mode, whose secret is the server's (`PlatformEndpointRecord`).
    var endpointSecret: String?
    /// The secret of the endpoint before the last reconnect, still accepted so deliveries
    /// signed just before the switch verify.
    var previousEndpointSecret: String?
    var subscribedEvents: [String] = []
    /// The authorize URL of the last issued OAuth `state`, while `status` is pending.
    var authUrl: String?
    var authExpiresAt: Date?
    /// The OAuth callback that is completing the pending authorization, if any.
    var authorizing: AuthorizationClaim?
    var connectedAt: Date?
    var lastEventAt: Date?
    var lastEventType: String?
    var lastEventId: String?
    var errorMessage: String?
    var updatedAt: Date

    init(programId: String, status: StripeConnectionStatus, updatedAt: Date) {
        self.programId = programId
        self.status = status
        self.updatedAt = updatedAt
    }

    /// Makes the record of a connection that was never made.
    static func disconnected(programId: String, at date: Date) -> StripeConnectionRecord {
        StripeConnectionRecord(programId: programId, status: .disconnected, updatedAt: date)
    }

    /// Moves the status as `StripeConnectionMachine` allows and stamps `updatedAt`.
    ///
    /// - Throws: `StripeConnectionMachine.InvalidTransition` when the current status does not
    ///   accept `input`; the record is then unchanged.
    mutating func apply(_ input: StripeConnectionMachine.Input, at date: Date) throws {
        var machine = StripeConnectionMachine(status: status)
        try machine.apply(input)
        status = machine.status
        updatedAt = date
    }

    /// Secrets a signature on the program's own route may be made with, newest first.
    var signingSecrets: [String] {
        [endpointSecret, previousEndpointSecret].compactMap { $0 }
    }

    /// The stored id and secret of the program's account endpoint, which a reconnect in
    /// account mode may reuse. Nil in connect mode or when the secret is unknown.
    var reusableAccountEndpoint: (id: String, secret: String)? {
        guard endpointKind == .account, let id = webhookEndpointId, let secret = endpointSecret else { return nil }
        return (id, secret)
    }

    /// Builds the API's view of the connection, without secrets.
    ///
    /// - Parameter cleanups: The program's unfinished Stripe cleanups, newest first.
    func detail(unattributedPayments: Int, cleanups: [StripeCleanupRecord]) -> StripeConnection {
        let isConnected = status == .connected
        var detail = StripeConnection(
            programId: programId,
            status: status,
            stripeAccountId: status == .pending || status == .disconnected ? nil : stripeAccountId,
            webhookEndpointId: isConnected ? webhookEndpointId : nil,
            subscribedEvents: isConnected ? subscribedEvents : [],
            unattributedPayments: unattributedPayments
        )
        detail.webhookUrl = webhookUrl
        detail.connectedAt = isConnected ? connectedAt : nil
        detail.lastEventAt = lastEventAt
        detail.lastEventType = lastEventType
        detail.lastEventId = lastEventId
        detail.authUrl = status == .pending ? authUrl : nil
        detail.authExpiresAt = status == .pending ? authExpiresAt : nil
        detail.errorMessage = errorMessage
        detail.webhookMode = endpointKind.rawValue
        detail.cleanupPending = cleanups.contains { $0.state == .pending }
        detail.cleanupMessage = cleanups.first?.message
        return detail
    }
}

/// The OAuth callback that is finishing a pending authorization: it exchanged its code for
/// `accountId` and is registering the webhook endpoint. While the claim is fresh no other
/// program can connect that account and no other callback can finish this program.
struct AuthorizationClaim: Hashable, Sendable {
    /// The OAuth `state` of the callback, which identifies it.
    var state: String
    var accountId: String
    var since: Date

    /// Seconds after which a claim counts as abandoned, for example by a server that
    /// stopped mid-callback. A callback makes at most a few Stripe calls of 10 s each.
    static let lifetime: TimeInterval = 120

    func isFresh(at date: Date) -> Bool {
        date.timeIntervalSince(since) < Self.lifetime
    }
}
