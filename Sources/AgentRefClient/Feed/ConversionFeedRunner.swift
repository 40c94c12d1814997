import AgentRefDomain
import AgentRefLog
import Foundation

/// Produces one `conversionFeed`: the server's event stream while it has one, else polling,
/// delivering each entry once, in order, and reporting the connection state.
///
/// Entries are delivered only when their sequence is above the last delivered one, so the
/// replay after a reconnect and any overlap between polls show nothing twice. The runner
/// stops when its task is cancelled, which happens when the consumer stops iterating.
actor ConversionFeedRunner {
    let client: AgentRefHTTPClient
    let programID: String?
    let backlog: Int
    let options: FeedOptions
    let logger: Logger
    private let continuation: AsyncStream<FeedUpdate>.Continuation

    /// Sequence of the last entry delivered to the consumer.
    var lastDeliveredSequence: Int64?
    /// The highest `id` the stream sent, possibly without an entry. A stream that delivered
    /// nothing yet resumes after it.
    var announcedSequence: Int64?
    /// The server's `retry` time, in seconds.
    var serverRetryDelay: Double?
    /// Failed connection or poll attempts since the last success.
    var consecutiveFailures = 0
    private var lastState: FeedConnectionState?

    /// The largest backlog the server replays.
    static let maxBacklog = 200

    init(client: AgentRefHTTPClient, programID: String?, backlog: Int, continuation: AsyncStream<FeedUpdate>.Continuation) {
        self.client = client
        self.programID = programID
        self.backlog = min(max(0, backlog), Self.maxBacklog)
        self.options = client.options.feed
        self.logger = client.logger.scoped("feed")
        self.continuation = continuation
    }

    var clock: any ClientClock { client.options.clock }

    /// The sequence after which a resumed stream or a poll continues: the last delivered
    /// entry, else the last id the stream announced.
    var resumeSequence: Int64? {
        lastDeliveredSequence ?? announcedSequence
    }

    /// Runs until the task is cancelled.
    func run() async {
        logger.info("feed started", logMetadata())

        if await !client.routes.isMissing(.conversionStream) {
            await runStream()
        }
        if !Task.isCancelled {
            await runPolling()
        }

        logger.info("feed stopped", logMetadata())
        continuation.finish()
    }

    /// Yields `entry` unless an entry with the same or a later sequence was delivered.
    func deliver(_ entry: ConversionFeedEntry) {
        if let last = lastDeliveredSequence, entry.sequence <= last {
            logger.debug("duplicate feed entry skipped", [.sequence: String(entry.sequence)])
            return
        }
        continuation.yield(.entry(entry))
        lastDeliveredSequence = entry.sequence
    }

    /// Yields `state` when it differs from the last one reported.
    func publish(_ state: FeedConnectionState) {
        guard state != lastState else { return }
        lastState = state
        continuation.yield(.connection(state))
    }

    /// Computes the wait after the current run of failures. It is the server's `retry` time
    /// (or `options.reconnectDelay`) doubled per failure after the first and capped at
    /// `maxReconnectDelay`, and its upper half is random so clients do not reconnect in step.
    func reconnectDelay() -> Double {
        let base = serverRetryDelay ?? options.reconnectDelay
        let exponent = Double(min(max(consecutiveFailures - 1, 0), 20))
        let ceiling = min(options.maxReconnectDelay, base * pow(2, exponent))
        return ceiling / 2 + client.options.retryPolicy.random(0...(ceiling / 2))
    }

    /// Computes the wait before the next attempt after `error`: the server's `Retry-After`
    /// for a 429, else `reconnectDelay()`, and never less than `minimum`.
    func delay(after error: AgentRefClientError, minimum: Double = 0) -> Double {
        if error.isRateLimited {
            return max(minimum, error.retryAfterSeconds ?? client.options.retryPolicy.defaultRetryAfter)
        }
        return max(minimum, reconnectDelay())
    }

    /// Reports a failed attempt and sleeps before the next one.
    ///
    /// - Returns: False when the task was cancelled while sleeping.
    func waitAfterFailure(_ error: AgentRefClientError, minimumDelay: Double = 0) async -> Bool {
        consecutiveFailures += 1
        let wait = delay(after: error, minimum: minimumDelay)

        var details = logMetadata()
        details[.error] = error.code + ": " + error.message
        details[.delay] = String(Int((wait * 1000).rounded()))
        details[.attempt] = String(consecutiveFailures)
        logger.warning("feed connection failed, retrying", details)

        let isRejected = error.code == AgentRefClientError.unauthorizedCode || error.code == AgentRefClientError.forbiddenCode
        publish(isRejected
            ? .rejected(message: error.message, retryInSeconds: wait)
            : .disconnected(message: error.message, retryInSeconds: wait, code: error.code))
        return await sleep(seconds: wait)
    }

    /// - Returns: False when the task was cancelled while sleeping.
    func sleep(seconds: Double) async -> Bool {
        do {
            try await clock.sleep(seconds: seconds)
            return true
        } catch {
            return false
        }
    }

    /// True when a 404 means the route is missing rather than the program: the route is
    /// missing when there is no program filter, or when the program itself can be read.
    func isRouteMissing(_ error: AgentRefClientError) async -> Bool {
        guard error.isNotFound else { return false }
        guard let programID else { return true }

        do {
            _ = try await client.program(id: programID)
            return true
        } catch {
            return false
        }
    }

    func logMetadata() -> [LogKey: String] {
        var details: [LogKey: String] = [:]
        if let programID { details[.programID] = programID }
        if let resumeSequence { details[.lastEventID] = String(resumeSequence) }
        return details
    }
}
