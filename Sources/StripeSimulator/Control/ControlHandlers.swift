import AgentRefDomain
import ServiceKit

/// The read-only parts of the control API: accounts, scenarios and the delivery log.
struct ControlHandlers: Sendable {
    /// Attempts `GET /_sim/deliveries` returns when no `limit` is given.
    static let defaultDeliveryLimit = 50

    let store: SimulatorStore
    let deliverer: WebhookDeliverer
    /// True when the simulator runs with `restrictReadOnlyGrants`.
    let restrictsReadOnlyGrants: Bool

    /// `GET /_sim/accounts`: the merchant accounts with their display names, whether an
    /// application is connected, and how many webhook endpoints each has. Beside them are
    /// the platform's account, its Connect endpoint count and whether `read_only` grants may write.
    func accounts(_ request: HTTPRequest) -> HTTPResponse {
        let rows = store.read { state in
            SimulatedAccount.merchants.map { account -> JSONValue in
                let grant = state.activeGrant(for: account.id)
                return .object([
                    "id": .string(account.id),
                    "displayName": .string(account.displayName),
                    "defaultCurrency": .string(account.defaultCurrency),
                    "connected": .bool(grant != nil),
                    "connectedApplication": .optional(grant?.clientID),
                    "webhookEndpoints": .integer(Int64(state.endpoints(of: account.id).count)),
                ])
            }
        }
        let connectEndpoints = store.read { state in
            state.endpoints(of: SimulatedAccount.platform.id).filter(\.connect).count
        }
        return ControlResponse.json(.object([
            "data": .array(rows),
            "platformAccount": .string(SimulatedAccount.platform.id),
            "platformConnectEndpoints": .integer(Int64(connectEndpoints)),
            "readOnlyGrantsRestricted": .bool(restrictsReadOnlyGrants),
        ]))
    }

    /// `GET /_sim/scenarios`: the scenario names with one-line summaries.
    func scenarios(_ request: HTTPRequest) -> HTTPResponse {
        let rows = SimulatorScenario.allCases.map { scenario -> JSONValue in
            .object([
                "name": .string(scenario.rawValue),
                "summary": .string(scenario.summary),
                "needsTarget": .bool(scenario.needsTarget),
            ])
        }
        return ControlResponse.json(.object(["data": .array(rows)]))
    }

    /// `GET /_sim/deliveries?limit=&eventId=`: recent attempts, newest first; `limit`
    /// defaults to 50 and may be up to the log's capacity of 500.
    func deliveries(_ request: HTTPRequest) throws -> HTTPResponse {
        var limit = Self.defaultDeliveryLimit
        if let text = request.query("limit") {
            guard let value = Int(text), (1...DeliveryLog.capacity).contains(value) else {
                throw StripeAPIError.invalidParameter(
                    "limit", "Invalid limit '\(text)'; send an integer from 1 to \(DeliveryLog.capacity)."
                )
            }
            limit = value
        }
        let eventID = request.query("eventId").flatMap { $0.isEmpty ? nil : $0 }

        let attempts = deliverer.log.recent(limit: limit, eventID: eventID)
        return ControlResponse.json(.object(["data": .array(attempts.map(\.controlJSON))]))
    }
}
