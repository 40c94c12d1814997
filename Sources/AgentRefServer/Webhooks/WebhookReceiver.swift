import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Handles `POST /webhooks/stripe/{programId}`.
///
/// The signature is verified against the program's endpoint secrets before the body is
/// parsed, and each rejection is counted per program and reason. A valid event is stored
/// by id and applied in one transaction, and 200 is sent only after that commits, so
/// Stripe retries anything that was not stored. A repeated event id is acknowledged with
/// `"duplicate": true` and changes nothing.
struct WebhookReceiver {
    let context: ServerContext
    let processor: StripeEventProcessor

    private var store: Store { context.store }
    private var logger: Logger { context.logger }

    func handle(_ request: HTTPRequest) throws -> HTTPResponse {
        let program = try context.requireProgram(request.parameter("programId"))
        let connection = try store.stripeConnection(programId: program.id)
        try verifySignature(request, program: program, connection: connection)

        let event: StripeEvent
        do {
            event = try StripeEvent.decode(from: request.body)
        } catch let error as StripeEventDecodingError {
            logger.warning("webhook body rejected", [.programID: program.id, .reason: error.message])
            throw APIError.badRequest("\(error.description); send a Stripe event object")
        }

        let customer = CustomerMetadataLookup(context: context)
            .customer(for: event, facts: StripePaymentFacts(event: event), connection: connection)
        let result = try store.transaction {
            try ingest(event, body: request.body, program: program, customer: customer)
        }
        if result.appendedFeedEntries { context.notifier.notify() }
        logResult(result, event: event, program: program)

        return try acknowledgement(duplicate: result.isDuplicate)
    }

    // MARK: - Steps

    private func verifySignature(_ request: HTTPRequest, program: Program, connection: StripeConnectionRecord) throws {
        let now = context.clock.now()
        let secrets = connection.signingSecrets
        do {
            guard !secrets.isEmpty else { throw WebhookRejection.noSecret(programId: program.id) }
            try StripeSignature.verify(
                payload: request.body,
                header: request.header("Stripe-Signature"),
                secrets: secrets,
                now: Int64(now.timeIntervalSince1970)
            )
        } catch let error as StripeSignatureError {
            try reject(program: program, reason: error.reason, message: error.description, at: now)
        } catch let error as WebhookRejection {
            try reject(program: program, reason: error.reason, message: error.description, at: now)
        }
    }

    private func reject(program: Program, reason: String, message: String, at date: Date) throws -> Never {
        try store.recordRejectedSignature(programId: program.id, reason: reason, at: date)
        logger.warning("webhook signature rejected", [.programID: program.id, .reason: reason])
        throw APIError(
            status: 400, code: "BAD_REQUEST", message: message,
            details: .object(["reason": .string(reason)])
        )
    }

    /// Stores the event and applies it. `customer` is the payment's customer fetched from
    /// Stripe, when the event needed one.
    private func ingest(
        _ event: StripeEvent,
        body: Data,
        program: Program,
        customer: JSONValue?
    ) throws -> IngestResult {
        let receivedAt = context.clock.now()
        let stored = StoredStripeEvent(
            programId: program.id, eventId: event.id, type: event.type, account: event.account,
            created: event.created, receivedAt: receivedAt, outcome: .ignored, detail: "processing", conversionId: nil,
            payload: body
        )
        guard try store.insertStripeEvent(stored) else {
            return IngestResult(isDuplicate: true, outcome: .duplicate, detail: "event already received")
        }

        let outcome = try processor.apply(event, program: program, customer: customer, receivedAt: receivedAt)
        try store.updateStripeEventOutcome(
            programId: program.id, eventId: event.id, outcome: outcome.outcome, detail: outcome.detail,
            conversionId: outcome.conversionId
        )
        try recordLastEvent(event, programId: program.id, at: receivedAt)
        return IngestResult(
            isDuplicate: false, outcome: outcome.outcome, detail: outcome.detail,
            conversionId: outcome.conversionId, appendedFeedEntries: outcome.appendedFeedEntries
        )
    }

    private func recordLastEvent(_ event: StripeEvent, programId: String, at date: Date) throws {
        var connection = try store.stripeConnection(programId: programId)
        connection.lastEventAt = date
        connection.lastEventType = event.type
        connection.lastEventId = event.id
        connection.updatedAt = date
        try store.saveStripeConnection(connection)
    }

    private func logResult(_ result: IngestResult, event: StripeEvent, program: Program) {
        var metadata: [LogKey: String] = [
            .programID: program.id, .eventID: event.id, .eventType: event.type,
            .outcome: result.outcome.rawValue, .reason: result.detail,
        ]
        metadata[.conversionID] = result.conversionId
        logger.info("webhook stored", metadata)
    }

    private func acknowledgement(duplicate: Bool) throws -> HTTPResponse {
        let body = duplicate ? #"{"duplicate":true,"received":true}"# : #"{"received":true}"#
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
    }
}

/// The result of storing one event.
struct IngestResult {
    var isDuplicate: Bool
    var outcome: StripeEventOutcome
    var detail: String
    var conversionId: String?
    var appendedFeedEntries = false
}

/// A webhook rejected for a reason `StripeSignatureError` does not cover.
enum WebhookRejection: Error, CustomStringConvertible {
    case noSecret(programId: String)

    var reason: String {
        switch self {
        case .noSecret: "no_secret"
        }
    }

    var description: String {
        switch self {
        case .noSecret(let programId):
            "program \(programId) has no webhook signing secret yet; connect it to Stripe first"
        }
    }
}
