import AgentRefDomain
import AgentRefLog
import Foundation

/// Makes sure a connected account has exactly one webhook endpoint with the program's URL,
/// subscribed to the five events, whose signing secret the server has stored.
///
/// Endpoints are found by URL (`GET /v1/webhook_endpoints` with `Stripe-Account`). The one
/// whose id and secret the server stored is reused, and enabled or resubscribed when
/// needed. Every other endpoint with the URL has a secret the server cannot know (Stripe
/// shows a secret only at creation), so it is deleted, and a new endpoint replaces it when
/// none was reused. Stripe never ends up with two endpoints for one program.
struct WebhookEndpointRegistrar {
    let context: ServerContext

    /// An endpoint the server can verify deliveries of.
    struct Registration: Hashable {
        var id: String
        var secret: String
        /// True when an existing endpoint was kept.
        var reused: Bool
    }

    private var logger: Logger { context.logger }
    private var stripe: StripeAPIClient { context.stripe }

    /// - Parameters:
    ///   - known: The endpoint id and secret stored from an earlier connection, if any.
    /// - Throws: `StripeAPIError` from the first Stripe call that fails.
    func ensureEndpoint(account: String, programId: String, known: (id: String, secret: String)?) throws
        -> Registration
    {
        let url = context.webhookURL(programId: programId)
        let events = StripeEventType.subscribed.map(\.rawValue)
        let existing = try stripe.listWebhookEndpoints(account: account).filter { $0.url == url }

        var reused: Registration?
        if let known, let endpoint = existing.first(where: { $0.id == known.id }) {
            try refresh(endpoint, account: account, events: events)
            reused = Registration(id: endpoint.id, secret: known.secret, reused: true)
            logger.info("webhook endpoint reused", [.programID: programId, .accountID: account, .endpointID: endpoint.id])
        }

        for endpoint in existing where endpoint.id != reused?.id {
            try stripe.deleteWebhookEndpoint(account: account, id: endpoint.id)
            logger.warning("webhook endpoint replaced, its signing secret is unknown", [
                .programID: programId, .accountID: account, .endpointID: endpoint.id,
            ])
        }
        if let reused { return reused }

        let created = try stripe.createWebhookEndpoint(
            account: account, url: url, events: events, description: "AgentRef program \(programId)"
        )
        logger.info("webhook endpoint created", [.programID: programId, .accountID: account, .endpointID: created.id])
        return Registration(id: created.id, secret: created.secret ?? "", reused: false)
    }

    /// Enables the endpoint and restores its events when someone changed them on Stripe.
    private func refresh(_ endpoint: WebhookEndpoint, account: String, events: [String]) throws {
        let isEnabled = endpoint.status.map { $0 == "enabled" } ?? true
        guard !isEnabled || !Set(endpoint.enabledEvents).isSuperset(of: events) else { return }
        try stripe.updateWebhookEndpoint(account: account, id: endpoint.id, events: events)
        logger.info("webhook endpoint updated", [.accountID: account, .endpointID: endpoint.id])
    }
}
