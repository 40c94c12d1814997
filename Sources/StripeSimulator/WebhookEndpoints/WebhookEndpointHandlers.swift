import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// `/v1/webhook_endpoints`: create, list, retrieve, update and delete the endpoints of the
/// account a request acts on. Writes go through `GrantPermission`, so a `read_only` grant
/// can be refused them.
struct WebhookEndpointHandlers: Sendable {
    /// Stripe's limit of webhook endpoints per account and mode.
    static let maxEndpointsPerAccount = 16

    let store: SimulatorStore
    let authenticator: APIAuthenticator
    let permission: GrantPermission
    /// Secret for every new endpoint; nil gives each one a random `whsec_` secret.
    let fixedSecret: String?
    let clock: @Sendable () -> Date
    let logger: Logger

    /// `POST /v1/webhook_endpoints`: the created endpoint, with its `secret`.
    func create(_ request: HTTPRequest) throws -> HTTPResponse {
        let context = try authenticator.authenticate(request)
        try permission.requireWrite(context)
        let parameters = FormParameters(items: request.formItems)
        try parameters.rejectUnknown(
            allowed: ["url", "enabled_events", "description", "metadata", "api_version", "connect"]
        )

        let connect = try WebhookEndpointParameters.boolean(parameters.value("connect"), name: "connect") ?? false
        guard !connect || context.account == SimulatedAccount.platform.id else {
            throw StripeAPIError.invalidParameter(
                "connect", "connect=true is only available to the platform; send the request without Stripe-Account."
            )
        }
        let endpoint = WebhookEndpoint(
            id: StripeIdentifier.make("we_"),
            account: context.account,
            url: try WebhookEndpointParameters.validatedURL(parameters.value("url")),
            enabledEvents: try WebhookEndpointParameters.validatedEvents(parameters.array("enabled_events")),
            description: parameters.value("description").flatMap { $0.isEmpty ? nil : $0 },
            metadata: WebhookEndpointParameters.mergedMetadata([:], with: parameters),
            apiVersion: try WebhookEndpointParameters.validatedAPIVersion(parameters.value("api_version")),
            application: context.application,
            connect: connect,
            created: Int64(clock().timeIntervalSince1970),
            secret: fixedSecret ?? StripeIdentifier.make("whsec_", length: 32),
            isEnabled: true
        )

        try store.update { state in
            guard state.endpoints(of: context.account).count < Self.maxEndpointsPerAccount else {
                throw StripeAPIError.invalidParameter(
                    "url", "Account \(context.account) already has \(Self.maxEndpointsPerAccount) webhook endpoints, "
                        + "the maximum; delete one first."
                )
            }
            state.webhookEndpoints.append(endpoint)
        }

        logger.info("webhook endpoint created", [
            .accountID: context.account, .endpointID: endpoint.id, .url: endpoint.url,
            .tokenLast4: StripeIdentifier.lastFour(endpoint.secret),
        ])
        return Self.stripeJSON(endpoint.stripeObject(includingSecret: true))
    }

    /// `GET /v1/webhook_endpoints`: the account's endpoints, newest first, in Stripe's list
    /// shape with `limit`, `starting_after` and `ending_before`.
    func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let context = try authenticator.authenticate(request)
        let parameters = FormParameters(items: request.queryItems)
        try parameters.rejectUnknown(allowed: ["limit", "starting_after", "ending_before"])
        let limit = try Self.limit(parameters.value("limit"))

