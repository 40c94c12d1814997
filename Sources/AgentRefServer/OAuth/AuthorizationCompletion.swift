import AgentRefDomain
import AgentRefLog
import Foundation

/// Finishes one OAuth callback whose state was just consumed: exchanges the code for the
/// account, claims the account for the program, registers the webhook endpoint, and
/// connects the program.
///
/// The claim is the compare-and-set that keeps the lifecycle consistent under concurrent
/// requests. It succeeds only while the program is still pending, no other callback of the
/// program has a fresh claim, and no other program is connected to or claiming the
/// account; the final step connects only while the claim is still this callback's. A grant
/// or endpoint that a cancelled callback leaves behind becomes a cleanup.
struct AuthorizationCompletion {
    let context: ServerContext
    let cleanup: StripeCleanupWorker
    let program: Program
    /// The consumed OAuth state, which identifies this callback's claim.
    let state: String

    private var store: Store { context.store }
    private var logger: Logger { context.logger }

    /// Runs the whole completion under the grant lock, so the cleanup worker cannot withdraw
    /// the fresh grant while the endpoint is registered, and a disconnect that lands
    /// meanwhile leaves no endpoint behind.
    func run(code: String) throws -> CallbackPage {
        context.stripeGrantLock.lock()
        defer { context.stripeGrantLock.unlock() }

        let (account, known) = try exchangeAndClaim(code)
        let endpoint = try register(account: account, known: known)
        try connect(account: account, endpoint: endpoint)

        logger.info("stripe connected", [
            .programID: program.id, .accountID: account, .endpointID: endpoint.id,
            .webhookMode: endpoint.kind.rawValue, .state: StripeConnector.last4(state),
        ])
        return .outcome(
            title: "Stripe connected",
            message: "Program \(program.name) now receives payments from Stripe account \(account); "
                + "you can close this window and return to the dashboard.",
            programId: program.id, connected: true, account: account
        )
    }

    // MARK: - Exchange and claim

    /// The outcome of trying to claim the account.
    private enum Claim {
        /// Claimed; carries the stored endpoint id and secret a reconnect may reuse.
        case claimed(known: (id: String, secret: String)?)
        case heldBy(programId: String)
        case notPending(StripeConnectionStatus)
        case busy
    }

    /// Exchanges the code and claims the account; the caller holds the grant lock.
    private func exchangeAndClaim(_ code: String) throws -> (String, (id: String, secret: String)?) {
        let account = try exchange(code)
        switch try claim(account) {
        case .claimed(let known):
            return (account, known)
        case .heldBy(let holderId):
            throw try conflict(account: account, holderId: holderId)
        case .notPending(let status):
            try releaseGrant(account: account, endpoint: nil)
            cleanup.wake()
            throw CallbackPage.failure(409, "CONFLICT", title: "Stripe connection cancelled",
                message: "Program \(program.name) is \(status.label), not waiting for authorization, so Stripe "
                    + "account \(account) was not connected; start the connection again from the dashboard.")
        case .busy:
            try releaseGrant(account: account, endpoint: nil)
            cleanup.wake()
            throw CallbackPage.failure(409, "CONFLICT", title: "Stripe connection in progress",
                message: "Another authorization of program \(program.name) is being completed; check the "
                    + "dashboard in a moment.")
        }
    }

    private func exchange(_ code: String) throws -> String {
        do {
            return try context.stripe.exchangeAuthorizationCode(code)
        } catch let error as StripeAPIError {
            logger.error("stripe code exchange failed", [.programID: program.id, .error: error.description])
            let reason: String
            if case .unreachable = error {
                reason = "Stripe could not be reached to exchange the authorization code: \(error.description)"
            } else {
                reason = "Stripe rejected the authorization code: \(error.description)"
            }
            recordFailure(.fail, account: nil, message: reason)
            throw CallbackPage.failure(502, "STRIPE_ERROR", title: "Stripe connection failed",
                message: "\(error.description); start the connection again from the dashboard.")
        }
    }

