import AgentRefDomain
import AgentRefLog
import Foundation

/// Finishes disconnects on Stripe: deletes the old webhook endpoint and deauthorizes the
/// account, retrying in the background with exponential backoff while Stripe is unreachable.
///
/// Nothing is removed from Stripe that a program uses again: the endpoint is kept when
/// the program reconnected and reuses it, and the account is not deauthorized while any
/// program is connected to it.
final class StripeCleanupWorker: @unchecked Sendable {
    private let context: ServerContext
    private let baseDelay: TimeInterval
    private let maxDelay: TimeInterval
    private let condition = NSCondition()
    private var isWoken = false
    private var isStopped = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

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

    func start() {
        let thread = Thread { [weak self] in self?.run() }
        thread.name = "stripe-cleanup"
        condition.withLock {
            self.thread = thread
            isWoken = true
        }
        thread.start()
    }

    /// Stops the worker and waits for its thread to end.
    func stop() {
        let running = condition.withLock {
            isStopped = true
            condition.broadcast()
            return thread != nil
        }
        if running { finished.wait() }
    }

    /// Starts a retry round now. `start()` also runs one, for cleanups left by an earlier run.
    func wake() {
        condition.withLock {
            isWoken = true
            condition.broadcast()
        }
    }

    /// Tries the cleanup of one program now, on the caller's thread; on a retryable failure
    /// the background worker takes over.
    func clean(programId: String) {
        if !attempt(programId: programId) { wake() }
    }

    // MARK: - Background loop

    private func run() {
        var delay: TimeInterval?
        while waitForRound(delay: delay) {
            if retryAll() {
                delay = nil
            } else {
                delay = delay.map { min(maxDelay, $0 * 2) } ?? baseDelay
            }
        }
        finished.signal()
    }

    /// Waits `delay` seconds (an hour when nil) or until woken; returns false once stopped.
    private func waitForRound(delay: TimeInterval?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        // NOTE: Foundation on Linux traps on `wait(until: .distantFuture)`, so "no delay"
        // waits an hour and starts a round that finds nothing to do.
        let deadline = Date().addingTimeInterval(delay ?? 3600)
        while !isWoken, !isStopped {
            guard condition.wait(until: deadline) else { break }
        }
        isWoken = false
        return !isStopped
    }

    /// Retries every pending cleanup; returns true when none is left.
    private func retryAll() -> Bool {
        do {
            let pending = try store.connectionsAwaitingCleanup()
            return pending.map { attempt(programId: $0.programId) }.allSatisfy { $0 }
        } catch {
            logger.error("stripe cleanup failed to read the store", [.error: String(describing: error)])
            return false
        }
    }

    // MARK: - One cleanup

    /// Returns false when Stripe could not be reached and the cleanup must be retried.
    private func attempt(programId: String) -> Bool {
        do {
            let connection = try store.stripeConnection(programId: programId)
            guard connection.cleanupPending, let account = connection.cleanupAccountId else { return true }

            try deleteEndpoint(connection, account: account)
            try deauthorize(account, programId: programId)
            try markDone(programId: programId, account: account)
            logger.info("stripe cleanup finished", [.programID: programId, .accountID: account])
            return true
        } catch let error as StripeAPIError where error.isRetryable {
            logger.warning("stripe cleanup will be retried", [.programID: programId, .error: error.description])
            return false
        } catch {
            logger.error("stripe cleanup failed", [.programID: programId, .error: String(describing: error)])
            return false
        }
    }

    private func deleteEndpoint(_ connection: StripeConnectionRecord, account: String) throws {
        guard let endpoint = connection.cleanupEndpointId, endpoint != connection.webhookEndpointId else { return }
        do {
            try context.stripe.deleteWebhookEndpoint(account: account, id: endpoint)
        } catch let error as StripeAPIError where !error.isRetryable {
            logger.warning("webhook endpoint not deleted", [.endpointID: endpoint, .error: error.description])
        }
    }

    private func deauthorize(_ account: String, programId: String) throws {
        if let holder = try store.programConnected(toAccount: account, excludingProgramId: "") {
            logger.info("stripe deauthorize skipped", [.accountID: account, .programID: holder])
            return
        }
        do {
            try context.stripe.deauthorize(accountId: account)
        } catch let error as StripeAPIError where !error.isRetryable {
            logger.warning("stripe deauthorize rejected", [.accountID: account, .error: error.description])
        }
    }

    private func markDone(programId: String, account: String) throws {
        try store.transaction {
            var connection = try store.stripeConnection(programId: programId)
            guard connection.cleanupAccountId == account else { return }
            connection.cleanupPending = false
            connection.cleanupAccountId = nil
            connection.cleanupEndpointId = nil
            connection.updatedAt = context.clock.now()
            try store.saveStripeConnection(connection)
        }
    }
}
