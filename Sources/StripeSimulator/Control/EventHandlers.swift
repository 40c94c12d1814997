import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// `POST /_sim/events` and `POST /_sim/events/{id}/resend`: sending events a caller wrote
/// or the simulator sent before.
struct EventHandlers: Sendable {
    let deliverer: WebhookDeliverer
    let logger: Logger

    /// Signs and sends a caller's event without changing it. The body is
    /// `{"account":"acct_…","event":{…}}`, or `{"account":…,"payload":"<raw JSON text>"}`
    /// to send exact bytes; `account` defaults to the event's own `account` member.
    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: request.body), body.objectValue != nil else {
            throw StripeAPIError.invalidParameter(
                "body", #"The request body must be a JSON object such as {"account":"acct_…","event":{…}}."#
            )
        }
        let (payload, event) = try Self.payloadAndEvent(in: body)
        guard let id = event["id"]?.stringValue, let type = event["type"]?.stringValue else {
            throw StripeAPIError.invalidParameter("event", "The event needs string members id and type.")
        }
        let account = try Self.account(body["account"]?.stringValue ?? event["account"]?.stringValue)

        let queued = QueuedEvent(
            id: id, type: type, account: account, payload: payload,
            ignoringSubscriptions: type == "account.application.deauthorized"
        )
        logger.info("custom event sent", [.eventID: id, .eventType: type, .accountID: account])
        let attempts = deliverer.sendUnchanged(queued)
        return ControlResponse.json(ControlResponse.eventReport(id: id, type: type, attempts: attempts))
    }

    /// Sends a recently sent event again with a fresh signature, as Stripe does when it
    /// delivers an event twice.
    func resend(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = request.parameter("id")
        guard let event = deliverer.recentEvent(id: id) else {
            throw StripeAPIError.resourceMissing("event", id: id)
        }

        logger.info("event resent", [.eventID: id, .eventType: event.type, .accountID: event.account])
        let attempts = deliverer.sendUnchanged(event)
        return ControlResponse.json(ControlResponse.eventReport(id: id, type: event.type, attempts: attempts))
    }

    private static func payloadAndEvent(in body: JSONValue) throws -> (Data, JSONValue) {
        if let text = body["payload"]?.stringValue {
            let payload = Data(text.utf8)
            guard let event = try? JSONDecoder().decode(JSONValue.self, from: payload), event.objectValue != nil else {
                throw StripeAPIError.invalidParameter("payload", "Field payload must be the text of a JSON object.")
            }
            return (payload, event)
        }
        guard let event = body["event"], event.objectValue != nil else {
            throw StripeAPIError.invalidParameter("event", "Send the event as an object in field event.")
        }
        return (SimulatorJSON.encodeStripe(event), event)
    }

    private static func account(_ id: String?) throws -> String {
        guard let id, SimulatedAccount.known(id: id) != nil else {
            let known = (SimulatedAccount.merchants + [SimulatedAccount.platform]).map(\.id).joined(separator: ", ")
            throw StripeAPIError.invalidParameter(
                "account", "Unknown account '\(id ?? "")'; send one of \(known), or set the event's account."
            )
        }
        return id
    }
}
