import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// The AgentRef-compatible server: the `/api/v1` API, the Stripe OAuth callback, Stripe
/// webhook ingest and the live conversion stream, over one SQLite store.
public final class AgentRefServerApp: @unchecked Sendable {
    public let configuration: ServerConfiguration
    private let logger: Logger
    let clock: ServerClock
    private let cleanupRetryDelay: TimeInterval
    private let heartbeatInterval: TimeInterval
    private let lock = NSLock()
    private var running: Running?

    /// The parts that exist while the server runs.
    private struct Running {
        var store: SQLiteStore
        var context: ServerContext
        var server: HTTPServer
        var cleanup: StripeCleanupWorker
        var monitor: StripeAccessMonitor
        var approver: ConversionApprover
        var faults: FaultInjector?
    }

    public convenience init(configuration: ServerConfiguration, logger: Logger = .silent) {
        self.init(configuration: configuration, logger: logger, clock: ServerClock())
    }

    /// - Parameters:
    ///   - cleanupRetryDelay: Seconds before the first retry of a Stripe cleanup that failed.
    ///   - heartbeatInterval: Seconds of silence before a stream sends `: keep-alive`.
    init(
        configuration: ServerConfiguration,
        logger: Logger,
        clock: ServerClock,
        cleanupRetryDelay: TimeInterval = 2,
        heartbeatInterval: TimeInterval = 15
    ) {
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        self.cleanupRetryDelay = cleanupRetryDelay
        self.heartbeatInterval = heartbeatInterval
    }

    deinit {
        stop()
    }

    /// Opens the store, seeds demo data when configured, and starts listening.
    ///
    /// - Returns: The URL the server listens on, such as `http://127.0.0.1:8420`.
    /// - Throws: The store's error when the data directory or database cannot be opened,
    ///   or `HTTPServerError.bindFailed` when the port is taken.
    @discardableResult
    public func start() throws -> URL {
        if let url = lock.withLock({ running?.server.baseURL }) { return url }

        let store = try SQLiteStore(dataDirectory: configuration.dataDirectory, logger: logger)
        let context = makeContext(store: store)
        if configuration.seedDemoData {
            try DemoDataSeeder(context: context).seed()
        }
        if configuration.generatedProgramCount > 0 {
            try DemoDataSeeder(context: context).seedGeneratedPrograms(count: configuration.generatedProgramCount)
        }

        let cleanup = StripeCleanupWorker(context: context, baseDelay: cleanupRetryDelay)
        let monitor = StripeAccessMonitor(context: context, interval: configuration.stripeAccessCheckInterval)
        let approver = ConversionApprover(context: context, interval: configuration.conversionApprovalInterval)
        let faults = makeFaultInjector()
        let serverBox = ServerBox()
        let dispatcher = makeDispatcher(context: context, cleanup: cleanup, faults: faults, serverBox: serverBox)
        let server = HTTPServer(
            configuration: .init(port: configuration.port, maxBodyBytes: configuration.maxBodyBytes),
            logger: logger.scoped("http"),
            handler: { dispatcher.handle($0) }
        )
        serverBox.server = server

        do {
            try server.start()
        } catch {
            store.close()
            throw error
        }
        context.setBoundBaseURL(server.baseURL)
        cleanup.start()
        monitor.start()
        approver.start()
        lock.withLock {
            running = Running(
                store: store, context: context, server: server, cleanup: cleanup, monitor: monitor, approver: approver,
                faults: faults
            )
        }

        var details: [LogKey: String] = [
            .url: server.baseURL.absoluteString,
            .dataDirectory: configuration.dataDirectory.path,
            .key: configuration.apiKeys.map(\.redacted).joined(separator: ","),
            .webhookMode: configuration.stripeWebhookMode.rawValue,
        ]
        if let faults { details[.faults] = "\(faults.plan) seed \(faults.seed)" }
        logger.info("agentref server started", details)
        return server.baseURL
    }

    /// Checks every connected program's access to Stripe now, on the caller's thread.
    func checkStripeAccessNow() {
        lock.withLock { running?.monitor }?.checkAll()
    }

    /// Approves conversions whose hold has passed now, on the caller's thread, for tests;
    /// returns how many were approved.
    @discardableResult
    func approveConversionsNow() -> Int {
        lock.withLock { running?.approver }?.approveDue() ?? 0
    }

    /// Faults injected so far by kind, while the server runs with a fault plan.
    var injectedFaultCounts: [String: Int] {
        lock.withLock { running?.faults }?.injectedCounts ?? [:]
    }

    private func makeFaultInjector() -> FaultInjector? {
        guard let plan = configuration.faults, !plan.rules.isEmpty else { return nil }
        let seed = configuration.faultSeed ?? UInt64.random(in: 0...UInt64.max)
        return FaultInjector(plan: plan, seed: seed, logger: logger.scoped("faults"))
    }

    /// Ends open streams, stops listening, stops the cleanup worker and closes the store.
    /// Safe to call twice.
    public func stop() {
        guard let current = lock.withLock({ () -> Running? in
            defer { running = nil }
            return running
        }) else { return }

        current.context.notifier.shutDown()
        current.server.stop()
        current.cleanup.stop()
        current.monitor.stop()
        current.approver.stop()
        current.store.close()
        logger.info("agentref server stopped", [.url: current.server.baseURL.absoluteString])
    }

    private func makeContext(store: SQLiteStore) -> ServerContext {
        let stripe = StripeAPIClient(
            apiBase: configuration.stripeAPIBase,
            connectBase: configuration.stripeConnectBase,
            clientID: configuration.stripeClientID,
            secretKey: configuration.stripeSecretKey,
            http: OutboundHTTPClient(timeout: 10),
            logger: logger.scoped("stripe")
        )
        return ServerContext(
            configuration: configuration, store: store, logger: logger, clock: clock, stripe: stripe,
            notifier: FeedNotifier()
        )
    }

    private func makeDispatcher(
        context: ServerContext,
        cleanup: StripeCleanupWorker,
        faults: FaultInjector?,
        serverBox: ServerBox
    ) -> RequestDispatcher {
        let authenticator = Authenticator(keys: configuration.apiKeys)
        let stream = ConversionStreamHandler(
            context: context,
            heartbeatInterval: heartbeatInterval,
            isStopping: { serverBox.isStopping }
        )
        let routes = APIRoutes(
            context: context,
            connector: StripeConnector(context: context, cleanup: cleanup),
            stream: stream,
            authenticator: authenticator
        )

        var router = Router()
        routes.register(into: &router)
        PublicRoutes(context: context, cleanup: cleanup).register(into: &router)
        return RequestDispatcher(
            router: router,
            authenticator: authenticator,
            rateLimiter: RateLimiter(limit: configuration.rateLimitPerMinute),
            idempotency: IdempotencyGuard(store: context.store, clock: context.clock, logger: logger),
            faults: faults,
            logger: logger
        )
    }
}

/// Holds the HTTP server once it exists, for handlers created before it.
private final class ServerBox: @unchecked Sendable {
    private let lock = NSLock()
    private weak var storedServer: HTTPServer?

    var server: HTTPServer? {
        get { lock.withLock { storedServer } }
        set { lock.withLock { storedServer = newValue } }
    }

    var isStopping: Bool {
        server?.isStopping ?? true
    }
}

extension LogKey {
    /// The fault plan and seed a server runs with.
    static let faults: LogKey = "faults"
}
