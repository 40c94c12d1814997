extension SimulatorState {
    /// Returns the webhook endpoints of `account`, oldest first.
    func endpoints(of account: String) -> [WebhookEndpoint] {
        webhookEndpoints.filter { $0.account == account }
    }

    /// Returns the index of endpoint `id` if it belongs to `account`. Endpoints of other
    /// accounts are invisible, as in Stripe.
    func endpointIndex(id: String, account: String) -> Int? {
        webhookEndpoints.firstIndex { $0.id == id && $0.account == account }
    }

    /// Returns the endpoints that receive an event of `type` that happened on `account`.
    /// These are the account's own endpoints subscribed to it and, while the account is
    /// connected, the platform's Connect endpoints subscribed to it.
    ///
    /// - Parameter ignoringSubscriptions: Deliver to every enabled endpoint of the account
    ///   whatever it subscribed to. The simulator uses this for
    ///   `account.application.deauthorized`, which Stripe sends only to the platform,
    ///   because an AgentRef server registers its endpoint on the merchant's account.
    func recipients(
        ofEventType type: String, account: String, ignoringSubscriptions: Bool = false
    ) -> [WebhookEndpoint] {
        let own = webhookEndpoints.filter { endpoint in
            guard endpoint.account == account, !endpoint.connect else { return false }
            return ignoringSubscriptions ? endpoint.isEnabled : endpoint.receives(type)
        }
        let reachesPlatform = account != SimulatedAccount.platform.id
            && (isConnected(account) || ignoringSubscriptions)
        guard reachesPlatform else { return own }

        let platform = webhookEndpoints.filter { endpoint in
            endpoint.account == SimulatedAccount.platform.id && endpoint.connect && endpoint.receives(type)
        }
        return own + platform
    }
}