    private func claim(_ account: String) throws -> Claim {
        let now = context.clock.now()
        return try store.updateStripeConnection(programId: program.id) { connection in
            guard connection.status == .pending else { return .notPending(connection.status) }
            if let other = connection.authorizing, other.state != state, other.isFresh(at: now) { return .busy }

            let claimedSince = now.addingTimeInterval(-AuthorizationClaim.lifetime)
            if let holder = try store.programHolding(account: account, excludingProgramId: program.id, claimedSince: claimedSince) {
                return .heldBy(programId: holder)
            }

            connection.authorizing = AuthorizationClaim(state: state, accountId: account, since: now)
            let taken = try store.takeOverStripeCleanups(programId: program.id, accountId: account)
            if !taken.isEmpty {
                logger.info("stripe cleanup cancelled by reconnect", [.programID: program.id, .accountID: account])
            }
            return .claimed(known: connection.reusableAccountEndpoint)
        }
    }

    /// Builds the page for an account another program holds. The holder is left alone; this
    /// program's authorization ends in `error` with the reason, because its single-use
    /// link is spent and the dashboard waiting on it must say why instead of waiting on.
    private func conflict(account: String, holderId: String) throws -> CallbackPage {
        let holderName = try store.program(id: holderId)?.name ?? holderId
        logger.warning("stripe account held by another program", [
            .programID: program.id, .accountID: account, .reason: "held by \(holderId)",
        ])
        recordFailure(.fail, account: nil, message: "Stripe account \(account) is already connected to program "
            + "\(holderName) (\(holderId)). Disconnect it there, or connect again and authorize a "
            + "different Stripe account.")
        var page = CallbackPage.failure(409, "CONFLICT", title: "Stripe account already connected",
            message: "Stripe account \(account) is already connected to program \(holderName) (\(holderId)), so "
                + "program \(program.name) was not connected and \(holderName) was not changed. Disconnect \(holderName) "
                + "first, or connect \(program.name) again and authorize a different Stripe account.")
        page.programId = program.id
        page.details = ["stripeAccountId": .string(account), "holderProgramId": .string(holderId)]
        return page
    }

    // MARK: - Endpoint and connection

    /// Registers the endpoint in the server's webhook mode. On failure it records why, hands
    /// the grant to the cleanup worker and throws the page.
    private func register(account: String, known: (id: String, secret: String)?) throws
        -> WebhookEndpointSetup.Endpoint
    {
        do {
            return try WebhookEndpointSetup(context: context)
                .register(account: account, programId: program.id, known: known)
        } catch let failure as WebhookEndpointSetup.Failure {
            let reason = record(failure, account: account)
            try releaseGrant(account: account, endpoint: nil)
            cleanup.wake()
            throw CallbackPage.failure(502, "STRIPE_ERROR", title: "Stripe connection failed",
                message: "\(reason) Start the connection again from the dashboard.")
        }
    }

    /// Logs and records a failed registration, and returns the reason for the page.
    private func record(_ failure: WebhookEndpointSetup.Failure, account: String) -> String {
        let reason: String
        switch failure {
        case .accountEndpointNotPermitted(let error):
            reason = "Stripe did not allow creating the webhook endpoint on account \(account) (\(error.description)). "
                + "The server runs in account webhook mode; start it with --stripe-webhook-mode auto or connect "
                + "to receive events through a platform Connect endpoint instead."
            recordFailure(.fail, account: account, message: reason)
        case .accountEndpoint(let error) where error.isAccessWithdrawn:
            reason = "Stripe rejected access to account \(account) while registering the webhook endpoint "
                + "(\(error.description)); connect again and approve access."
            recordFailure(.revoke, account: account, message: reason)
        case .accountEndpoint(let error):
            reason = "Stripe did not register the webhook endpoint: \(error.description)."
            recordFailure(.fail, account: account, message: reason)
        case .platformEndpoint(let error):
            reason = "Stripe did not register the platform Connect webhook endpoint: \(error.description)."
            recordFailure(.fail, account: account, message: reason)
        }
        logger.error("webhook endpoint setup failed", [.programID: program.id, .accountID: account, .error: reason])
        return reason
    }

