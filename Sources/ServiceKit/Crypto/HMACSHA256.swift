import CCrypto
import Foundation

/// HMAC-SHA256 and constant-time comparison from OpenSSL's libcrypto.
public enum HMACSHA256 {
    /// Computes the 32-byte HMAC-SHA256 of `message` under `key`.
    public static func authenticationCode(key: Data, message: Data) -> Data {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                _ = HMAC(
                    EVP_sha256(),
                    keyBytes.baseAddress, Int32(key.count),
                    messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count,
                    &output, &length
                )
            }
        }
        return Data(output.prefix(Int(length)))
    }

    /// Lower-case hex of the HMAC, as Stripe's `v1` signatures are written.
    public static func hexAuthenticationCode(key: String, message: Data) -> String {
        authenticationCode(key: Data(key.utf8), message: message).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two byte strings in time that depends only on their length, so a caller
    /// cannot learn how many leading bytes of a forged signature were right.
    public static func constantTimeEquals(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, lhs.count) == 0
            }
        }
    }
}
