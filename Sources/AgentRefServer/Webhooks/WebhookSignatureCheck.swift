import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Verifies the `Stripe-Signature` header of a webhook delivery before its body is parsed,
/// and records each rejection by reason (`missing`, `malformed`, `stale`, `future`,
/// `mismatch`, `no_secret`).
struct WebhookSignatureCheck {
    let context: ServerContext

    /// Checks `request` against `secrets`.
    ///
    /// - Parameters:
    ///   - missingSecret: The rejection when `secrets` is empty.
    ///   - logMetadata: Names the route's owner in the log record of a rejection.
    ///   - recordRejection: Counts a rejection, given its reason and time.
    /// - Throws: `APIError` 400 `BAD_REQUEST` with `details.reason` after recording the
    ///   rejection, or the error of `recordRejection`.
    func verify(
        _ request: HTTPRequest,
        secrets: [String],
        missingSecret: WebhookRejection,
        logMetadata: [LogKey: String],
        recordRejection: (String, Date) throws -> Void
    ) throws {
        let now = context.clock.now()
        let reason: String
        let message: String
        do {
            guard !secrets.isEmpty else { throw missingSecret }
            try StripeSignature.verify(
                payload: request.body,
                header: request.header("Stripe-Signature"),
                secrets: secrets,
                now: Int64(now.timeIntervalSince1970)
            )
            return
        } catch let error as StripeSignatureError {
            (reason, message) = (error.reason, error.description)
        } catch let error as WebhookRejection {
            (reason, message) = (error.reason, error.description)
        }

        try recordRejection(reason, now)
        var metadata = logMetadata
        metadata[.reason] = reason
        context.logger.warning("webhook signature rejected", metadata)
        throw APIError(
            status: 400, code: "BAD_REQUEST", message: message, details: .object(["reason": .string(reason)])
        )
    }
}

/// A webhook rejected for a reason `StripeSignatureError` does not cover.
enum WebhookRejection: Error, CustomStringConvertible {
    /// The program has no endpoint secret, because it never connected in account mode.
    case noSecret(programId: String)
    /// The server has registered no platform Connect endpoint yet.
    case noPlatformSecret

    var reason: String {
        switch self {
        case .noSecret, .noPlatformSecret: "no_secret"
        }
    }

    var description: String {
        switch self {
        case .noSecret(let programId):
            "program \(programId) has no webhook signing secret yet; connect it to Stripe first"
        case .noPlatformSecret:
            "this server has no platform Connect endpoint yet, so it cannot verify deliveries to "
                + "/webhooks/stripe/connect; connect a program while the server runs in connect or auto webhook mode"
        }
    }
}