    /// Connects the program while this callback's claim is in place; otherwise the endpoint and
    /// grant become a cleanup and the page says the connection was cancelled.
    private func connect(account: String, endpoint: WebhookEndpointSetup.Endpoint) throws {
        let now = context.clock.now()
        let connected: Bool = try store.updateStripeConnection(programId: program.id) { connection in
            guard connection.status == .pending, connection.authorizing?.state == state else { return false }

            try connection.apply(.authorize, at: now)
            Self.setEndpoint(endpoint, of: &connection)
            connection.stripeAccountId = account
            connection.subscribedEvents = StripeEventType.subscribed.map(\.rawValue)
            connection.connectedAt = now
            connection.authUrl = nil
            connection.authExpiresAt = nil
            connection.authorizing = nil
            connection.errorMessage = nil
            try store.invalidateOAuthStates(programId: program.id, at: now)
            return true
        }
        guard connected else {
            // The platform endpoint serves other programs, so only an account endpoint goes.
            let leftover = endpoint.kind == .account ? deleteUnusedEndpoint(endpoint.id, account: account) : nil
            try releaseGrant(account: account, endpoint: leftover)
            cleanup.wake()
            throw CallbackPage.failure(409, "CONFLICT", title: "Stripe connection cancelled",
                message: "Program \(program.name) was disconnected while Stripe was authorizing, so Stripe account "
                    + "\(account) was not connected; start the connection again from the dashboard.")
        }
    }

    /// Points the connection at `endpoint`. An account endpoint's new secret becomes the
    /// current one. In connect mode the program has no secret of its own, and the last one
    /// stays accepted as the previous secret while deliveries signed with it drain.
    private static func setEndpoint(
        _ endpoint: WebhookEndpointSetup.Endpoint, of connection: inout StripeConnectionRecord
    ) {
        if connection.endpointSecret != endpoint.secret {
            connection.previousEndpointSecret = connection.endpointSecret ?? connection.previousEndpointSecret
            connection.endpointSecret = endpoint.secret
        }
        connection.endpointKind = endpoint.kind
        connection.webhookEndpointId = endpoint.id
        connection.webhookUrl = endpoint.url
    }

    /// Deletes an endpoint this callback registered for a program that was disconnected
    /// meanwhile, while the grant is still valid; returns the id when the deletion failed
    /// and must be left to the cleanup worker.
    private func deleteUnusedEndpoint(_ endpointId: String, account: String) -> String? {
        do {
            try context.stripe.deleteWebhookEndpoint(account: account, id: endpointId)
            logger.info("unused webhook endpoint deleted", [
                .programID: program.id, .accountID: account, .endpointID: endpointId,
            ])
            return nil
        } catch {
            logger.warning("unused webhook endpoint not deleted, cleanup retries", [
                .programID: program.id, .endpointID: endpointId, .error: String(describing: error),
            ])
            return endpointId
        }
    }

    /// Schedules the removal of a grant (and endpoint) this callback made but will not use.
    /// The cleanup worker skips the deauthorization while a program is connected to the account or claims it.
    private func releaseGrant(account: String, endpoint: String?) throws {
        try store.scheduleStripeCleanup(programId: program.id, accountId: account, endpointId: endpoint, at: context.clock.now())
        logger.info("stripe grant released", [.programID: program.id, .accountID: account, .endpointID: endpoint ?? "-"])
    }

    /// Moves the pending connection to `revoked` or `error` with `message`, unless another
    /// callback has a fresh claim or the program left `pending` meanwhile.
    private func recordFailure(_ input: StripeConnectionMachine.Input, account: String?, message: String) {
        let now = context.clock.now()
        do {
            try store.updateStripeConnection(programId: program.id) { connection in
                if let other = connection.authorizing, other.state != state, other.isFresh(at: now) { return }
                guard connection.status == .pending else { return }

                try connection.apply(input, at: now)
                connection.errorMessage = message
                connection.authUrl = nil
                connection.authExpiresAt = nil
                connection.authorizing = nil
                // The account involved, or none: an earlier connection's account would mislead.
                connection.stripeAccountId = account
            }
        } catch {
            logger.error("stripe failure not recorded", [.programID: program.id, .error: String(describing: error)])
        }
    }
}
