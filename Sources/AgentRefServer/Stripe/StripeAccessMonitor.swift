import AgentRefDomain
import AgentRefLog
import Foundation

/// Checks every connected program's access to its Stripe account, at start and then every
/// `interval` seconds, by reading its webhook endpoint (`GET /v1/webhook_endpoints/{id}`
/// with `Stripe-Account`). Programs in connect mode are checked by
/// `checkConnectMode(_:)` instead.
///
/// This catches a withdrawal whose `account.application.deauthorized` event never arrived:
/// a 403 (or `account_invalid`, `api_key_expired`) moves the program to `revoked`, and an
/// endpoint deleted on Stripe moves it to `error`, because no event can arrive any more.
/// Unreachable Stripe changes nothing; the next round checks again.
final class StripeAccessMonitor: Sendable {
    let context: ServerContext
    private let interval: TimeInterval
    private let loop = BackgroundLoop(name: "stripe-access")

    /// - Parameter interval: Seconds between rounds; 0 or less checks only when asked.
    init(context: ServerContext, interval: TimeInterval) {
        self.context = context
        self.interval = interval
    }

    var logger: Logger { context.logger }

    func start() {
        guard interval > 0 else {
            logger.info("stripe access checks off")
            return
        }
        logger.info("stripe access checks started", [.delay: String(Int(interval * 1000))])
        let interval = interval
        loop.start { [weak self] in
            self?.checkAll()
            return interval
        }
    }

    func stop() {
        loop.stop()
    }

    /// Checks every connected program now, on the caller's thread.
    func checkAll() {
        do {
            let connections = try context.store.connectedStripeConnections()
            for connection in connections where connection.endpointKind == .account {
                check(connection)
            }
            let connectMode = connections.filter { $0.endpointKind == .connect }
            if !connectMode.isEmpty { checkConnectMode(connectMode) }
        } catch {
            logger.error("stripe access check failed to read the store", [.error: String(describing: error)])
        }
    }

    private func check(_ connection: StripeConnectionRecord) {
        guard let account = connection.stripeAccountId, let endpoint = connection.webhookEndpointId else { return }
        do {
            let found = try context.stripe.retrieveWebhookEndpoint(account: account, id: endpoint)
            recordWarning(endpointProblem(found), connection)
        } catch let error as StripeAPIError where error.isAccessWithdrawn {
            let message = "Stripe rejected the platform's access to account \(account) (\(error.description)); "
                + "the merchant may have removed the application. Connect again to restore it."
            record(.revoke, connection, message: message)
        } catch let error as StripeAPIError where error.isMissingObject {
            let message = "The webhook endpoint \(endpoint) was deleted on Stripe account \(account), so no "
                + "events arrive. Disconnect and connect again to register a new one."
            record(.fail, connection, message: message)
        } catch {
            logger.warning("stripe access check failed", [
                .programID: connection.programId, .accountID: account, .error: String(describing: error),
            ])
        }
    }

    /// Returns why the endpoint cannot deliver every subscribed event, or nil when it can.
    func endpointProblem(_ endpoint: WebhookEndpoint) -> String? {
        if endpoint.status == "disabled" {
            return Self.warningPrefix + "\(endpoint.id) is disabled on Stripe, so no events arrive. Enable it in the "
                + "Stripe dashboard, or disconnect and connect again."
        }
        let subscribed = Set(StripeEventType.subscribed.map(\.rawValue))
        let missing = subscribed.subtracting(endpoint.enabledEvents).sorted()
        guard !endpoint.enabledEvents.contains("*"), !missing.isEmpty else { return nil }
        return Self.warningPrefix + "\(endpoint.id) no longer receives \(missing.joined(separator: ", ")). "
            + "Disconnect and connect again to subscribe it to every event."
    }

    /// Starts every warning this monitor writes, so it clears only its own warnings.
    static let warningPrefix = "The webhook endpoint "

    /// Sets or clears a warning on a connection that stays connected: a disabled endpoint
    /// may be enabled again, and events that do arrive must still be applied.
    func recordWarning(_ warning: String?, _ checked: StripeConnectionRecord) {
        do {
            let changed: Bool = try context.store.updateStripeConnection(programId: checked.programId) { connection in
                guard connection.status == .connected, connection.webhookEndpointId == checked.webhookEndpointId else {
                    return false
                }
                let ours = connection.errorMessage?.hasPrefix(Self.warningPrefix) ?? true
                guard ours, connection.errorMessage != warning else { return false }
                connection.errorMessage = warning
                return true
            }
            if changed {
                logger.warning(warning == nil ? "webhook endpoint healthy again" : "webhook endpoint unhealthy", [
                    .programID: checked.programId, .endpointID: checked.webhookEndpointId ?? "-", .reason: warning ?? "-",
                ])
            }
        } catch {
            logger.error("stripe access check failed to update the store", [.error: String(describing: error)])
        }
    }

    /// Applies `input` when the program is still connected to the same account and endpoint.
    func record(_ input: StripeConnectionMachine.Input, _ checked: StripeConnectionRecord, message: String) {
        let now = context.clock.now()
        do {
            let applied: Bool = try context.store.updateStripeConnection(programId: checked.programId) { connection in
                guard connection.status == .connected, connection.stripeAccountId == checked.stripeAccountId,
                    connection.webhookEndpointId == checked.webhookEndpointId
                else { return false }
                try connection.apply(input, at: now)
                connection.errorMessage = message
                return true
            }
            if applied {
                logger.warning("stripe access lost", [
                    .programID: checked.programId, .accountID: checked.stripeAccountId ?? "-", .reason: message,
                ])
            }
        } catch {
            logger.error("stripe access check failed to update the store", [.error: String(describing: error)])
        }
    }
}
