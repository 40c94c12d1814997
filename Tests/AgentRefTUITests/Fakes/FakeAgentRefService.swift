import AgentRefClient
import AgentRefDomain
import Foundation

/// An in-memory `AgentRefService` for dashboard tests: programs, Stripe connections and
/// a live feed that the test controls, plus failures injected per method.
final class FakeAgentRefService: AgentRefService, @unchecked Sendable {
    let baseURL: URL
    private let lock = NSLock()
    private var programList: [Program]
    private var connections: [String: StripeConnection] = [:]
    private var eventLogs: [String: (events: [StripeEventRecord], rejected: [String: Int])] = [:]
    private var failures: [String: AgentRefClientError] = [:]
    private var feedContinuations: [AsyncStream<FeedUpdate>.Continuation] = []
    private var callLog: [String] = []
    /// The authorize URL `connectStripe` returns for a program that is not connected.
    var authURL = "http://127.0.0.1:12111/oauth/authorize?response_type=code&client_id=ca_agentref_local"
        + "&scope=read_only&state=st_4f9c2a7e1b&redirect_uri=http%3A%2F%2F127.0.0.1%3A8420%2Foauth%2Fstripe%2Fcallback"

    init(programs: [Program], baseURL: URL = URL(string: "http://127.0.0.1:8420/api/v1")!) {
        self.programList = programs
        self.baseURL = baseURL
        for program in programs {
            connections[program.id] = StripeConnection(programId: program.id, status: program.effectiveStripeStatus)
        }
    }

    // MARK: Control

    /// Makes every later call of `method` (such as `"programs"`) throw `error`, until cleared with nil.
    func setFailure(_ error: AgentRefClientError?, for method: String) {
        locked { failures[method] = error }
    }

    /// Replaces the programs on the server, in the server's order (newest first).
    func setPrograms(_ programs: [Program]) {
        locked {
            programList = programs
            for program in programs where connections[program.id] == nil {
                connections[program.id] = StripeConnection(programId: program.id, status: program.effectiveStripeStatus)
            }
        }
    }

    func setConnection(_ connection: StripeConnection) {
        locked { connections[connection.programId] = connection }
    }

    /// Sets the Stripe events (newest first) and rejected delivery counts of `programID`.
    func setStripeEvents(_ events: [StripeEventRecord], rejected: [String: Int] = [:], for programID: String) {
        locked { eventLogs[programID] = (events, rejected) }
    }

    /// Names of the methods called so far, in order, with their main argument.
    var calls: [String] {
        locked { callLog }
    }

    /// Sends `update` to every open feed.
    func emit(_ update: FeedUpdate) {
        let continuations = locked { feedContinuations }
        continuations.forEach { $0.yield(update) }
    }

    /// Number of feeds opened so far.
    var feedCount: Int {
        locked { feedContinuations.count }
    }

    // MARK: AgentRefService

    func keyInfo() async throws -> KeyInfo {
        try record("keyInfo")
        return KeyInfo(keyType: "merchant", mode: "test", keyLast4: "9f3a", merchantId: "mer_1", companyName: "Test Co")
    }

    func programs(cursor: String?, limit: Int) async throws -> Page<Program> {
        try record("programs", cursor ?? "start")
        return locked {
            let start = cursor.flatMap(Int.init) ?? 0
            let end = min(programList.count, start + limit)
            let items = start < end ? programList[start..<end].map(withCurrentStripeState) : []
            let hasMore = end < programList.count
            return Page(items: items, total: programList.count, page: start / max(1, limit) + 1, pageSize: limit,
                        hasMore: hasMore, nextCursor: hasMore ? String(end) : nil)
        }
    }

    func program(id: String) async throws -> Program {
        try record("program", id)
        guard let program = locked({ programList.first { $0.id == id } }) else {
            throw AgentRefClientError(code: AgentRefClientError.notFoundCode, status: 404, message: "Program \(id) not found")
        }
        return program
    }

    func programStats(id: String) async throws -> ProgramStats {
        try record("programStats", id)
        return ProgramStats(programId: id, programName: id, status: "active")
    }

    func affiliates(programID: String, cursor: String?, limit: Int) async throws -> Page<Affiliate> {
        try record("affiliates", programID)
        return Page(items: [], total: 0, page: 1, pageSize: limit, hasMore: false, nextCursor: nil)
    }

    func connectStripe(programID: String) async throws -> ConnectStripeResult {
        try record("connectStripe", programID)
        return locked {
            let connection = connections[programID] ?? StripeConnection(programId: programID, status: .disconnected)
            if connection.status == .connected {
                return ConnectStripeResult(connected: true, programId: programID, programReadiness: .ready, authUrl: nil,
                                           message: "Stripe is already connected to \(connection.stripeAccountId ?? "an account").")
            }
            var pending = connection
            pending.status = .pending
            pending.authUrl = authURL
            connections[programID] = pending
            return ConnectStripeResult(connected: false, programId: programID, programReadiness: .setup, authUrl: authURL,
                                       message: "Open the authUrl in a browser to connect Stripe.")
        }
    }

    func disconnectStripe(programID: String) async throws -> DisconnectStripeResult {
        try record("disconnectStripe", programID)
        locked { connections[programID] = StripeConnection(programId: programID, status: .disconnected) }
        return DisconnectStripeResult(success: true, programId: programID)
    }

    func stripeConnection(programID: String) async throws -> StripeConnection {
        try record("stripeConnection", programID)
        return locked { connections[programID] ?? StripeConnection(programId: programID, status: .disconnected) }
    }

    func stripeEventLog(programID: String, cursor: String?, limit: Int) async throws -> StripeEventLog {
        try record("stripeEventLog", programID)
        return locked {
            let log = eventLogs[programID] ?? ([], [:])
            let start = cursor.flatMap(Int.init) ?? 0
            let end = min(log.events.count, start + limit)
            let items = start < end ? Array(log.events[start..<end]) : []
            let hasMore = end < log.events.count
            let page = Page(items: items, total: log.events.count, page: start / max(1, limit) + 1, pageSize: limit,
                            hasMore: hasMore, nextCursor: hasMore ? String(end) : nil)
            return StripeEventLog(events: page, rejectedSignatures: log.rejected)
        }
    }

    func conversions(programID: String?, cursor: String?, limit: Int) async throws -> Page<Conversion> {
        try record("conversions", programID ?? "all")
        return Page(items: [], total: 0, page: 1, pageSize: limit, hasMore: false, nextCursor: nil)
    }

    func conversionFeed(programID: String?, backlog: Int) -> AsyncStream<FeedUpdate> {
        _ = try? record("conversionFeed", programID ?? "all")
        let (stream, continuation) = AsyncStream<FeedUpdate>.makeStream()
        locked { feedContinuations.append(continuation) }
        continuation.yield(.connection(.streaming))
        return stream
    }

    // MARK: Helpers

    /// `program` with the Stripe fields of its current connection, as the server fills them.
    private func withCurrentStripeState(_ program: Program) -> Program {
        guard let connection = connections[program.id] else { return program }
        var current = program
        current.stripeStatus = connection.status
        current.stripeAccountId = connection.stripeAccountId
        return current
    }

    private func record(_ method: String, _ argument: String = "") throws {
        let failure = locked { () -> AgentRefClientError? in
            callLog.append(argument.isEmpty ? method : "\(method) \(argument)")
            return failures[method]
        }
        if let failure { throw failure }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
