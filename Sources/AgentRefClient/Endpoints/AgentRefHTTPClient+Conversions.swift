import AgentRefDomain
import Foundation

extension AgentRefHTTPClient {
    public func conversions(programID: String?, cursor: String?, limit: Int) async throws -> Page<Conversion> {
        try await conversions(programID: programID, at: .cursor(cursor, limit: limit))
    }

    /// `GET /conversions`, newest first, at a cursor or page number; `programID` nil means
    /// every program.
    public func conversions(programID: String?, at position: ListPosition) async throws -> Page<Conversion> {
        let query = [("programId", programID)] + position.queryItems
        return try await fetchPage(APIRequest(.get, ["conversions"], query: query))
    }

    /// Reads conversions newest first, page by page, stopping after `maxItems` when given.
    public func allConversions(programID: String?, pageSize: Int = 100, maxItems: Int? = nil) async throws
        -> [Conversion] {
        try await PageCollector.collect(pageSize: pageSize, maxItems: maxItems) { position in
            try await conversions(programID: programID, at: position)
        }
    }

    /// `GET /conversions/recent`: the newest conversions of every program.
    public func recentConversions(limit: Int) async throws -> [Conversion] {
        try await fetchObject(APIRequest(.get, ["conversions", "recent"], query: [("limit", String(limit))]))
    }

    /// `GET /conversions/stats`, for one program or (nil) all of them.
    public func conversionStats(programID: String?) async throws -> ConversionStats {
        try await fetchObject(APIRequest(.get, ["conversions", "stats"], query: [("programId", programID)]))
    }

    /// `GET /conversions/events` (an extension of this project's server): feed entries with
    /// a sequence greater than `after`, oldest first.
    public func conversionEvents(programID: String?, after: Int64, limit: Int) async throws
        -> Page<ConversionFeedEntry> {
        let query = [("programId", programID), ("after", String(after)), ("limit", String(limit))]
        return try await fetchPage(APIRequest(.get, ["conversions", "events"], query: query))
    }
}
