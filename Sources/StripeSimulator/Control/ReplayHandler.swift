import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// `POST /_sim/replay`: sends the events of an attribution fixture to an account's webhook
/// endpoints, so the AgentRef server can be shown a realistic payment history.
struct ReplayHandler: Sendable {
    /// Characters of the random suffix each replay gives the fixture's ids.
    static let suffixLength = 6

    let store: SimulatorStore
    let deliverer: WebhookDeliverer
    let clock: @Sendable () -> Date
    let logger: Logger

    /// Rewrites the fixture's events for the account (see `FixtureRewriter`), stores its
    /// customers so `GET /v1/customers/{id}` finds them, then sends the steps in order. An
    /// event goes to every enabled endpoint of the account whatever types the endpoint
    /// subscribed to, because fixtures also check how the server treats other types.
    ///
    /// - Returns: `{"fixture","account","events":[…],"ids":{old: new}}` once each event's
    ///   first attempt at each endpoint has finished.
    func replay(_ request: HTTPRequest) throws -> HTTPResponse {
        let replay = try ReplayRequest(body: request.body)
        let now = Int64(clock().timeIntervalSince1970)
        let rewriter = FixtureRewriter(
            fixture: replay.fixture, account: replay.account.id, cids: replay.cids,
            suffix: StripeIdentifier.make("", length: Self.suffixLength), now: now
        )
        let customers = try rewrite(replay.fixture.customers, with: rewriter)
        let events = try queuedEvents(replay, rewriter: rewriter)
        try store.update { state in
            for customer in customers {
                state.save(customer, account: replay.account.id)
            }
        }

        logger.info("fixture replayed", [
            .scenario: replay.fixture.name, .accountID: replay.account.id, .count: String(events.count),
        ])
        let reports = events.map { event in
            ControlResponse.eventReport(id: event.id, type: event.type, attempts: deliverer.sendUnchanged(event))
        }
        return ControlResponse.json(.object([
            "fixture": .string(replay.fixture.name),
            "account": .string(replay.account.id),
            "events": .array(reports),
            "ids": .metadata(rewriter.ids),
        ]))
    }

    private func rewrite(_ objects: [JSONValue], with rewriter: FixtureRewriter) throws -> [JSONValue] {
        do {
            return try objects.map(rewriter.rewrite)
        } catch let error as FixtureError {
            throw StripeAPIError.invalidParameter("fixture", error.message)
        }
    }

    /// Builds the events to send, in step order. A redelivered event is the same payload again.
    private func queuedEvents(_ replay: ReplayRequest, rewriter: FixtureRewriter) throws -> [QueuedEvent] {
        var sent: [String: QueuedEvent] = [:]
        var queued: [QueuedEvent] = []
        for step in replay.fixture.steps {
            switch step {
            case .event(let event, _, _):
                let rewritten = try rewrite([event], with: rewriter)[0]
                let id = rewritten["id"]?.stringValue ?? ""
                let next = QueuedEvent(
                    id: id, type: rewritten["type"]?.stringValue ?? "", account: replay.account.id,
                    payload: SimulatorJSON.encodeStripe(rewritten), ignoringSubscriptions: true
                )
                sent[event["id"]?.stringValue ?? ""] = next
                queued.append(next)
            case .redeliver(let eventId):
                guard let earlier = sent[eventId] else {
                    throw StripeAPIError.invalidParameter(
                        "fixture", "Step redeliver \(eventId) comes before that event is delivered; move it later."
                    )
                }
                queued.append(earlier)
            case .disconnect:
                continue
            }
        }
        return queued
    }
}
