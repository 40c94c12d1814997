import AgentRefDomain
import AgentRefLog
import Foundation

/// Makes sure an account has exactly one webhook endpoint with a given URL, subscribed to
/// the given events, whose signing secret the server has stored. The account is a connected
/// merchant's (a program's account endpoint) or the platform's own (the Connect endpoint).
///
/// Endpoints are found by URL (`GET /v1/webhook_endpoints`, with `Stripe-Account` for a
/// connected account). The one whose id and secret the server stored is reused, and
/// enabled, resubscribed or pointed at the URL when needed. Every other endpoint with the
/// URL has a secret the server cannot know (Stripe shows a secret only at creation), so it
/// is deleted, and a new endpoint replaces it when none was reused. Stripe never ends up
/// with two endpoints for one URL.
struct WebhookEndpointRegistrar {
    let context: ServerContext

    /// The endpoint to make sure of.
    struct Target {
        /// The connected account, or nil for the platform's own account.
        var account: String?
        var url: String
        var events: [String]
        var description: String
        /// True for a platform Connect endpoint (`connect=true`).
        var connect: Bool
        /// Names the endpoint's owner in log records, such as the program id.
        var logMetadata: [LogKey: String]
    }

    /// An endpoint the server can verify deliveries of.
    struct Registration: Hashable {
        var id: String
        var secret: String
        /// True when an existing endpoint was kept.
        var reused: Bool
    }

    /// Stripe refused a write on the endpoints for lack of permission (see
    /// `StripeAPIError.isPermissionDenied`), or refused to list them with an explicit
    /// permission error (`isExplicitPermissionRefusal`), as it may do to a `read_only` grant.
    struct NotPermitted: Error, CustomStringConvertible {
        var error: StripeAPIError
        var description: String { error.description }
    }

    private var logger: Logger { context.logger }
    private var stripe: StripeAPIClient { context.stripe }

    /// Returns the account endpoint of a program, registered as described above.
    ///
    /// - Parameter known: The endpoint id and secret stored from an earlier connection, if any.
    /// - Throws: `NotPermitted` when Stripe refused a call for lack of permission, else the
    ///   `StripeAPIError` of the first Stripe call that failed.
    func ensureAccountEndpoint(account: String, programId: String, known: (id: String, secret: String)?) throws
        -> Registration
    {
        let target = Target(
            account: account, url: context.webhookURL(programId: programId),
            events: StripeEventType.subscribed.map(\.rawValue), description: "AgentRef program \(programId)",
            connect: false, logMetadata: [.programID: programId, .accountID: account]
        )
        return try ensure(target, known: known)
    }

    /// Registers `target` as described above.
    ///
    /// - Parameter known: The endpoint id and secret the server stored, if any. That endpoint
    ///   is reused even when its URL changed, for example after a new public URL.
    /// - Throws: `NotPermitted` when Stripe refused a call for lack of permission, else the
    ///   `StripeAPIError` of the first Stripe call that failed.
    func ensure(_ target: Target, known: (id: String, secret: String)?) throws -> Registration {
        let existing = try list(target).filter { $0.url == target.url || $0.id == known?.id }

        var reused: Registration?
        if let known, let endpoint = existing.first(where: { $0.id == known.id }) {
            try permitted { try refresh(endpoint, target: target) }
            reused = Registration(id: endpoint.id, secret: known.secret, reused: true)
            logger.info("webhook endpoint reused", metadata(target, endpointId: endpoint.id))
        }

        for endpoint in existing where endpoint.id != reused?.id {
            try permitted { try stripe.deleteWebhookEndpoint(account: target.account, id: endpoint.id) }
            logger.warning(
                "webhook endpoint replaced, its signing secret is unknown", metadata(target, endpointId: endpoint.id)
            )
        }
        if let reused { return reused }

        let created = try permitted {
            try stripe.createWebhookEndpoint(
                account: target.account, url: target.url, events: target.events, description: target.description,
                connect: target.connect
            )
        }
        logger.info("webhook endpoint created", metadata(target, endpointId: created.id))
        return Registration(id: created.id, secret: created.secret ?? "", reused: false)
    }

    /// Enables the endpoint, and restores its events and URL, when someone changed them.
    private func refresh(_ endpoint: WebhookEndpoint, target: Target) throws {
        let isEnabled = endpoint.status.map { $0 == "enabled" } ?? true
        let hasEvents = Set(endpoint.enabledEvents).isSuperset(of: target.events)
        guard !isEnabled || !hasEvents || endpoint.url != target.url else { return }

        let newURL = endpoint.url == target.url ? nil : target.url
        try stripe.updateWebhookEndpoint(account: target.account, id: endpoint.id, url: newURL, events: target.events)
        logger.info("webhook endpoint updated", metadata(target, endpointId: endpoint.id))
    }

    /// Lists the target account's endpoints. A bare 403 stays a `StripeAPIError`, because on a
    /// read it means the platform lost access to the account.
    private func list(_ target: Target) throws -> [WebhookEndpoint] {
        do {
            return try stripe.listWebhookEndpoints(account: target.account)
        } catch let error as StripeAPIError where error.isExplicitPermissionRefusal {
            throw NotPermitted(error: error)
        }
    }

    /// Runs a write, turning Stripe's refusal for lack of permission into `NotPermitted`.
    private func permitted<Result>(_ write: () throws -> Result) throws -> Result {
        do {
            return try write()
        } catch let error as StripeAPIError where error.isPermissionDenied {
            throw NotPermitted(error: error)
        }
    }

    private func metadata(_ target: Target, endpointId: String) -> [LogKey: String] {
        var metadata = target.logMetadata
        metadata[.endpointID] = endpointId
        return metadata
    }
}
