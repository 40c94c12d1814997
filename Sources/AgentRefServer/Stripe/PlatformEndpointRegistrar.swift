import AgentRefDomain
import AgentRefLog
import Foundation

/// Makes sure the platform has the server's one Connect endpoint (`connect=true`,
/// registered with the platform's key and no `Stripe-Account`), which delivers the events of
/// every connected account to `<public URL>/webhooks/stripe/connect`.
///
/// The endpoint's id and secret are stored once for the whole server, so every program in
/// connect mode shares it and a restart reuses it. Registration follows
/// `WebhookEndpointRegistrar`: the stored endpoint is reused (and repaired), any other at the
/// URL is replaced because its secret is unknown, and none is ever created twice, because
/// callers hold `ServerContext.stripeGrantLock`.
struct PlatformEndpointRegistrar {
    let context: ServerContext

    /// The five subscribed event types, plus `account.application.deauthorized`, which
    /// Stripe sends only to the platform's Connect endpoints.
    static let events = StripeEventType.subscribed.map(\.rawValue)
        + [StripeEventType.accountApplicationDeauthorized.rawValue]

    private var store: Store { context.store }

    /// Returns the stored endpoint after making sure Stripe still has it, or the one that
    /// replaces it. A replaced endpoint's secret stays accepted as the previous secret.
    ///
    /// - Throws: `WebhookEndpointRegistrar.NotPermitted` or `StripeAPIError` from Stripe,
    ///   or the store's error.
    func ensure() throws -> PlatformEndpointRecord {
        let stored = try store.platformEndpoint()
        let target = WebhookEndpointRegistrar.Target(
            account: nil, url: context.connectWebhookURL, events: Self.events,
            description: "AgentRef platform Connect endpoint for every program", connect: true,
            logMetadata: [.accountID: "platform"]
        )
        let registration = try WebhookEndpointRegistrar(context: context)
            .ensure(target, known: stored.map { ($0.id, $0.secret) })

        if let stored, registration.reused, stored.url == target.url {
            return stored
        }
        let record = PlatformEndpointRecord(
            id: registration.id, url: target.url, secret: registration.secret,
            previousSecret: registration.reused ? stored?.previousSecret : stored?.secret,
            updatedAt: context.clock.now()
        )
        try store.savePlatformEndpoint(record)
        context.logger.info("platform connect endpoint stored", [
            .endpointID: record.id, .url: record.url, .reason: registration.reused ? "url changed" : "created",
        ])
        if let stored, stored.id != record.id {
            try repointConnections(from: stored.id, to: record.id)
        }
        return record
    }

    /// Points the connected programs that used a replaced endpoint at its replacement,
    /// which delivers their events from now on.
    private func repointConnections(from oldId: String, to newId: String) throws {
        let affected = try store.connectedStripeConnections()
            .filter { $0.endpointKind == .connect && $0.webhookEndpointId == oldId }
        for connection in affected {
            try store.updateStripeConnection(programId: connection.programId) { current in
                guard current.endpointKind == .connect, current.webhookEndpointId == oldId else { return }
                current.webhookEndpointId = newId
            }
        }
        if !affected.isEmpty {
            context.logger.info("programs moved to the new platform connect endpoint", [
                .endpointID: newId, .count: String(affected.count),
            ])
        }
    }
}
