import CCrypto
import Foundation

/// Random tokens from OpenSSL's CSPRNG, for secrets such as `whsec_` webhook secrets.
public enum SecureRandom {
    /// Returns `count` random bytes as lower-case hex (`2 × count` characters).
    public static func hex(byteCount count: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        if RAND_bytes(&bytes, Int32(count)) != 1 {
            var generator = SystemRandomNumberGenerator()
            bytes = bytes.map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}
