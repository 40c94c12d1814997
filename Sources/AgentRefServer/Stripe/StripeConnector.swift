import AgentRefDomain
import AgentRefLog
import Foundation

/// Connects and disconnects programs from Stripe accounts through Connect OAuth, and
/// keeps each connected account's webhook endpoint pointed at this server.
///
/// Status changes go through `StripeConnectionMachine`. One Stripe account serves at most
/// one program at a time.
final class StripeConnector: Sendable {
    let context: ServerContext
    let cleanup: StripeCleanupWorker

    init(context: ServerContext, cleanup: StripeCleanupWorker) {
        self.context = context
        self.cleanup = cleanup
    }

    private var store: Store { context.store }
    private var logger: Logger { context.logger }

    // MARK: - Connect

    /// Issues a new single-use OAuth `state` and the authorize URL that carries it, or
    /// reports that the program is already connected.
    func requestAuthorization(for program: Program) throws -> ConnectStripeResult {
        let connection = try store.stripeConnection(programId: program.id)
        if connection.status == .connected {
            let account = connection.stripeAccountId ?? "a Stripe account"
            return ConnectStripeResult(
                connected: true,
                programId: program.id,
                programReadiness: try context.readiness(of: program),
                authUrl: nil,
                message: "Program \(program.name) is already connected to Stripe account \(account); "
                    + "disconnect it first to connect another account."
            )
        }

        var machine = StripeConnectionMachine(status: connection.status)
        try machine.apply(.requestAuthorization)

        let now = context.clock.now()
        let state = OAuthStateRecord(
            state: IdentifierGenerator.make(prefix: "state", length: 40),
            programId: program.id,
            createdAt: now,
            expiresAt: now.addingTimeInterval(OAuthStateRecord.lifetime),
            usedAt: nil
        )
        let authURL = context.stripe.authorizeURL(state: state.state, redirectURI: context.oauthRedirectURI)

        var updated = connection
        updated.status = machine.status
        updated.authUrl = authURL
        updated.authExpiresAt = state.expiresAt
        updated.errorMessage = nil
        updated.updatedAt = now
        try store.transaction {
            try store.insertOAuthState(state)
            try store.saveStripeConnection(updated)
        }
        logger.info("stripe authorization requested", [.programID: program.id, .state: Self.last4(state.state)])

        return ConnectStripeResult(
            connected: false,
            programId: program.id,
            programReadiness: .setup,
            authUrl: authURL,
            message: "Open authUrl in a browser and authorize access to the Stripe account for program "
                + "\(program.name); the link works once and expires in 10 minutes."
        )
    }

    // MARK: - Disconnect

    /// Disconnects the program: locally at once, then deletes the webhook endpoint and
    /// deauthorizes on Stripe. When Stripe cannot be reached the connection is marked
    /// `cleanupPending` and the cleanup is retried in the background. Conversions stay.
    func disconnect(_ program: Program) throws -> DisconnectStripeResult {
        let connection = try store.stripeConnection(programId: program.id)
        guard connection.status != .disconnected else {
            if connection.cleanupPending { cleanup.wake() }
            return DisconnectStripeResult(success: true, programId: program.id)
        }

        var machine = StripeConnectionMachine(status: connection.status)
        try machine.apply(.disconnect)

        let now = context.clock.now()
        var updated = connection
        updated.status = machine.status
        if let account = connection.stripeAccountId {
            updated.cleanupPending = true
            updated.cleanupAccountId = account
            updated.cleanupEndpointId = connection.webhookEndpointId ?? connection.cleanupEndpointId
        }
        updated.stripeAccountId = nil
        updated.webhookEndpointId = nil
        updated.subscribedEvents = []
        updated.connectedAt = nil
        updated.authUrl = nil
        updated.authExpiresAt = nil
        updated.errorMessage = nil
        updated.updatedAt = now
        try store.transaction {
            try store.saveStripeConnection(updated)
            try store.invalidateOAuthStates(programId: program.id, at: now)
        }
        logger.info("stripe disconnected", [.programID: program.id, .accountID: connection.stripeAccountId ?? "-"])

        if updated.cleanupPending {
            cleanup.clean(programId: program.id)
        }
        return DisconnectStripeResult(success: true, programId: program.id)
    }

    static func last4(_ secret: String) -> String {
        "…" + String(secret.suffix(4))
    }
}

extension LogKey {
    /// The last four characters of an OAuth state.
    static let state: LogKey = "state"
}
