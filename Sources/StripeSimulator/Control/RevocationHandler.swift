import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// `POST /_sim/accounts/{account}/revoke`: the merchant removes the application's access
/// from their Stripe dashboard.
struct RevocationHandler: Sendable {
    let store: SimulatorStore
    let deliverer: WebhookDeliverer
    let clock: @Sendable () -> Date
    let logger: Logger

    /// Revokes the account's access tokens, then sends `account.application.deauthorized`
    /// to every enabled endpoint of the account and to the platform's Connect endpoints.
    ///
    /// - Throws: `StripeAPIError` 404 for an unknown account, 409 when no application is
    ///   connected to it.
    func revoke(_ request: HTTPRequest) throws -> HTTPResponse {
        let account = request.parameter("account")
        guard SimulatedAccount.merchant(id: account) != nil else {
            throw StripeAPIError.resourceMissing("account", id: account, param: "account")
        }

        let now = clock()
        let (clientID, revoked) = try store.update { state in
            let clientID = state.activeGrant(for: account)?.clientID
            let revoked = state.revokeGrants(of: account, reason: "revoked_by_account", at: now)
            return (clientID, revoked)
        }
        guard let clientID, revoked > 0 else {
            throw StripeAPIError(
                status: 409, type: "invalid_request_error", code: "account_not_connected", param: "account",
                message: "Account \(account) has not authorized any application, so there is no access to revoke; "
                    + "connect it through /oauth/authorize first."
            )
        }

        logger.info("account revoked access", [.accountID: account, .clientID: clientID, .count: String(revoked)])
        let application: JSONValue = .object(["id": .string(clientID), "object": .string("application"), "name": .null])
        let event = OutgoingEvent(
            type: "account.application.deauthorized", account: account,
            created: Int64(now.timeIntervalSince1970), object: application
        )
        let attempts = deliverer.publish(event, ignoringSubscriptions: true)

        return ControlResponse.json(.object([
            "account": .string(account),
            "revokedGrants": .integer(Int64(revoked)),
            "events": .array([ControlResponse.eventReport(id: event.id, type: event.type, attempts: attempts)]),
        ]))
    }
}