        let endpoints = Array(store.read { $0.endpoints(of: context.account) }.reversed())
        let page = try Self.page(
            of: endpoints, limit: limit,
            startingAfter: parameters.value("starting_after"), endingBefore: parameters.value("ending_before")
        )
        let body: JSONValue = .object([
            "object": .string("list"),
            "url": .string("/v1/webhook_endpoints"),
            "has_more": .bool(page.hasMore),
            "data": .array(page.items.map { $0.stripeObject(includingSecret: false) }),
        ])
        return Self.stripeJSON(body)
    }

    /// `GET /v1/webhook_endpoints/{id}`.
    func retrieve(_ request: HTTPRequest) throws -> HTTPResponse {
        let context = try authenticator.authenticate(request)
        let id = request.parameter("id")
        let endpoint = try store.read { state in
            guard let index = state.endpointIndex(id: id, account: context.account) else { throw Self.missing(id) }
            return state.webhookEndpoints[index]
        }
        return Self.stripeJSON(endpoint.stripeObject(includingSecret: false))
    }

    /// `POST /v1/webhook_endpoints/{id}`: changes `url`, `enabled_events`, `description`,
    /// `metadata` or `disabled`.
    func update(_ request: HTTPRequest) throws -> HTTPResponse {
        let context = try authenticator.authenticate(request)
        try permission.requireWrite(context)
        let parameters = FormParameters(items: request.formItems)
        try parameters.rejectUnknown(allowed: ["url", "enabled_events", "description", "metadata", "disabled"])
        let id = request.parameter("id")

        let url = try parameters.value("url").map { try WebhookEndpointParameters.validatedURL($0) }
        let events = try parameters.array("enabled_events").map { try WebhookEndpointParameters.validatedEvents($0) }
        let disabled = try WebhookEndpointParameters.boolean(parameters.value("disabled"), name: "disabled")

        let endpoint = try store.update { state in
            guard let index = state.endpointIndex(id: id, account: context.account) else { throw Self.missing(id) }
            var endpoint = state.webhookEndpoints[index]
            endpoint.url = url ?? endpoint.url
            endpoint.enabledEvents = events ?? endpoint.enabledEvents
            if let description = parameters.value("description") {
                endpoint.description = description.isEmpty ? nil : description
            }
            endpoint.metadata = WebhookEndpointParameters.mergedMetadata(endpoint.metadata, with: parameters)
            endpoint.isEnabled = disabled.map { !$0 } ?? endpoint.isEnabled
            state.webhookEndpoints[index] = endpoint
            return endpoint
        }

        logger.info("webhook endpoint updated", [.accountID: context.account, .endpointID: id])
        return Self.stripeJSON(endpoint.stripeObject(includingSecret: false))
    }

    /// `DELETE /v1/webhook_endpoints/{id}`: Stripe's deleted-object stub.
    func delete(_ request: HTTPRequest) throws -> HTTPResponse {
        let context = try authenticator.authenticate(request)
        try permission.requireWrite(context)
        let id = request.parameter("id")
        try store.update { state in
            guard let index = state.endpointIndex(id: id, account: context.account) else { throw Self.missing(id) }
            state.webhookEndpoints.remove(at: index)
        }

        logger.info("webhook endpoint deleted", [.accountID: context.account, .endpointID: id])
        let body: JSONValue = .object([
            "id": .string(id), "object": .string("webhook_endpoint"), "deleted": .bool(true),
        ])
        return Self.stripeJSON(body)
    }

    private static func missing(_ id: String) -> StripeAPIError {
        .resourceMissing("webhook endpoint", id: id)
    }

    private static func stripeJSON(_ value: JSONValue) -> HTTPResponse {
        .json(SimulatorJSON.encodeStripe(value))
    }

    /// Parses Stripe's `limit`: 1 to 100, 10 when absent.
    static func limit(_ value: String?) throws -> Int {
        guard let value else { return 10 }
        guard let limit = Int(value), (1...100).contains(limit) else {
            throw StripeAPIError.invalidParameter(
                "limit", "Invalid limit: '\(value)'. Send an integer from 1 to 100."
            )
        }
        return limit
    }

    /// Returns one page of `items` (newest first) after the cursor `startingAfter` or before
    /// `endingBefore`, as Stripe pages lists.
    static func page(
        of items: [WebhookEndpoint], limit: Int, startingAfter: String?, endingBefore: String?
    ) throws -> (items: [WebhookEndpoint], hasMore: Bool) {
        if let startingAfter {
            guard let index = items.firstIndex(where: { $0.id == startingAfter }) else {
                throw StripeAPIError.resourceMissing("webhook endpoint", id: startingAfter, param: "starting_after")
            }
            let rest = items[(index + 1)...]
            return (Array(rest.prefix(limit)), rest.count > limit)
        }
        if let endingBefore {
            guard let index = items.firstIndex(where: { $0.id == endingBefore }) else {
                throw StripeAPIError.resourceMissing("webhook endpoint", id: endingBefore, param: "ending_before")
            }
            let before = items[..<index]
            return (Array(before.suffix(limit)), before.count > limit)
        }
        return (Array(items.prefix(limit)), items.count > limit)
    }
}
