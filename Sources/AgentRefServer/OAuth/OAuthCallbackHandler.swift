import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Handles `GET /oauth/stripe/callback?code=&state=` (or `?error=&error_description=&state=`),
/// where Stripe sends the merchant's browser after the authorize page.
///
/// The `state` is checked before anything else: an unknown, used or expired one gets a
/// 400 page and changes nothing. A valid one is consumed, the code is exchanged for the
/// account id, the account's webhook endpoint is found or created, and the program becomes
/// connected. Every outcome is an HTML page with a title and one sentence.
struct OAuthCallbackHandler {
    let context: ServerContext

    private var store: Store { context.store }
    private var logger: Logger { context.logger }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        do {
            return try complete(request).response()
        } catch let page as CallbackFailure {
            return page.page.response()
        } catch {
            logger.error("oauth callback failed", [.error: String(describing: error), .requestID: request.requestID])
            return HTMLPage(
                status: 500,
                title: "Stripe connection failed",
                message: "The server could not finish connecting Stripe (request \(request.requestID)); "
                    + "try connecting again from the dashboard."
            ).response()
        }
    }

    private func complete(_ request: HTTPRequest) throws -> HTMLPage {
        let (state, program) = try consumeState(request)

        if let error = request.query("error") {
            return try recordDenial(program, error: error, description: request.query("error_description"))
        }
        guard let code = request.query("code"), !code.isEmpty else {
            throw CallbackFailure(status: 400, title: "Stripe connection failed",
                message: "The callback has no authorization code; start the connection again from the dashboard.")
        }

        let connection = try store.stripeConnection(programId: program.id)
        guard connection.status == .pending else {
            throw CallbackFailure(status: 400, title: "No Stripe connection pending",
                message: "Program \(program.name) is \(connection.status.label), not waiting for authorization; "
                    + "start the connection again from the dashboard.")
        }

        let account = try exchange(code, program: program)
        try rejectIfHeldElsewhere(account, program: program)
        let endpoint = try ensureEndpoint(account: account, program: program, connection: connection)
        try connect(program, account: account, endpoint: endpoint)
        logger.info("stripe connected", [
            .programID: program.id, .accountID: account, .endpointID: endpoint.id, .state: StripeConnector.last4(state),
        ])

        return HTMLPage(status: 200, title: "Stripe connected",
            message: "Program \(program.name) now receives payments from Stripe account \(account); "
                + "you can close this window and return to the dashboard.")
    }

    // MARK: - Steps

    /// Consumes the request's `state` and returns it with its program.
    private func consumeState(_ request: HTTPRequest) throws -> (String, Program) {
        let restart = "start the connection again from the dashboard to get a new link."
        guard let state = request.query("state"), !state.isEmpty else {
            throw CallbackFailure(status: 400, title: "Invalid Stripe callback",
                message: "The callback has no state parameter; \(restart)")
        }
        guard let record = try store.oauthState(state) else {
            throw CallbackFailure(status: 400, title: "Unknown authorization link",
                message: "This Stripe authorization link is not known to this server; \(restart)")
        }
        guard record.usedAt == nil else {
            throw CallbackFailure(status: 400, title: "Authorization link already used",
                message: "This Stripe authorization link was already used; \(restart)")
        }

        let now = context.clock.now()
        guard record.expiresAt > now else {
            _ = try store.consumeOAuthState(state, at: now)
            throw CallbackFailure(status: 400, title: "Authorization link expired",
                message: "This Stripe authorization link expired 10 minutes after it was issued; \(restart)")
        }
        guard try store.consumeOAuthState(state, at: now) else {
            throw CallbackFailure(status: 400, title: "Authorization link already used",
                message: "This Stripe authorization link was already used; \(restart)")
        }
        return (state, try context.requireProgram(record.programId))
    }

    private func recordDenial(_ program: Program, error: String, description: String?) throws -> HTMLPage {
        let reason = description ?? error
        try markFailed(program, message: "Stripe authorization was denied: \(reason)")
        logger.info("stripe authorization denied", [.programID: program.id, .reason: reason])
        return HTMLPage(status: 200, title: "Stripe access denied",
            message: "Stripe reported \"\(reason)\", so program \(program.name) is not connected; "
                + "you can connect again from the dashboard.")
    }

    private func exchange(_ code: String, program: Program) throws -> String {
        do {
            return try context.stripe.exchangeAuthorizationCode(code)
        } catch let error as StripeAPIError {
            try markFailed(program, message: error.description)
            logger.error("stripe code exchange failed", [.programID: program.id, .error: error.description])
            throw CallbackFailure(status: 502, title: "Stripe connection failed",
                message: "\(error.description); start the connection again from the dashboard.")
        }
    }

    private func rejectIfHeldElsewhere(_ account: String, program: Program) throws {
        guard let holderId = try store.programConnected(toAccount: account, excludingProgramId: program.id) else { return }
        let holderName = try store.program(id: holderId)?.name ?? holderId
        logger.warning("stripe account held by another program", [
            .programID: program.id, .accountID: account, .reason: "held by \(holderId)",
        ])
        throw CallbackFailure(status: 409, title: "Stripe account already connected",
            message: "Stripe account \(account) is already connected to program \(holderName) (\(holderId)); "
                + "disconnect it there first, or authorize a different Stripe account for \(program.name).")
    }

    /// Finds this server's endpoint on the account and reuses it when its secret is known.
    /// Otherwise it deletes any endpoint with the same URL and creates a new one.
    private func ensureEndpoint(account: String, program: Program, connection: StripeConnectionRecord) throws
        -> (id: String, secret: String)
    {
        let url = context.webhookURL(programId: program.id)
        let subscribed = StripeEventType.subscribed.map(\.rawValue)
        do {
            let existing = try context.stripe.listWebhookEndpoints(account: account).filter { $0.url == url }
            let knownId = connection.webhookEndpointId ?? connection.cleanupEndpointId
            if let reusable = existing.first(where: { $0.id == knownId && Set($0.enabledEvents).isSuperset(of: subscribed) }),
                let secret = connection.endpointSecret
            {
                return (reusable.id, secret)
            }
            for endpoint in existing {
                try context.stripe.deleteWebhookEndpoint(account: account, id: endpoint.id)
            }
            let created = try context.stripe.createWebhookEndpoint(
                account: account, url: url, events: subscribed, description: "AgentRef program \(program.id)"
            )
            return (created.id, created.secret ?? "")
        } catch let error as StripeAPIError {
            try markFailed(program, message: "could not register the webhook endpoint: \(error.description)")
            logger.error("webhook endpoint setup failed", [.programID: program.id, .accountID: account, .error: error.description])
            throw CallbackFailure(status: 502, title: "Stripe connection failed",
                message: "Stripe did not register the webhook endpoint (\(error.description)); "
                    + "start the connection again from the dashboard.")
        }
    }

    private func connect(_ program: Program, account: String, endpoint: (id: String, secret: String)) throws {
        try store.transaction {
            try rejectIfHeldElsewhere(account, program: program)
            var connection = try store.stripeConnection(programId: program.id)
            var machine = StripeConnectionMachine(status: connection.status)
            guard (try? machine.apply(.authorize)) != nil else {
                throw CallbackFailure(status: 409, title: "Stripe connection cancelled",
                    message: "Program \(program.name) was disconnected while Stripe was authorizing; "
                        + "start the connection again from the dashboard.")
            }

            let now = context.clock.now()
            if connection.endpointSecret != endpoint.secret {
                connection.previousEndpointSecret = connection.endpointSecret
                connection.endpointSecret = endpoint.secret
            }
            if connection.cleanupAccountId == account {
                connection.cleanupPending = false
                connection.cleanupAccountId = nil
                connection.cleanupEndpointId = nil
            }
            connection.status = machine.status
            connection.stripeAccountId = account
            connection.webhookEndpointId = endpoint.id
            connection.webhookUrl = context.webhookURL(programId: program.id)
            connection.subscribedEvents = StripeEventType.subscribed.map(\.rawValue)
            connection.connectedAt = now
            connection.authUrl = nil
            connection.authExpiresAt = nil
            connection.errorMessage = nil
            connection.updatedAt = now
            try store.saveStripeConnection(connection)
            try store.invalidateOAuthStates(programId: program.id, at: now)
        }
    }

    /// Moves a pending connection to `error` with `message`.
    private func markFailed(_ program: Program, message: String) throws {
        var connection = try store.stripeConnection(programId: program.id)
        var machine = StripeConnectionMachine(status: connection.status)
        guard (try? machine.apply(.fail)) != nil else { return }
        connection.status = machine.status
        connection.errorMessage = message
        connection.authUrl = nil
        connection.authExpiresAt = nil
        connection.updatedAt = context.clock.now()
        try store.saveStripeConnection(connection)
    }
}

/// A callback that ends with an error page.
private struct CallbackFailure: Error {
    var page: HTMLPage

    init(status: Int, title: String, message: String) {
        page = HTMLPage(status: status, title: title, message: message)
    }
}
