import AgentRefDomain
import Foundation

extension AgentRefHTTPClient {
    /// `GET /me`: what the key is and whom it belongs to.
    public func keyInfo() async throws -> KeyInfo {
        try await fetchObject(APIRequest(.get, ["me"]))
    }

    public func programs(cursor: String?, limit: Int) async throws -> Page<Program> {
        try await programs(at: .cursor(cursor, limit: limit))
    }

    /// `GET /programs` at a cursor or page number.
    public func programs(at position: ListPosition) async throws -> Page<Program> {
        try await fetchPage(APIRequest(.get, ["programs"], query: position.queryItems))
    }

    /// Reads every program page by page, stopping after `maxItems` when given.
    public func allPrograms(pageSize: Int = 100, maxItems: Int? = nil) async throws -> [Program] {
        try await PageCollector.collect(pageSize: pageSize, maxItems: maxItems) { position in
            try await programs(at: position)
        }
    }

    public func program(id: String) async throws -> Program {
        try await fetchObject(APIRequest(.get, ["programs", id]))
    }

    /// `POST /programs`, retried safely with `idempotencyKey` (a fresh one when nil).
    public func createProgram(_ draft: ProgramDraft, idempotencyKey: String? = nil) async throws -> Program {
        let body = try AgentRefJSON.makeEncoder().encode(draft)
        let key = idempotencyKey ?? Self.makeIdempotencyKey()
        return try await fetchObject(APIRequest(.post, ["programs"], body: body, idempotencyKey: key))
    }

    public func programStats(id: String) async throws -> ProgramStats {
        try await fetchObject(APIRequest(.get, ["programs", id, "stats"]))
    }

    public func affiliates(programID: String, cursor: String?, limit: Int) async throws -> Page<Affiliate> {
        try await affiliates(programID: programID, at: .cursor(cursor, limit: limit))
    }

    /// `GET /programs/{id}/affiliates` at a cursor or page number.
    public func affiliates(programID: String, at position: ListPosition) async throws -> Page<Affiliate> {
        try await fetchPage(APIRequest(.get, ["programs", programID, "affiliates"], query: position.queryItems))
    }

    /// Reads every affiliate of a program page by page.
    public func allAffiliates(programID: String, pageSize: Int = 100) async throws -> [Affiliate] {
        try await PageCollector.collect(pageSize: pageSize, maxItems: nil) { position in
            try await affiliates(programID: programID, at: position)
        }
    }

    /// `POST /programs/{id}/affiliates` (an extension of this project's server): enrolls an
    /// affiliate with a referral `code`.
    public func createAffiliate(programID: String, code: String, name: String? = nil, email: String? = nil)
        async throws -> Affiliate {
        let fields = ["code": code, "name": name, "email": email].compactMapValues { $0 }
        let body = try AgentRefJSON.makeEncoder().encode(fields)
        let request = APIRequest(
            .post, ["programs", programID, "affiliates"], body: body, idempotencyKey: Self.makeIdempotencyKey()
        )
        return try await fetchObject(request)
    }

    /// `POST /clicks`: records a referral click as the tracking script does and returns its `cid`.
    public func recordClick(programID: String, affiliateCode: String) async throws -> ClickRecord {
        let body = try AgentRefJSON.makeEncoder().encode(["programId": programID, "affiliateCode": affiliateCode])
        return try await fetchObject(APIRequest(.post, ["clicks"], body: body))
    }

    /// Makes a new random `Idempotency-Key` value.
    static func makeIdempotencyKey() -> String {
        "idem_" + UUID().uuidString.lowercased()
    }
}
