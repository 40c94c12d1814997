import AgentRefDomain
import AgentRefLog
import Foundation

/// Dependencies the request handlers share: configuration, store, clock, Stripe client and feed notifier.
final class ServerContext: @unchecked Sendable {
    let configuration: ServerConfiguration
    let store: Store
    let logger: Logger
    let clock: ServerClock
    let stripe: StripeAPIClient
    let notifier: FeedNotifier
    /// Held while a grant on a Stripe account is created or withdrawn: by an OAuth callback
    /// from its code exchange until it claims the account, and by a cleanup while it deletes
    /// an endpoint and deauthorizes. So a cleanup never withdraws access that a reconnect
    /// has just been granted, and never deletes an endpoint a reconnect is about to reuse.
    /// Callbacks register the platform Connect endpoint under it too, so two of them never
    /// create one each.
    // NOTE: an in-process lock; servers sharing one database would need a lock in the store.
    let stripeGrantLock = NSLock()
    private let lock = NSLock()
    private var boundBaseURL = URL(string: "http://127.0.0.1")!

    /// The merchant every API key of this server belongs to.
    let merchantId = "mer_local"
    let companyName = "AgentRef Local"

    init(
        configuration: ServerConfiguration,
        store: Store,
        logger: Logger,
        clock: ServerClock,
        stripe: StripeAPIClient,
        notifier: FeedNotifier
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.clock = clock
        self.stripe = stripe
        self.notifier = notifier
    }

    /// Base URL at which browsers and Stripe reach this server: the configured public URL,
    /// else the loopback address it is bound to.
    var publicBaseURL: URL {
        configuration.publicBaseURL ?? lock.withLock { boundBaseURL }
    }

    func setBoundBaseURL(_ url: URL) {
        lock.withLock { boundBaseURL = url }
    }

    /// `<publicBaseURL>/oauth/stripe/callback`, the Connect `redirect_uri`.
    var oauthRedirectURI: String {
        publicBaseURL.appendingPathComponent("oauth/stripe/callback").absoluteString
    }

    /// `<publicBaseURL>/webhooks/stripe/<programId>`, where Stripe delivers the program's events.
    func webhookURL(programId: String) -> String {
        publicBaseURL.appendingPathComponent("webhooks/stripe/\(programId)").absoluteString
    }

    /// `<publicBaseURL>/webhooks/stripe/connect`, where the platform Connect endpoint delivers
    /// the events of every connected account. No program id is `connect`, because ids start
    /// with `prg_`.
    var connectWebhookURL: String {
        publicBaseURL.appendingPathComponent("webhooks/stripe/connect").absoluteString
    }

    /// Reads the program, throwing `APIError` NOT_FOUND when there is none.
    func requireProgram(_ id: String) throws -> Program {
        guard let program = try store.program(id: id) else { throw APIError.notFound(program: id) }
        return program
    }

    /// Computes the program's readiness: `setup` until Stripe is connected, then `partial`
    /// until an affiliate is approved, then `ready`.
    func readiness(of program: Program) throws -> ProgramReadiness {
        guard program.stripeStatus == .connected else { return .setup }
        return try store.approvedAffiliateCount(programId: program.id) > 0 ? .ready : .partial
    }
}
