/// Makes random identifiers with a type prefix, such as `prg_4f9c2a7d1e0b3c58`.
public enum IdentifierGenerator {
    /// Returns `prefix` + `_` + `length` random lower-case hex digits.
    ///
    /// The digits come from the system's cryptographic random source, so identifiers also
    /// serve as unguessable tokens (OAuth `state`, API keys) when `length` is 32 or more.
    public static func make(prefix: String, length: Int = 16) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<length).map { _ in
            String(UInt8.random(in: 0..<16, using: &generator), radix: 16)
        }
        return prefix + "_" + digits.joined()
    }
}
