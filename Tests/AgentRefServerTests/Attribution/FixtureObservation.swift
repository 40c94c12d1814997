import AgentRefDomain
import Foundation

/// What an AgentRef server holds for one program after a fixture ran, read over its API.
struct FixtureObservation {
    /// The stored outcome of one received event.
    struct EventOutcome {
        var outcome: String
        var detail: String
    }

    /// Conversions oldest first, as the API returns them.
    var conversions: [JSONValue]
    var unattributedPayments: Int
    var revenue: [String: Int64]
    var commission: [String: Int64]
    var connectionStatus: String
    var feed: [String]
    /// Outcome by event id.
    var events: [String: EventOutcome]

    /// Reads the program's conversions, totals, connection detail, feed and received events.
    ///
    /// - Parameter get: Performs `GET /api/v1<path>` and returns the decoded body.
    init(programId: String, get: (String) throws -> JSONValue) throws {
        let newestFirst = try get("/conversions?programId=\(programId)&limit=100")["data"]?.arrayValue ?? []
        conversions = newestFirst.reversed()

        let program = try get("/programs/\(programId)")["data"] ?? .null
        revenue = Self.totals(program["revenue"])
        commission = Self.totals(program["commissionTotal"])

        let connection = try get("/programs/\(programId)/stripe")["data"] ?? .null
        unattributedPayments = Int(connection["unattributedPayments"]?.int64Value ?? -1)
        connectionStatus = connection["status"]?.stringValue ?? "(missing)"

        let entries = try get("/conversions/events?programId=\(programId)&limit=100")["data"]?.arrayValue ?? []
        feed = entries.compactMap { $0["type"]?.stringValue }

        let received = try get("/programs/\(programId)/stripe/events?limit=100")["data"]?.arrayValue ?? []
        events = [:]
        for event in received {
            guard let id = event["eventId"]?.stringValue else { continue }
            events[id] = EventOutcome(
                outcome: event["outcome"]?.stringValue ?? "(missing)", detail: event["detail"]?.stringValue ?? ""
            )
        }
    }

    private static func totals(_ value: JSONValue?) -> [String: Int64] {
        (value?.objectValue ?? [:]).compactMapValues(\.int64Value)
    }
}
