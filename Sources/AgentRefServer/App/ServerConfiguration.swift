import AgentRefDomain
import Foundation
import ServiceKit

/// Settings of `AgentRefServerApp`: its port and data directory, the API keys it accepts,
/// and the Stripe hosts it calls.
public struct ServerConfiguration: Sendable {
    /// TCP port on 127.0.0.1; 0 picks a free one.
    public var port: UInt16
    /// Folder for `agentref.sqlite`; created when missing.
    public var dataDirectory: URL
    /// Accepted keys; only `ak_test_…` and `ak_live_…` keys are used.
    public var apiKeys: [APIKey]
    /// Stripe's API host, such as `https://api.stripe.com` or the simulator's URL.
    public var stripeAPIBase: URL
    /// Stripe's Connect OAuth host, such as `https://connect.stripe.com` or the simulator's URL.
    public var stripeConnectBase: URL
    /// The platform's Connect `client_id`.
    public var stripeClientID: String
    /// The platform's secret key, sent as `Authorization: Bearer` to Stripe; never logged.
    public var stripeSecretKey: String
    /// Base URL at which browsers and Stripe reach this server, used in the OAuth
    /// `redirect_uri` and webhook URLs. Nil means `http://127.0.0.1:<bound port>`.
    public var publicBaseURL: URL?
    /// Seeds the demo programs and affiliates at start; seeding twice adds nothing.
    public var seedDemoData: Bool
    /// Generated programs seeded at start in addition to any demo data, for trying paging
    /// through long lists; seeding twice adds nothing.
    public var generatedProgramCount = 0
    /// Largest accepted request body, in bytes; larger ones get 413.
    public var maxBodyBytes: Int
    /// API requests allowed per minute per key before 429 (an extension; the hosted service
    /// allows about 60).
    public var rateLimitPerMinute: Int
    /// Seconds between checks of every connected program's access to its Stripe account;
    /// 0 turns the checks off.
    public var stripeAccessCheckInterval: TimeInterval
    /// The kind of webhook endpoint new connections register. Connections made earlier keep
    /// theirs until they reconnect.
    public var stripeWebhookMode: StripeWebhookMode = .auto
    /// Seconds between rounds that approve conversions whose hold period has passed;
    /// 0 turns approval off.
    public var conversionApprovalInterval: TimeInterval = 60
    /// Faults to inject into `/api/v1` responses, for testing clients; nil injects none.
    public var faults: FaultPlan?
    /// Seed of the fault decisions, so a run can be repeated; nil picks one at random.
    public var faultSeed: UInt64?

    public init(
        port: UInt16 = 8420,
        dataDirectory: URL,
        apiKeys: [APIKey] = [],
        stripeAPIBase: URL = URL(string: "https://api.stripe.com")!,
        stripeConnectBase: URL = URL(string: "https://connect.stripe.com")!,
        stripeClientID: String = "ca_agentref_local",
        stripeSecretKey: String = "sk_test_agentref_local",
        publicBaseURL: URL? = nil,
        seedDemoData: Bool = false,
        maxBodyBytes: Int = 1 << 20,
        rateLimitPerMinute: Int = 600,
        stripeAccessCheckInterval: TimeInterval = 300,
        faults: FaultPlan? = nil,
        faultSeed: UInt64? = nil
    ) {
        self.port = port
        self.dataDirectory = dataDirectory
        self.apiKeys = apiKeys
        self.stripeAPIBase = stripeAPIBase
        self.stripeConnectBase = stripeConnectBase
        self.stripeClientID = stripeClientID
        self.stripeSecretKey = stripeSecretKey
        self.publicBaseURL = publicBaseURL
        self.seedDemoData = seedDemoData
        self.maxBodyBytes = maxBodyBytes
        self.rateLimitPerMinute = rateLimitPerMinute
        self.stripeAccessCheckInterval = stripeAccessCheckInterval
        self.faults = faults
        self.faultSeed = faultSeed
    }

    /// Reads the key in `AGENTREF_API_KEY`; returns an empty list when it is not set.
    public static func apiKeys(fromEnvironment environment: [String: String]) -> [APIKey] {
        guard let value = environment["AGENTREF_API_KEY"], !value.isEmpty else { return [] }
        return [APIKey(value)]
    }
}
