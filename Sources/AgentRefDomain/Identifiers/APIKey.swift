import Foundation

/// An AgentRef API key. Merchant keys start with `ak_live_`; the local server also takes
/// `ak_test_`. The key itself is secret, so only `redacted` may be logged or shown.
public struct APIKey: Hashable, Sendable, CustomStringConvertible {
    public let secret: String

    public init(_ secret: String) {
        self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True for keys of the form the hosted service issues to merchants.
    public var isLive: Bool { secret.hasPrefix("ak_live_") }

    /// True for the local server's test keys.
    public var isTest: Bool { secret.hasPrefix("ak_test_") }

    /// The key with everything but its last four characters hidden, for example `ak_…9f3a`.
    public var redacted: String {
        guard secret.count > 8 else { return "…" }
        return String(secret.prefix(3)) + "…" + String(secret.suffix(4))
    }

    /// Never the secret itself, so interpolating a key into a message cannot leak it.
    public var description: String { redacted }

    /// Makes a random local test key, `ak_test_` followed by 40 hex digits.
    public static func makeTestKey() -> APIKey {
        let random = IdentifierGenerator.make(prefix: "x", length: 40).dropFirst(2)
        return APIKey("ak_test_" + random)
    }
}
