import AgentRefDomain
import AgentRefLog
import Foundation

/// Finishes what disconnects leave on Stripe: deletes the webhook endpoint and withdraws
/// the platform's access (`POST /oauth/deauthorize`), one `StripeCleanupRecord` at a time.
///
/// Only a transport error, a 5xx or a 429 keeps a cleanup pending; the background loop then
/// retries with exponential backoff. Access that is already gone counts as done: an
/// endpoint Stripe no longer lets the platform delete is left for a reconnect to replace,
/// and a deauthorization of a grant that no longer exists has nothing left to do. Any other
/// rejection ends the cleanup as `failed`, with a message saying what to remove by hand.
/// An account is not deauthorized while another program is connected to it or connecting it.
/// A program in connect mode leaves no endpoint to delete, because the platform Connect
/// endpoint is shared and stays, so its cleanup only deauthorizes.
final class StripeCleanupWorker: @unchecked Sendable {
    private let context: ServerContext
    private let baseDelay: TimeInterval
    private let maxDelay: TimeInterval
    private let loop = BackgroundLoop(name: "stripe-cleanup")
    private let lock = NSLock()
    private var retryDelay: TimeInterval?

    /// - Parameters:
    ///   - baseDelay: Seconds before the first retry; doubled after each failed round.
    ///   - maxDelay: Upper bound of the delay, in seconds.
    init(context: ServerContext, baseDelay: TimeInterval = 2, maxDelay: TimeInterval = 300) {
        self.context = context
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    private var store: Store { context.store }
    private var logger: Logger { context.logger }

    /// Starts the background loop; its first round retries cleanups left by an earlier run.
    func start() {
        loop.start { [weak self] in self?.retryAll() }
    }

    /// Stops the loop and waits for the current round to end.
    func stop() {
        loop.stop()
    }

    /// Starts a background round now.
    func wake() {
        loop.wake()
    }

    /// Tries the program's pending cleanups on the caller's thread and leaves whatever
    /// Stripe did not finish to the background loop, which retries after `baseDelay`.
    func runNow(programId: String) {
        do {
            let pending = try store.stripeCleanups(programId: programId).filter { $0.state == .pending }
            let unfinished = pending.filter { !attempt($0.id) }
            if !unfinished.isEmpty { loop.wake(after: baseDelay) }
        } catch {
            logger.error("stripe cleanup failed to read the store", [.programID: programId, .error: "\(error)"])
            loop.wake(after: baseDelay)
        }
    }

    // MARK: - Background rounds

    /// Tries every pending cleanup; returns the delay before the next round, or nil when
    /// none is left.
    private func retryAll() -> TimeInterval? {
        let unfinished: Int
        do {
            unfinished = try store.pendingStripeCleanups().filter { !attempt($0.id) }.count
        } catch {
            logger.error("stripe cleanup failed to read the store", [.error: String(describing: error)])
            unfinished = 1
        }
        return lock.withLock {
            guard unfinished > 0 else {
                retryDelay = nil
                return nil
            }
            let next = retryDelay.map { min(maxDelay, $0 * 2) } ?? baseDelay
            retryDelay = next
            return next
        }
    }

    // MARK: - One cleanup

    /// Runs one cleanup under the grant lock; returns false when it must be retried.
    private func attempt(_ id: String) -> Bool {
        context.stripeGrantLock.lock()
        defer { context.stripeGrantLock.unlock() }

        let cleanup: StripeCleanupRecord
        do {
            guard let current = try store.stripeCleanup(id: id), current.state == .pending else { return true }
            cleanup = current
        } catch {
            logger.error("stripe cleanup failed to read the store", [.error: String(describing: error)])
            return false
        }

        do {
            let notes = [try deleteEndpoint(of: cleanup), try deauthorize(cleanup)].compactMap { $0 }
            return try finish(cleanup, notes: notes)
        } catch let error as StripeAPIError where error.isRetryable {
            recordRetry(cleanup, error: error)
            return false
        } catch {
            logger.error("stripe cleanup failed", [.programID: cleanup.programId, .error: String(describing: error)])
            return false
        }
    }

    /// Deletes the endpoint; returns a note for a rejection that retrying cannot fix.
    private func deleteEndpoint(of cleanup: StripeCleanupRecord) throws -> String? {
        guard let endpoint = cleanup.endpointId else { return nil }
        do {
            try context.stripe.deleteWebhookEndpoint(account: cleanup.accountId, id: endpoint)
            return nil
        } catch let error as StripeAPIError where error.isAccessWithdrawn {
            logger.info("webhook endpoint left on stripe, access is gone", [
                .programID: cleanup.programId, .accountID: cleanup.accountId, .endpointID: endpoint,
                .reason: error.description,
            ])
            return nil
        } catch let error as StripeAPIError where !error.isRetryable {
            logger.warning("webhook endpoint not deleted", [
                .programID: cleanup.programId, .endpointID: endpoint, .error: error.description,
            ])
            return "webhook endpoint \(endpoint) on Stripe account \(cleanup.accountId) was not deleted "
                + "(\(error.description)); delete it in the Stripe dashboard"
        }
    }

    /// Withdraws access unless a program is connected to the account or connecting it;
    /// returns a note for a rejection that retrying cannot fix.
    private func deauthorize(_ cleanup: StripeCleanupRecord) throws -> String? {
        let account = cleanup.accountId
        let claimedSince = context.clock.now().addingTimeInterval(-AuthorizationClaim.lifetime)
        if let holder = try store.programHolding(account: account, excludingProgramId: "", claimedSince: claimedSince) {
            logger.info("stripe deauthorize skipped, account in use", [.accountID: account, .programID: holder])
            return nil
        }

        do {
            try context.stripe.deauthorize(accountId: account)
            return nil
        } catch let error as StripeAPIError where error.isGrantGone {
            logger.info("stripe access already withdrawn", [.accountID: account, .reason: error.description])
            return nil
        } catch let error as StripeAPIError where !error.isRetryable {
            logger.warning("stripe deauthorize rejected", [.accountID: account, .error: error.description])
            return "access to Stripe account \(account) was not withdrawn (\(error.description)); "
                + "remove the application in that account's Stripe dashboard"
        }
    }

    /// Removes or fails the cleanup; returns false, leaving it pending, when a callback that
    /// raced the disconnect added an endpoint to it meanwhile, which this round did not delete.
    private func finish(_ cleanup: StripeCleanupRecord, notes: [String]) throws -> Bool {
        let unchanged = try store.transaction { () -> Bool in
            guard let current = try store.stripeCleanup(id: cleanup.id) else { return true }
            guard current.endpointId == cleanup.endpointId else { return false }
            if notes.isEmpty { try store.deleteStripeCleanup(id: cleanup.id) }
            return true
        }
        guard unchanged else {
            logger.info("stripe cleanup gained an endpoint, running it again", [
                .programID: cleanup.programId, .accountID: cleanup.accountId,
            ])
            return false
        }
        guard !notes.isEmpty else {
            logger.info("stripe cleanup finished", [.programID: cleanup.programId, .accountID: cleanup.accountId])
            return true
        }

        var failed = cleanup
        failed.state = .failed
        failed.attempts += 1
        failed.message = notes.joined(separator: "; ")
        failed.updatedAt = context.clock.now()
        try store.updateStripeCleanup(failed)
        logger.warning("stripe cleanup failed", [
            .programID: cleanup.programId, .accountID: cleanup.accountId, .reason: failed.message ?? "",
        ])
        return true
    }

    private func recordRetry(_ cleanup: StripeCleanupRecord, error: StripeAPIError) {
        var retried = cleanup
        retried.attempts += 1
        retried.message = "Disconnected here, but removing the webhook endpoint and access on Stripe account "
            + "\(cleanup.accountId) failed (\(error.description)); the server retries"
        retried.updatedAt = context.clock.now()
        logger.warning("stripe cleanup will be retried", [
            .programID: cleanup.programId, .accountID: cleanup.accountId, .attempt: String(retried.attempts),
            .error: error.description,
        ])
        do {
            try store.updateStripeCleanup(retried)
        } catch {
            logger.error("stripe cleanup failed to update the store", [.error: String(describing: error)])
        }
    }
}
