import AgentRefDomain
import AgentRefLog
import Foundation

extension AgentRefHTTPClient {
    /// `POST /programs/{id}/connect-stripe` with `{"method":"oauth_url"}`.
    ///
    /// The request carries an `Idempotency-Key`, so it is retried after a network error or a
    /// 5xx. A server that ignores the key issues a fresh `authUrl`, which is just as usable.
    public func connectStripe(programID: String) async throws -> ConnectStripeResult {
        let body = Data(#"{"method":"oauth_url"}"#.utf8)
        let request = APIRequest(
            .post, ["programs", programID, "connect-stripe"], body: body, idempotencyKey: Self.makeIdempotencyKey()
        )
        return try await fetchObject(request)
    }

    public func disconnectStripe(programID: String) async throws -> DisconnectStripeResult {
        try await fetchObject(APIRequest(.delete, ["programs", programID, "connect-stripe"]))
    }

    public func stripeConnection(programID: String) async throws -> StripeConnection {
        try await stripeConnectionReport(programID: programID).connection
    }

    /// Fetches the connection detail together with its source.
    ///
    /// When `GET /programs/{id}/stripe` is 404 but `GET /programs/{id}` succeeds, the route
    /// is missing (the hosted API), so the detail is built from the program's fields and the
    /// route is not asked for again. When the program is missing too, its 404 is thrown.
    ///
    /// - Throws: `AgentRefClientError`; NOT_FOUND names the program when it does not exist.
    public func stripeConnectionReport(programID: String) async throws -> StripeConnectionReport {
        if await !routes.isMissing(.stripeConnection) {
            do {
                let connection: StripeConnection = try await fetchObject(APIRequest(.get, ["programs", programID, "stripe"]))
                return StripeConnectionReport(connection: connection, source: .connectionRoute)
            } catch let error as AgentRefClientError where error.isNotFound {
                let program = try await program(id: programID)
                await routes.markMissing(.stripeConnection)
                logger.info("stripe connection route missing, using program fields", [.programID: programID])
                return StripeConnectionReport(connection: Self.connection(from: program), source: .programFields)
            }
        }

        let program = try await program(id: programID)
        return StripeConnectionReport(connection: Self.connection(from: program), source: .programFields)
    }

    /// `GET /programs/{id}/stripe/events` (an extension of this project's server): the
    /// Stripe events received for the program, newest first.
    public func stripeEvents(programID: String, at position: ListPosition = .first(limit: 20)) async throws
        -> Page<StripeEventRecord> {
        try await stripeEventLog(programID: programID, at: position).events
    }

    public func stripeEventLog(programID: String, cursor: String?, limit: Int) async throws -> StripeEventLog {
        try await stripeEventLog(programID: programID, at: .cursor(cursor, limit: limit))
    }

    /// `GET /programs/{id}/stripe/events` at a cursor or page number, with the counts of
    /// rejected deliveries from `meta.rejectedSignatures`.
    public func stripeEventLog(programID: String, at position: ListPosition) async throws -> StripeEventLog {
        let request = APIRequest(.get, ["programs", programID, "stripe", "events"], query: position.queryItems)
        let (page, meta) = try await fetchPageWithMeta(request, of: StripeEventRecord.self)
        return StripeEventLog(events: page, rejectedSignatures: meta?.rejectedSignatures ?? [:])
    }

    /// Builds the detail that a program's own fields imply: connected with its account when
    /// it has a `stripeAccountId`, else the extension `stripeStatus` or disconnected.
    static func connection(from program: Program) -> StripeConnection {
        var connection = StripeConnection(
            programId: program.id,
            status: program.effectiveStripeStatus,
            stripeAccountId: program.stripeAccountId
        )
        connection.connectedAt = program.stripeConnectedAt
        return connection
    }
}
