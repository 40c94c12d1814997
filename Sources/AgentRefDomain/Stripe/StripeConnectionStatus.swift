/// Where a program's Stripe connection stands.
public enum StripeConnectionStatus: String, Sendable, Codable, CaseIterable {
    /// Never connected, or disconnected by the operator.
    case disconnected
    /// An OAuth `authUrl` was issued and the merchant has not finished authorizing yet.
    case pending
    /// Authorized, with a webhook endpoint registered on the Stripe account.
    case connected
    /// The merchant or Stripe withdrew access (`account.application.deauthorized`, or a
    /// token the Stripe API rejects).
    case revoked
    /// Connecting failed, for example because the webhook endpoint could not be created.
    case error

    /// A word for the status line, never shown by colour alone.
    public var label: String {
        switch self {
        case .disconnected: "disconnected"
        case .pending: "pending authorization"
        case .connected: "connected"
        case .revoked: "revoked"
        case .error: "error"
        }
    }
}
