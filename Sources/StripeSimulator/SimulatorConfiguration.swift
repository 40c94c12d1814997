import Foundation
import ServiceKit

/// Settings of one Stripe simulator process.
public struct SimulatorConfiguration: Sendable {
    /// The environment variable whose value, when set, becomes the signing secret of every
    /// webhook endpoint the simulator creates.
    public static let webhookSecretVariable = "STRIPE_SIM_WEBHOOK_SECRET"

    /// TCP port on 127.0.0.1; 0 picks a free one, which `StripeSimulatorApp.start()` returns.
    public var port: UInt16
    /// Folder for `stripe-sim.json`; nil keeps all state in memory and loses it on exit.
    public var dataDirectory: URL?
    /// Signing secret given to every new webhook endpoint instead of a random `whsec_` one.
    public var webhookSecret: String?
    /// Delay before the first retry of a failed delivery, in seconds. Each further retry
    /// waits twice as long as the one before.
    public var deliveryRetryBaseSeconds: Double
    /// Attempts per event and endpoint, the first delivery included, before giving up.
    public var maxDeliveryAttempts: Int
    /// Faults to inject into the API (`/v1/…`) and the token endpoints (`/oauth/token`,
    /// `/oauth/deauthorize`), for testing the AgentRef server; nil injects none.
    public var faults: FaultPlan?
    /// Seed of the fault decisions, so a run can be repeated; nil picks one at random.
    public var faultSeed: UInt64?
    /// Makes `POST`, update and `DELETE` on `/v1/webhook_endpoints` fail with Stripe's 403
    /// permission error when they act on a connected account through a `read_only` grant,
    /// as real Stripe may answer. False, the default, lets such a grant manage endpoints.
    public var restrictReadOnlyGrants: Bool

    public init(
        port: UInt16 = 0,
        dataDirectory: URL? = nil,
        webhookSecret: String? = nil,
        deliveryRetryBaseSeconds: Double = 1,
        maxDeliveryAttempts: Int = 8,
        faults: FaultPlan? = nil,
        faultSeed: UInt64? = nil,
        restrictReadOnlyGrants: Bool = false
    ) {
        self.port = port
        self.dataDirectory = dataDirectory
        self.webhookSecret = webhookSecret
        self.deliveryRetryBaseSeconds = deliveryRetryBaseSeconds
        self.maxDeliveryAttempts = maxDeliveryAttempts
        self.faults = faults
        self.faultSeed = faultSeed
        self.restrictReadOnlyGrants = restrictReadOnlyGrants
    }

    /// Returns the value of `STRIPE_SIM_WEBHOOK_SECRET` in `environment`, trimmed, or nil
    /// when it is unset or blank.
    public static func webhookSecret(fromEnvironment environment: [String: String]) -> String? {
        let value = environment[webhookSecretVariable]?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// `<dataDirectory>/stripe-sim.json`, or nil for an in-memory simulator.
    public var stateFileURL: URL? {
        dataDirectory?.appendingPathComponent("stripe-sim.json")
    }
}
