import AgentRefLog
import Foundation
import ServiceKit

/// A local stand-in for Stripe on 127.0.0.1: the Connect OAuth pages and token endpoint
/// (`/oauth/…`), the webhook endpoints API (`/v1/webhook_endpoints`), signed webhook
/// delivery with retries, and a control API (`/_sim/…`) that triggers purchase scenarios.
public final class StripeSimulatorApp: @unchecked Sendable {
    public let configuration: SimulatorConfiguration
    let store: SimulatorStore
    let deliverer: WebhookDeliverer
    let clock: @Sendable () -> Date
    let logger: Logger
    private let lock = NSLock()
    private var server: HTTPServer?

    /// - Parameters:
    ///   - configuration: Port, data directory, webhook secret and retry schedule.
    ///   - logger: Receives starts, stops, OAuth grants, endpoint changes and every delivery
    ///     attempt; secrets appear only as their last four characters.
    public convenience init(configuration: SimulatorConfiguration, logger: Logger) {
        self.init(configuration: configuration, logger: logger, clock: { Date() })
    }

    /// - Parameter clock: The current time, replaceable so tests can expire OAuth codes.
    init(configuration: SimulatorConfiguration, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.configuration = configuration
        self.logger = logger.scoped("stripe-sim")
        self.clock = clock
        self.store = SimulatorStore(fileURL: configuration.stateFileURL, logger: self.logger)
        self.deliverer = WebhookDeliverer(
            store: store,
            client: OutboundHTTPClient(timeout: 10),
            schedule: RetrySchedule(
                baseSeconds: configuration.deliveryRetryBaseSeconds,
                maxAttempts: configuration.maxDeliveryAttempts
            ),
            clock: clock,
            logger: self.logger
        )
    }

    deinit {
        stop()
    }

    /// Loads the state file, when there is one, and starts serving.
    ///
    /// - Returns: The base URL, `http://127.0.0.1:<port>`, for both the connect host and
    ///   the API host.
    /// - Throws: `SimulatorConfigurationError` for an invalid retry setting,
    ///   `SimulatorStoreError` for an unreadable state file, `HTTPServerError` when the
    ///   port cannot be bound.
    public func start() throws -> URL {
        try validateConfiguration()
        try store.load()

        let router = makeRouter()
        let logger = self.logger
        let faults = makeFaultInjector()
        let server = HTTPServer(configuration: .init(port: configuration.port), logger: logger) { request in
            guard let faults, Self.acceptsFaults(request.path) else {
                return Self.dispatch(request, router: router, logger: logger)
            }
            return faults.apply(
                to: request,
                statusResponse: { status, _ in StripeAPIError.injectedFault(status: status).response },
                handler: { Self.dispatch(request, router: router, logger: logger) }
            )
        }
        try server.start()
        lock.withLock { self.server = server }

        logStart(url: server.baseURL, faults: faults)
        return server.baseURL
    }

    /// True for the routes the AgentRef server calls: the API and the token endpoints. The
    /// authorize pages and the control API never get faults.
    static func acceptsFaults(_ path: String) -> Bool {
        path.hasPrefix("/v1/") || path == "/oauth/token" || path == "/oauth/deauthorize"
    }

    private func makeFaultInjector() -> FaultInjector? {
        guard let plan = configuration.faults, !plan.rules.isEmpty else { return nil }
        let seed = configuration.faultSeed ?? UInt64.random(in: 0...UInt64.max)
        return FaultInjector(plan: plan, seed: seed, logger: logger.scoped("faults"))
    }

    /// Stops serving and drops pending delivery retries. Safe to call twice.
    public func stop() {
        let running: HTTPServer? = lock.withLock {
            let current = server
            server = nil
            return current
        }
        guard let running else { return }

        deliverer.stop()
        running.stop()
        logger.info("stripe simulator stopped", [.port: String(running.port)])
    }

    /// The base URL while running; nil before `start()` and after `stop()`.
    public var baseURL: URL? {
        lock.withLock { server?.baseURL }
    }

    private func validateConfiguration() throws {
        guard configuration.maxDeliveryAttempts >= 1 else {
            throw SimulatorConfigurationError(
                message: "maxDeliveryAttempts is \(configuration.maxDeliveryAttempts); it must be 1 or more"
            )
        }
        guard configuration.deliveryRetryBaseSeconds >= 0, configuration.deliveryRetryBaseSeconds.isFinite else {
            throw SimulatorConfigurationError(
                message: "deliveryRetryBaseSeconds is \(configuration.deliveryRetryBaseSeconds); it must be 0 or more"
            )
        }
    }

    private func logStart(url: URL, faults: FaultInjector?) {
        var metadata: [LogKey: String] = [.url: url.absoluteString]
        if let faults { metadata[.reason] = "faults \(faults.plan) seed \(faults.seed)" }
        metadata[.dataDirectory] = configuration.dataDirectory?.path ?? "(memory)"
        if configuration.restrictReadOnlyGrants { metadata[.readOnlyRestricted] = "true" }
        if let secret = configuration.webhookSecret {
            metadata[.tokenLast4] = StripeIdentifier.lastFour(secret)
        }
        logger.info("stripe simulator started", metadata)
    }
}

/// A configuration value the simulator cannot run with.
public struct SimulatorConfigurationError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "invalid Stripe simulator configuration: \(message)" }
}
