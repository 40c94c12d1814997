import AgentRefDomain
import Foundation
import ServiceKit

/// A stand-in for the hosted AgentRef API as this client sees it: the v1 routes only (no
/// `/programs/{id}/stripe`, no conversion stream or events route), page-number paging,
/// and a limit of 60 requests a minute per key, past which it returns 429 with `Retry-After`.
///
/// The limit runs on `clock`, the same virtual clock the client under test sleeps on, so
/// minutes of polling take milliseconds and every request's time is known exactly.
final class HostedAPIStub: @unchecked Sendable {
    let clock: VirtualClock
    private let stub = StubAPIServer()
    private let lock = NSLock()
    private var tokens: Double
    private var refilledAt: Date
    private var admittedTimes: [Date] = []
    private var rejections = 0
    private var storedConversions: [Conversion] = []
    private var connectedAccount: String? = "acct_1Hosted"

    /// Requests allowed a minute, refilled continuously.
    static let limit = 60
    static let program = Samples.program(id: "prg_hosted", name: "Hosted Program", stripeAccountId: "acct_1Hosted")

    init(clock: VirtualClock) {
        self.clock = clock
        tokens = Double(Self.limit)
        refilledAt = clock.now()
    }

    func start() throws -> URL {
        registerRoutes()
        return try stub.start()
    }

    func stop() {
        stub.stop()
    }

    /// Virtual times of the requests the limit admitted, in order.
    var admitted: [Date] {
        lock.withLock { admittedTimes }
    }

    /// Requests the limit rejected with 429.
    var rejected: Int {
        lock.withLock { rejections }
    }

    /// Paths of every request received, in order.
    var paths: [String] {
        stub.requests.map(\.path)
    }

    /// Adds a conversion, newest first, as a webhook would on the hosted service.
    func addConversion(_ conversion: Conversion) {
        lock.withLock { storedConversions.insert(conversion, at: 0) }
    }

    // MARK: - Routes

    private func registerRoutes() {
        let program = Self.program
        route("GET", "/me") { _ in
            StubResponses.object(KeyInfo(keyType: "merchant", mode: "live", keyLast4: "abcd", merchantId: "mer_1",
                                         companyName: "Hosted"))
        }
        route("GET", "/programs") { [unowned self] _ in StubResponses.list([self.currentProgram()]) }
        route("GET", "/programs/:id") { [unowned self] request in
            request.parameter("id") == program.id ? StubResponses.object(self.currentProgram()) : Self.notFound(request)
        }
        route("GET", "/programs/:id/stats") { _ in
            StubResponses.object(ProgramStats(programId: program.id, programName: program.name, status: "active"))
        }
        route("GET", "/programs/:id/affiliates") { _ in
            StubResponses.list([Affiliate(id: "aff_1", userId: "usr_1", programId: program.id, code: "jane20",
                                          createdAt: Samples.epoch)])
        }
        route("POST", "/programs/:id/connect-stripe") { [unowned self] _ in
            let account = self.lock.withLock { self.connectedAccount }
            return StubResponses.object(ConnectStripeResult(
                connected: account != nil, programId: program.id, programReadiness: .ready,
                authUrl: account == nil ? "https://connect.stripe.com/oauth/authorize?state=s" : nil,
                message: account == nil ? "Open authUrl" : "Already connected"
            ))
        }
        route("DELETE", "/programs/:id/connect-stripe") { [unowned self] _ in
            self.lock.withLock { self.connectedAccount = nil }
            return StubResponses.object(DisconnectStripeResult(success: true, programId: program.id))
        }
        route("GET", "/conversions") { [unowned self] request in self.conversionsPage(request) }
    }

    /// Registers a route behind the rate limit.
    private func route(_ method: String, _ path: String, _ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        stub.route(method, path) { [unowned self] request in
            guard let retryAfter = self.admit() else { return handler(request) }
            return StubResponses.error(
                429, "RATE_LIMITED", "Too many requests", headers: [("Retry-After", String(retryAfter))]
            )
        }
    }

    /// Takes a token; returns nil when admitted, else the whole seconds until one is free.
    private func admit() -> Int? {
        lock.withLock {
            let now = clock.now()
            let perSecond = Double(Self.limit) / 60
            tokens = min(Double(Self.limit), tokens + max(0, now.timeIntervalSince(refilledAt)) * perSecond)
            refilledAt = now
            guard tokens >= 1 else {
                rejections += 1
                return Int(((1 - tokens) / perSecond).rounded(.up))
            }
            tokens -= 1
            admittedTimes.append(now)
            return nil
        }
    }

    private func currentProgram() -> Program {
        var program = Self.program
        let account = lock.withLock { connectedAccount }
        program.stripeAccountId = account
        program.stripeConnectedAt = account == nil ? nil : Samples.epoch
        return program
    }

    private func conversionsPage(_ request: HTTPRequest) -> HTTPResponse {
        let pageSize = Int(request.query("pageSize") ?? request.query("limit") ?? "20") ?? 20
        let page = max(1, Int(request.query("page") ?? "1") ?? 1)
        let all = lock.withLock { storedConversions }
        let start = min(all.count, (page - 1) * pageSize)
        let items = Array(all[start..<min(all.count, start + pageSize)])
        return StubResponses.list(
            items, total: all.count, page: page, pageSize: pageSize, hasMore: start + pageSize < all.count
        )
    }

    private static func notFound(_ request: HTTPRequest) -> HTTPResponse {
        StubResponses.error(404, "NOT_FOUND", "Program \(request.parameter("id")) not found")
    }
}
