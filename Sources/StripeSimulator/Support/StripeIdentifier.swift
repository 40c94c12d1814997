/// Random identifiers and tokens in Stripe's style: a type prefix such as `ch_` followed by
/// base62 characters.
enum StripeIdentifier {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// Returns `prefix` followed by `length` random base62 characters, for example
    /// `make("ch_")` → `ch_3Qx…`.
    ///
    /// The characters come from the system's cryptographic random source, so the result
    /// also serves as a secret (access tokens, signing secrets, authorization codes).
    static func make(_ prefix: String, length: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        return prefix + String(characters)
    }

    /// Returns the last four characters of a secret, the only part that may be logged or shown.
    static func lastFour(_ secret: String) -> String {
        String(secret.suffix(4))
    }

    /// Returns a secret shown as its type prefix (such as `sk_test_`), `…` and its last
    /// four characters, for example `sk_test_…9f3a`; short secrets lose all but the prefix.
    static func redacted(_ secret: String) -> String {
        let prefixes = ["sk_test_", "sk_live_", "rk_test_", "rk_live_", "whsec_", "rt_", "ac_"]
        let prefix = prefixes.first { secret.hasPrefix($0) } ?? ""
        guard secret.count > prefix.count + 8 else { return prefix + "…" }
        return prefix + "…" + lastFour(secret)
    }
}
