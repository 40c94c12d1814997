import AgentRefDomain
import Foundation
import ServiceKit

/// Calls the Stripe simulator's control API (`/_sim/...`), which exists only in the
/// simulator: real Stripe has no such routes.
struct SimulatorControlClient: Sendable {
    let baseURL: URL
    let http = OutboundHTTPClient(timeout: 30)

    /// A trigger: which scenario, for which account, and the optional details.
    struct Trigger: Sendable {
        var scenario: String
        var account: String?
        var cid: String?
        /// Minor units.
        var amount: Int64?
        /// Lower-case ISO 4217 code.
        var currency: String?
        /// Ids of an earlier object for refunds, renewals and cancellations:
        /// `charge`, `paymentIntent` or `subscription`.
        var target: [String: String] = [:]
    }

    /// The result of a trigger: the events sent and the ids of the objects created, by role
    /// (`charge`, `subscription`, `checkoutSession`, …).
    struct TriggerResult: Sendable {
        var events: [(id: String, type: String, delivered: Bool)]
        var objects: [String: String]
        var raw: JSONValue
    }

    /// Runs a scenario and returns once each event's first delivery attempt finished.
    ///
    /// - Throws: `SimulatorControlError` with the simulator's message for a rejected
    ///   trigger, or the transport error when the simulator is unreachable.
    func trigger(_ trigger: Trigger) throws -> TriggerResult {
        var body: [String: JSONValue] = ["scenario": .string(trigger.scenario)]
        if let account = trigger.account { body["account"] = .string(account) }
        if let cid = trigger.cid { body["cid"] = .string(cid) }
        if let amount = trigger.amount { body["amount"] = .number(Double(amount)) }
        if let currency = trigger.currency { body["currency"] = .string(currency) }
        if !trigger.target.isEmpty { body["target"] = .object(trigger.target.mapValues { .string($0) }) }

        let response = try post("/_sim/trigger", body: .object(body))
        let events = Self.events(in: response)
        let objects = (response["objects"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        return TriggerResult(events: events, objects: objects, raw: response)
    }

    /// Sends an attribution fixture's events to `account` (`POST /_sim/replay`) with the
    /// click ids of its clicks, and returns once each event's first delivery attempt finished.
    ///
    /// - Parameter fixture: The fixture file's top-level object.
    /// - Throws: `SimulatorControlError` with the simulator's message for a rejected replay,
    ///   or the transport error when the simulator is unreachable.
    func replay(fixture: JSONValue, account: String?, cids: [String: String]) throws -> TriggerResult {
        var body: [String: JSONValue] = ["fixture": fixture, "clicks": .object(cids.mapValues { .string($0) })]
        if let account { body["account"] = .string(account) }

        let response = try post("/_sim/replay", body: .object(body))
        return TriggerResult(events: Self.events(in: response), objects: [:], raw: response)
    }

    private static func events(in response: JSONValue) -> [(id: String, type: String, delivered: Bool)] {
        (response["events"]?.arrayValue ?? []).map { event in
            (
                id: event["id"]?.stringValue ?? "",
                type: event["type"]?.stringValue ?? "",
                delivered: event["delivered"]?.boolValue ?? false
            )
        }
    }

    /// Fetches the simulator's merchant accounts as `(id, name)`.
    func accounts() throws -> [(id: String, name: String)] {
        let response = try send(method: "GET", path: "/_sim/accounts", body: nil)
        let list = response["data"]?.arrayValue ?? response.arrayValue ?? []
        return list.map { ($0["id"]?.stringValue ?? "", $0["name"]?.stringValue ?? $0["displayName"]?.stringValue ?? "") }
    }

    private func post(_ path: String, body: JSONValue) throws -> JSONValue {
        try send(method: "POST", path: path, body: try JSONEncoder().encode(body))
    }

    private func send(method: String, path: String, body: Data?) throws -> JSONValue {
        let url = baseURL.appendingPathComponent(String(path.dropFirst()))
        let response = try http.send(
            method: method, url: url, headers: ["Content-Type": "application/json"], body: body
        )
        let decoded = (try? JSONDecoder().decode(JSONValue.self, from: response.body)) ?? .null
        guard (200..<300).contains(response.status) else {
            let message = decoded.value(at: "error.message")?.stringValue
                ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            throw SimulatorControlError(status: response.status, message: message)
        }
        return decoded
    }
}

/// The simulator rejected a control request.
struct SimulatorControlError: Error, CustomStringConvertible {
    var status: Int
    var message: String

    var description: String { "the Stripe simulator rejected the request (HTTP \(status)): \(message)" }
}
