import AgentRefLog

/// The kind of endpoint through which one program's events arrive, chosen when it connects.
/// The API reports it as `webhookMode`.
enum WebhookEndpointKind: String, Sendable {
    /// An endpoint on the merchant's own account that delivers to
    /// `/webhooks/stripe/{programId}`, signed with the program's own secret.
    case account
    /// The platform Connect endpoint that delivers every connected account's events to
    /// `/webhooks/stripe/connect`, signed with the server's platform secret.
    case connect
}

extension LogKey {
    /// `account` or `connect`: where a program's events arrive.
    static let webhookMode: LogKey = "webhook_mode"
}
