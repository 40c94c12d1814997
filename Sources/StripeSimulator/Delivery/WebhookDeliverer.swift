import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Sends events to webhook endpoints the way Stripe does: a signed POST per endpoint,
/// retried with backoff until a 2xx response or the last attempt.
///
/// The first attempt of each endpoint runs on the caller's thread, one endpoint after
/// another, so a caller knows the outcome when `publish` returns. Retries run later on a
/// background queue, each re-signed with the time it is sent.
final class WebhookDeliverer: @unchecked Sendable {
    /// Stripe's User-Agent for webhook requests.
    static let userAgent = "Stripe/1.0 (+https://stripe.com/docs/webhooks)"
    /// How many recently sent events `resend` can find.
    static let recentEventCapacity = 200
    /// Characters of a response body kept in the delivery log.
    static let responseBodyLimit = 500

    let log = DeliveryLog()
    private let store: SimulatorStore
    private let client: OutboundHTTPClient
    private let schedule: RetrySchedule
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let retryQueue = DispatchQueue(label: "stripe-simulator.delivery-retries", attributes: .concurrent)
    private let lock = NSLock()
    private var isStopped = false
    private var recentEvents: [String: QueuedEvent] = [:]
    private var recentOrder: [String] = []

    init(
        store: SimulatorStore, client: OutboundHTTPClient, schedule: RetrySchedule,
        clock: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.store = store
        self.client = client
        self.schedule = schedule
        self.clock = clock
        self.logger = logger
    }

    /// Encodes `event` with `pending_webhooks` set to the number of recipients, then sends
    /// it to each of them.
    ///
    /// - Returns: The first attempt at each recipient, in sending order.
    func publish(_ event: OutgoingEvent, ignoringSubscriptions: Bool = false) -> [DeliveryAttempt] {
        let endpoints = store.read {
            $0.recipients(ofEventType: event.type, account: event.account, ignoringSubscriptions: ignoringSubscriptions)
        }
        let payload = SimulatorJSON.encodeStripe(event.envelope(pendingWebhooks: endpoints.count))
        let queued = QueuedEvent(
            id: event.id, type: event.type, account: event.account, payload: payload,
            ignoringSubscriptions: ignoringSubscriptions
        )
        return send(queued, to: endpoints)
    }

    /// Sends `event` as it is to the endpoints of its account that receive its type.
    ///
    /// - Returns: The first attempt at each recipient, in sending order.
    func sendUnchanged(_ event: QueuedEvent) -> [DeliveryAttempt] {
        let endpoints = store.read { state in
            state.recipients(
                ofEventType: event.type, account: event.account, ignoringSubscriptions: event.ignoringSubscriptions
            )
        }
        return send(event, to: endpoints)
    }

    /// Returns the sent event `id` for sending it again, or nil once it is older than the
    /// last 200 events.
    func recentEvent(id: String) -> QueuedEvent? {
        lock.withLock { recentEvents[id] }
    }

    /// Drops every retry that has not started; attempts in progress finish.
    func stop() {
        lock.withLock { isStopped = true }
    }

    private var stopped: Bool {
        lock.withLock { isStopped }
    }

    private func send(_ event: QueuedEvent, to endpoints: [WebhookEndpoint]) -> [DeliveryAttempt] {
        remember(event)
        if endpoints.isEmpty {
            logger.info("event has no webhook endpoints", [
                .eventID: event.id, .eventType: event.type, .accountID: event.account,
            ])
        }
        return endpoints.map { attempt(event, to: $0, number: 1) }
    }

    /// Makes attempt `number` and, when it fails and attempts remain, schedules the next.
    private func attempt(_ event: QueuedEvent, to endpoint: WebhookEndpoint, number: Int) -> DeliveryAttempt {
        var result = post(event, to: endpoint, number: number)
        let retryDelay = result.succeeded ? nil : schedule.delay(afterAttempt: number)
        result.nextRetryAt = retryDelay.map { result.attemptedAt.addingTimeInterval($0) }
        log.append(result)

        if let retryDelay {
            scheduleRetry(event, endpointID: endpoint.id, number: number + 1, delay: retryDelay)
        } else if !result.succeeded {
            logger.error("webhook delivery abandoned", [
                .eventID: event.id, .endpointID: endpoint.id, .attempt: String(number),
            ])
        }
        return result
    }

    private func post(_ event: QueuedEvent, to endpoint: WebhookEndpoint, number: Int) -> DeliveryAttempt {
        let started = clock()
        let signature = StripeSignature.header(
            payload: event.payload, secret: endpoint.secret, timestamp: Int64(started.timeIntervalSince1970)
        )
        var result = DeliveryAttempt(
            eventID: event.id, eventType: event.type, endpointID: endpoint.id, url: endpoint.url,
            attempt: number, attemptedAt: started, durationMilliseconds: 0
        )

        do {
            guard let url = URL(string: endpoint.url) else {
                throw OutboundHTTPError.transport(url: endpoint.url, message: "invalid URL")
            }
            let response = try client.send(method: "POST", url: url, headers: [
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": signature,
                "User-Agent": Self.userAgent,
                "Cache-Control": "no-cache",
            ], body: event.payload)
            result.status = response.status
            result.responseBody = String(String(decoding: response.body, as: UTF8.self).prefix(Self.responseBodyLimit))
        } catch {
            result.error = String(describing: error)
        }
        result.durationMilliseconds = Int(clock().timeIntervalSince(started) * 1000)

        logAttempt(result, account: event.account)
        return result
    }

    private func scheduleRetry(_ event: QueuedEvent, endpointID: String, number: Int, delay: Double) {
        logger.info("webhook retry scheduled", [
            .eventID: event.id, .endpointID: endpointID, .attempt: String(number), .delay: String(Int(delay * 1000)),
        ])
        retryQueue.asyncAfter(deadline: .now() + delay) { [self] in
            guard !stopped else { return }
            let endpoint = store.read { state in state.webhookEndpoints.first { $0.id == endpointID } }
            guard let endpoint, endpoint.isEnabled else {
                logger.info("webhook retry dropped: endpoint deleted or disabled", [
                    .eventID: event.id, .endpointID: endpointID, .attempt: String(number),
                ])
                return
            }
            _ = attempt(event, to: endpoint, number: number)
        }
    }

    private func logAttempt(_ result: DeliveryAttempt, account: String) {
        var metadata: [LogKey: String] = [
            .eventID: result.eventID, .eventType: result.eventType, .endpointID: result.endpointID,
            .accountID: account, .attempt: String(result.attempt), .duration: String(result.durationMilliseconds),
        ]
        if let status = result.status { metadata[.status] = String(status) }
        if let error = result.error { metadata[.error] = error }

        if result.succeeded {
            logger.info("webhook delivered", metadata)
        } else {
            logger.warning("webhook delivery failed", metadata)
        }
    }

    private func remember(_ event: QueuedEvent) {
        lock.withLock {
            if recentEvents.updateValue(event, forKey: event.id) == nil {
                recentOrder.append(event.id)
            }
            while recentOrder.count > Self.recentEventCapacity {
                recentEvents[recentOrder.removeFirst()] = nil
            }
        }
    }
}
