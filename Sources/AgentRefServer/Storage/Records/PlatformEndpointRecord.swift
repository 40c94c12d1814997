import Foundation

/// The platform Connect webhook endpoint the server registered with the platform's key, one
/// for the whole server, with its signing secrets that Stripe shows only at creation.
struct PlatformEndpointRecord: Hashable, Sendable {
    /// `we_…`.
    var id: String
    /// The URL the endpoint delivers to, `<public URL>/webhooks/stripe/connect`.
    var url: String
    /// The `whsec_` secret of `id`.
    var secret: String
    /// The secret of the endpoint this one replaced, still accepted so deliveries signed
    /// just before the switch verify. Nil when there was none or it was never known.
    var previousSecret: String?
    var updatedAt: Date

    /// Secrets a signature on `/webhooks/stripe/connect` may be made with, newest first.
    var signingSecrets: [String] {
        [secret, previousSecret].compactMap { $0 }
    }
}
