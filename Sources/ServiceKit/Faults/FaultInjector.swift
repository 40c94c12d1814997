import AgentRefLog
import Foundation

/// Decides, request by request, which faults of a `FaultPlan` to inject, and applies them
/// around a handler.
///
/// Decisions come from a SplitMix64 generator seeded with `seed`, so a test that sends the
/// same requests in the same order gets the same faults. Every injected fault is logged
/// with the method and path, and counted.
public final class FaultInjector: @unchecked Sendable {
    /// The faults chosen for one request.
    public struct Decision: Sendable {
        /// Seconds to wait before handling.
        public var delay: Double = 0
        /// Status to return instead of handling, with the `Retry-After` of a 429.
        public var status: (code: Int, retryAfterSeconds: Double?)?
        /// Close the connection after handling, without a response.
        public var drop = false
    }

    public let plan: FaultPlan
    public let seed: UInt64
    private let logger: Logger
    private let lock = NSLock()
    private var generator: SplitMix64
    private var counts: [String: Int] = [:]

    public init(plan: FaultPlan, seed: UInt64, logger: Logger) {
        self.plan = plan
        self.seed = seed
        self.logger = logger
        self.generator = SplitMix64(seed: seed)
    }

    /// Injected faults so far by kind (`delay`, `status500`, `drop`, …).
    public var injectedCounts: [String: Int] {
        lock.withLock { counts }
    }

    /// Rolls every rule once for one request.
    public func decide() -> Decision {
        var decision = Decision()
        lock.withLock {
            for rule in plan.rules where generator.nextUnit() < rule.probability {
                switch rule.kind {
                case .delay(let seconds): decision.delay = max(decision.delay, seconds)
                case .status(let code, let retryAfter): decision.status = decision.status ?? (code, retryAfter)
                case .drop: decision.drop = true
                }
            }
        }
        return decision
    }

    /// Runs `handler` with the faults decided for `request`: waits, returns
    /// `statusResponse` instead, or drops the response (for an event stream, drops the
    /// connection before some piece, with the drop probability per piece).
    public func apply(
        to request: HTTPRequest,
        statusResponse: (_ code: Int, _ retryAfterSeconds: Double?) -> HTTPResponse,
        handler: () -> HTTPResponse
    ) -> HTTPResponse {
        let decision = decide()
        if decision.delay > 0 {
            record("delay", request)
            Thread.sleep(forTimeInterval: decision.delay)
        }
        if let status = decision.status {
            record("status\(status.code)", request)
            var response = statusResponse(status.code, status.retryAfterSeconds)
            if let retryAfter = status.retryAfterSeconds {
                response.setHeader("Retry-After", String(Int(retryAfter.rounded(.up))))
            }
            return response
        }

        var response = handler()
        if case .stream(let stream) = response.body {
            response.body = .stream(wrap(stream, path: request.path))
        } else if decision.drop {
            record("drop", request)
            response.body = .drop
        }
        return response
    }

    private var dropProbability: Double {
        plan.rules.reduce(0) { probability, rule in
            if case .drop = rule.kind { return max(probability, rule.probability) }
            return probability
        }
    }

    /// Wraps a stream so that each piece is replaced by a dropped connection with the drop
    /// probability.
    private func wrap(_ stream: ResponseStream, path: String) -> ResponseStream {
        let probability = dropProbability
        guard probability > 0 else { return stream }

        let dropped = DroppedFlag()
        return ResponseStream(
            next: { [self] in
                guard let piece = stream.next() else { return nil }
                let drop = lock.withLock { generator.nextUnit() < probability }
                guard drop else { return piece }
                dropped.set()
                record("drop", method: "GET", path: path)
                return nil
            },
            onClose: { stream.close() },
            endsWithError: { dropped.isSet }
        )
    }

    private func record(_ kind: String, _ request: HTTPRequest) {
        record(kind, method: request.method, path: request.path)
    }

    private func record(_ kind: String, method: String, path: String) {
        lock.withLock { counts[kind, default: 0] += 1 }
        logger.info("fault injected", [.method: method, .path: path, .reason: kind])
    }
}

/// A flag one thread sets and another reads.
private final class DroppedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Sebastiano Vigna's SplitMix64: a small, fast generator whose output depends only on its seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Returns a number in 0..<1 made of the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
