/// The server's choice of webhook endpoint through which Stripe sends a connected
/// program's events.
public enum StripeWebhookMode: String, CaseIterable, Sendable {
    /// Try an account endpoint; when Stripe refuses to let the grant create it for lack of
    /// permission, use the platform Connect endpoint instead.
    case auto
    /// Only an endpoint on the merchant's own account, registered with `Stripe-Account`;
    /// a connection fails when Stripe refuses it.
    case account
    /// Always the one platform Connect endpoint (`connect=true`), shared by every program.
    case connect

    /// Parses `auto`, `account` or `connect`; returns nil for anything else.
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
