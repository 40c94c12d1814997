import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Handles `POST /webhooks/stripe/{programId}`, and applies the events that
/// `ConnectWebhookReceiver` routes to a program.
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
        try WebhookSignatureCheck(context: context).verify(
            request, secrets: connection.signingSecrets, missingSecret: .noSecret(programId: program.id),
            logMetadata: [.programID: program.id]
        ) { reason, date in
            try store.recordRejectedSignature(programId: program.id, reason: reason, at: date)
        }

        let event = try decodeEvent(request.body, logMetadata: [.programID: program.id])
        return try apply(event, body: request.body, program: program, connection: connection)
    }

    /// Decodes a body whose signature was verified.
    ///
    /// - Throws: `APIError` 400 naming what is wrong, after logging it with `logMetadata`.
    func decodeEvent(_ body: Data, logMetadata: [LogKey: String]) throws -> StripeEvent {
        do {
            return try StripeEvent.decode(from: body)
        } catch let error as StripeEventDecodingError {
            var metadata = logMetadata
            metadata[.reason] = error.message
            logger.warning("webhook body rejected", metadata)
            throw APIError.badRequest("\(error.description); send a Stripe event object")
        }
    }

    /// Looks up the payment's customer when the event needs it, stores and applies the event
    /// in one transaction, and acknowledges it once that commits.
    ///
    /// - Parameters:
    ///   - body: The body exactly as Stripe sent it, stored with the event.
    ///   - connection: The program's connection as read before the transaction, for the
    ///     customer lookup; the transaction reads it again.
    func apply(
        _ event: StripeEvent, body: Data, program: Program, connection: StripeConnectionRecord
    ) throws -> HTTPResponse {
        let customer = CustomerMetadataLookup(context: context)
            .customer(for: event, facts: StripePaymentFacts(event: event), connection: connection)
        let result = try store.transaction {
            try ingest(event, body: body, program: program, customer: customer)
        }
        if result.appendedFeedEntries { context.notifier.notify() }
        logResult(result, event: event, program: program)

        return Self.acknowledgement(duplicate: result.isDuplicate)
    }

    // MARK: - Steps

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

    /// Builds Stripe's 200 acknowledgement, `{"received":true}`, with `"duplicate":true` for
    /// an event id stored before.
    static func acknowledgement(duplicate: Bool) -> HTTPResponse {
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
