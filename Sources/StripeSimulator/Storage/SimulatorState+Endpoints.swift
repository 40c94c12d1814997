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
    /// These are the account's own endpoints subscribed to it and, while the account has
    /// granted the platform access (OAuth), the platform's Connect endpoints subscribed to
    /// it; Stripe sets the event's `account` for both.
    ///
    /// - Parameter ignoringSubscriptions: Deliver to every enabled endpoint, of the account
    ///   and Connect endpoints of the platform, whatever it subscribed to, and to the
    ///   platform's Connect endpoints even when the grant is already revoked. The simulator
    ///   uses this for `account.application.deauthorized`, which Stripe sends only to the
    ///   platform, because an AgentRef server in account mode has no platform endpoint. It
    ///   also uses it for fixture replays, which check how the server treats other types.
    func recipients(
        ofEventType type: String, account: String, ignoringSubscriptions: Bool = false
    ) -> [WebhookEndpoint] {
        let receives: (WebhookEndpoint) -> Bool = { endpoint in
            ignoringSubscriptions ? endpoint.isEnabled : endpoint.receives(type)
        }
        let own = webhookEndpoints.filter { $0.account == account && !$0.connect && receives($0) }
        let reachesPlatform = account != SimulatedAccount.platform.id
            && (isConnected(account) || ignoringSubscriptions)
        guard reachesPlatform else { return own }

        let platform = webhookEndpoints.filter { endpoint in
            endpoint.account == SimulatedAccount.platform.id && endpoint.connect && receives(endpoint)
        }
        return own + platform
    }
}
