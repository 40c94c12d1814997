import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Handles `GET /oauth/stripe/callback?code=&state=` (or `?error=&error_description=&state=`),
/// where Stripe sends the merchant's browser after the authorize page.
///
/// Nothing changes until the request proves itself: an unknown, used or expired `state`, a
/// denial (`error=access_denied`) and a callback without a code each get a page and leave
/// the connection as it was. A valid callback then consumes its state (and every other
/// unused state of the program, so one callback per program goes on), and
/// `AuthorizationCompletion` exchanges the code, claims the account, registers the webhook
/// endpoint and connects the program.
struct OAuthCallbackHandler {
    let context: ServerContext
    let cleanup: StripeCleanupWorker

    private var store: Store { context.store }
    private var logger: Logger { context.logger }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        do {
            return try complete(request).response(for: request)
        } catch let page as CallbackPage {
            return page.response(for: request)
        } catch {
            logger.error("oauth callback failed", [.error: String(describing: error), .requestID: request.requestID])
            return CallbackPage.failure(
                500, "INTERNAL_ERROR", title: "Stripe connection failed",
                message: "The server could not finish connecting Stripe (request \(request.requestID)); "
                    + "try connecting again from the dashboard."
            ).response(for: request)
        }
    }

    private func complete(_ request: HTTPRequest) throws -> CallbackPage {
        let state = try validState(request)
        let program = try context.requireProgram(state.programId)

        if let error = request.query("error") {
            return denial(program, error: error, description: request.query("error_description"))
        }
        guard let code = request.query("code"), !code.isEmpty else {
            logger.warning("oauth callback without code", [.programID: program.id, .requestID: request.requestID])
            throw CallbackPage.failure(400, "BAD_REQUEST", title: "Stripe connection failed",
                message: "The callback has no authorization code, so nothing changed; open the authorization "
                    + "link again, or start the connection again from the dashboard.")
        }
        guard try store.consumeOAuthState(state.state, at: context.clock.now()) else {
            throw Self.usedState
        }

        let completion = AuthorizationCompletion(context: context, cleanup: cleanup, program: program, state: state.state)
        return try completion.run(code: code)
    }

    /// Returns the request's state record when it is known, unused and unexpired, without
    /// changing it.
    private func validState(_ request: HTTPRequest) throws -> OAuthStateRecord {
        guard let state = request.query("state"), !state.isEmpty else {
            throw CallbackPage.failure(400, "BAD_REQUEST", title: "Invalid Stripe callback",
                message: "The callback has no state parameter; \(Self.restart)")
        }
        guard let record = try store.oauthState(state) else {
            logger.warning("oauth callback with unknown state", [.state: StripeConnector.last4(state)])
            throw CallbackPage.failure(400, "BAD_REQUEST", title: "Unknown authorization link",
                message: "This Stripe authorization link is not known to this server; \(Self.restart)")
        }
        guard record.usedAt == nil else {
            logger.warning("oauth callback with used state", [.programID: record.programId, .state: StripeConnector.last4(state)])
            throw Self.usedState
        }
        guard record.expiresAt > context.clock.now() else {
            logger.warning("oauth callback with expired state", [.programID: record.programId])
            throw CallbackPage.failure(400, "BAD_REQUEST", title: "Authorization link expired",
                message: "This Stripe authorization link expired 10 minutes after it was issued; \(Self.restart)")
        }
        return record
    }

    /// Builds the page for `error=access_denied` or another OAuth error. The connection and
    /// the state stay as they were, so the merchant can open the same link again.
    /// Leaves the program pending with its link usable, and records the denial in
    /// `errorMessage` so a dashboard waiting on the link can say what happened.
    private func denial(_ program: Program, error: String, description: String?) -> CallbackPage {
        let reason = description ?? error
        logger.info("stripe authorization denied", [.programID: program.id, .reason: reason])
        do {
            try store.updateStripeConnection(programId: program.id) { connection in
                guard connection.status == .pending else { return }
                connection.errorMessage = "The merchant denied access on Stripe's authorization page (\(reason)); "
                    + "open the same link again to approve, or connect again for a new one."
            }
        } catch {
            logger.error("stripe denial not recorded", [.programID: program.id, .error: String(describing: error)])
        }
        return .outcome(
            title: "Stripe access denied",
            message: "Stripe reported \"\(reason)\", so program \(program.name) is not connected and nothing "
                + "changed; open the authorization link again to approve access, or close this window.",
            programId: program.id, connected: false, account: nil
        )
    }

    private static let restart = "start the connection again from the dashboard to get a new link."

    private static let usedState = CallbackPage.failure(400, "BAD_REQUEST", title: "Authorization link already used",
        message: "This Stripe authorization link was already used, or another link for the same program was "
            + "used or cancelled; \(restart)")
}
