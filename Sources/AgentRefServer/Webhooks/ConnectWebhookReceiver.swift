import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Handles `POST /webhooks/stripe/connect`, where the platform Connect endpoint delivers the
/// events of every connected account.
///
/// The signature is verified against the platform endpoint's secrets before the body is
/// parsed, and each rejection is counted server-wide by reason. A valid event goes to the
/// program of its `account` (see `Store.programReceivingEvents`) and is applied exactly as
/// on the program's own route. An event for an account of no program, or for the platform
/// itself, is acknowledged and stored as unrouted with the reason, so Stripe does not
/// retry it.
struct ConnectWebhookReceiver {
    let context: ServerContext
    let receiver: WebhookReceiver

    private var store: Store { context.store }

    func handle(_ request: HTTPRequest) throws -> HTTPResponse {
        let platform = try store.platformEndpoint()
        try WebhookSignatureCheck(context: context).verify(
            request, secrets: platform?.signingSecrets ?? [], missingSecret: .noPlatformSecret,
            logMetadata: [.endpointID: platform?.id ?? "-"]
        ) { reason, date in
            try store.recordPlatformRejectedSignature(reason: reason, at: date)
        }

        let event = try receiver.decodeEvent(request.body, logMetadata: [.endpointID: platform?.id ?? "-"])
        guard let account = event.account else {
            return try ignore(event, detail: "event has no account, so it happened on the platform's own account, "
                + "which no program tracks")
        }
        guard let programId = try store.programReceivingEvents(account: account),
            let program = try store.program(id: programId)
        else {
            return try ignore(event, detail: "no program is connected to Stripe account \(account)")
        }

        let connection = try store.stripeConnection(programId: program.id)
        return try receiver.apply(event, body: request.body, program: program, connection: connection)
    }

    /// Stores the event as unrouted and acknowledges it.
    private func ignore(_ event: StripeEvent, detail: String) throws -> HTTPResponse {
        let unrouted = UnroutedStripeEvent(
            eventId: event.id, type: event.type, account: event.account, created: event.created,
            receivedAt: context.clock.now(), detail: detail
        )
        let isNew = try store.insertUnroutedStripeEvent(unrouted)
        context.logger.info("webhook ignored, no program receives it", [
            .eventID: event.id, .eventType: event.type, .accountID: event.account ?? "-",
            .outcome: StripeEventOutcome.ignored.rawValue, .reason: detail,
        ])
        return WebhookReceiver.acknowledgement(duplicate: !isNew)
    }
}
