import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// `POST /_sim/trigger`: runs a scenario and sends its events.
struct TriggerHandler: Sendable {
    let store: SimulatorStore
    let deliverer: WebhookDeliverer
    let clock: @Sendable () -> Date
    let logger: Logger

    /// Creates the scenario's objects, then sends its events one after another. Returns
    /// when every event's first attempt at every endpoint has finished; retries go on in
    /// the background.
    ///
    /// - Returns: `{"scenario","account","events":[…],"objects":{role: id}}`.
    func trigger(_ request: HTTPRequest) throws -> HTTPResponse {
        let trigger = try TriggerRequest(body: request.body)
        let now = Int64(clock().timeIntervalSince1970)
        let (account, outcome) = try store.update { state in
            let account = trigger.resolvedAccount(in: state)
            let runner = ScenarioRunner(request: trigger, account: account, now: now)
            return (account, try runner.run(in: &state))
        }

        logger.info("scenario triggered", [
            .scenario: trigger.scenario.rawValue, .accountID: account.id,
            .count: String(outcome.events.count),
        ])
        let reports = outcome.events.map { event in
            ControlResponse.eventReport(id: event.id, type: event.type, attempts: deliverer.publish(event))
        }

        return ControlResponse.json(.object([
            "scenario": .string(trigger.scenario.rawValue),
            "account": .string(account.id),
            "events": .array(reports),
            "objects": .metadata(outcome.objects),
        ]))
    }
}
