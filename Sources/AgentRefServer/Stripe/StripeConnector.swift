import AgentRefDomain
import AgentRefLog
import Foundation

/// Starts and ends programs' Stripe connections on behalf of the API: issues OAuth
/// authorize URLs and disconnects, leaving the work on Stripe to `StripeCleanupWorker`.
///
/// Each operation reads, checks and writes the connection in one store transaction and
/// changes the status only through `StripeConnectionMachine`, so two terminals acting at
/// once see each other's changes whole.
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
    ///
    /// Earlier states of a pending program stay valid until one of them is used, so two
    /// terminals that both requested a link can each use theirs. The first callback wins.
    func requestAuthorization(for program: Program) throws -> ConnectStripeResult {
        let now = context.clock.now()
        let state = OAuthStateRecord(
            state: IdentifierGenerator.make(prefix: "state", length: 40),
            programId: program.id,
            createdAt: now,
            expiresAt: now.addingTimeInterval(OAuthStateRecord.lifetime),
            usedAt: nil
        )
        let authURL = context.stripe.authorizeURL(state: state.state, redirectURI: context.oauthRedirectURI)

        let connectedAccount: String? = try store.updateStripeConnection(programId: program.id) { connection in
            if connection.status == .connected { return connection.stripeAccountId ?? "a Stripe account" }

            try connection.apply(.requestAuthorization, at: now)
            connection.authUrl = authURL
            connection.authExpiresAt = state.expiresAt
            connection.errorMessage = nil
            if let claim = connection.authorizing, !claim.isFresh(at: now) { connection.authorizing = nil }
            try store.insertOAuthState(state)
            return nil
        }

        if let connectedAccount {
            return ConnectStripeResult(
                connected: true,
                programId: program.id,
                programReadiness: try context.readiness(of: program),
                authUrl: nil,
                message: "Program \(program.name) is already connected to Stripe account \(connectedAccount); "
                    + "disconnect it first to connect another account."
            )
        }
        logger.info("stripe authorization requested", [.programID: program.id, .state: Self.last4(state.state)])
        return ConnectStripeResult(
            connected: false,
            programId: program.id,
            programReadiness: .setup,
            authUrl: authURL,
            message: "Open the authorization URL in a browser and authorize access to the Stripe account for program "
                + "\(program.name); the link works once and expires in 10 minutes."
        )
    }

    // MARK: - Disconnect

    /// Disconnects the program at once and leaves the webhook endpoint's deletion and the
    /// deauthorization to the cleanup worker, which tries them before this returns and
    /// retries in the background while Stripe is unreachable. Conversions and commissions
    /// stay. Disconnecting a disconnected program changes nothing. In connect mode only the
    /// deauthorization is scheduled: the platform Connect endpoint is kept for the other
    /// programs and the next connection, and after the deauthorization Stripe sends it
    /// nothing more from that account.
    func disconnect(_ program: Program) throws -> DisconnectStripeResult {
        let now = context.clock.now()
        let released: (account: String?, endpoint: String?)? = try store.updateStripeConnection(
            programId: program.id
        ) { connection in
            guard connection.status != .disconnected else { return nil }

            let isPending = connection.status == .pending
            let account = isPending ? connection.authorizing?.accountId : connection.stripeAccountId
            // The platform Connect endpoint serves every program in connect mode, so it stays.
            let ownsEndpoint = !isPending && connection.endpointKind == .account
            let endpoint = ownsEndpoint ? connection.webhookEndpointId : nil
            try connection.apply(.disconnect, at: now)
            Self.clearConnectionFields(&connection)
            try store.invalidateOAuthStates(programId: program.id, at: now)
            if let account {
                try store.scheduleStripeCleanup(programId: program.id, accountId: account, endpointId: endpoint, at: now)
            }
            return (account, endpoint)
        }

        if let released {
            logger.info("stripe disconnected", [
                .programID: program.id, .accountID: released.account ?? "-", .endpointID: released.endpoint ?? "-",
            ])
        }
        cleanup.runNow(programId: program.id)
        return DisconnectStripeResult(success: true, programId: program.id)
    }

    /// Clears what only a live or pending connection has. The endpoint id and secret stay,
    /// so a reconnect can reuse an endpoint that a failed cleanup left on the account.
    private static func clearConnectionFields(_ connection: inout StripeConnectionRecord) {
        connection.stripeAccountId = nil
        connection.subscribedEvents = []
        connection.connectedAt = nil
        connection.authUrl = nil
        connection.authExpiresAt = nil
        connection.authorizing = nil
        connection.errorMessage = nil
    }

    static func last4(_ secret: String) -> String {
        "…" + String(secret.suffix(4))
    }
}

extension LogKey {
    /// The last four characters of an OAuth state.
    static let state: LogKey = "state"
}
