import AgentRefDomain
import AgentRefLog
import Foundation

extension StripeAccessMonitor {
    /// The result of one read of the platform Connect endpoint.
    private enum PlatformEndpointState {
        /// Stripe has the endpoint. The warning explains why it cannot deliver every event, if so.
        case found(warning: String?)
        /// Stripe no longer has the endpoint.
        case deleted(message: String)
        /// The read failed without telling anything about the endpoint, such as with no network.
        case unknown
    }

    /// Checks programs in connect mode. Each account's access is read with `GET /v1/account`
    /// and `Stripe-Account`, because such a program has no endpoint on the account, and a
    /// rejection moves the program to `revoked`. The shared platform endpoint is read once
    /// for all of them (`GET /v1/webhook_endpoints/{id}` with the platform's key). When
    /// Stripe deleted it, every program still connected moves to `error`. A disabled or
    /// resubscribed endpoint sets a warning on each, as for an account endpoint.
    func checkConnectMode(_ connections: [StripeConnectionRecord]) {
        let endpoint = readPlatformEndpoint()
        for connection in connections where hasAccountAccess(connection) {
            switch endpoint {
            case .found(let warning):
                recordWarning(warning, connection)
            case .deleted(let message):
                record(.fail, connection, message: message)
            case .unknown:
                continue
            }
        }
    }

    /// Returns false after moving the program to `revoked` when Stripe rejected the read.
    private func hasAccountAccess(_ connection: StripeConnectionRecord) -> Bool {
        guard let account = connection.stripeAccountId else { return true }
        do {
            try context.stripe.retrieveAccount(account)
        } catch let error as StripeAPIError where error.isAccessWithdrawn {
            let message = "Stripe rejected the platform's access to account \(account) (\(error.description)); "
                + "the merchant may have removed the application. Connect again to restore it."
            record(.revoke, connection, message: message)
            return false
        } catch {
            logger.warning("stripe access check failed", [
                .programID: connection.programId, .accountID: account, .error: String(describing: error),
            ])
        }
        return true
    }

    private func readPlatformEndpoint() -> PlatformEndpointState {
        let stored: PlatformEndpointRecord?
        do {
            stored = try context.store.platformEndpoint()
        } catch {
            logger.error("stripe access check failed to read the store", [.error: String(describing: error)])
            return .unknown
        }
        guard let stored else {
            return .deleted(message: "This server has no platform Connect endpoint stored, so no events arrive. "
                + "Disconnect and connect again to register one.")
        }

        do {
            let found = try context.stripe.retrieveWebhookEndpoint(account: nil, id: stored.id)
            return .found(warning: endpointProblem(found))
        } catch let error as StripeAPIError where error.isMissingObject {
            logger.warning("platform connect endpoint deleted on stripe", [.endpointID: stored.id])
            return .deleted(message: "The platform Connect webhook endpoint \(stored.id) was deleted on Stripe, so no "
                + "events arrive for any program in connect mode. Disconnect and connect again to register a new one.")
        } catch {
            logger.warning("platform connect endpoint check failed", [
                .endpointID: stored.id, .error: String(describing: error),
            ])
            return .unknown
        }
    }
}
