import Foundation
import ServiceKit

/// The secret key a request authenticates with, read the ways Stripe accepts it.
enum SecretKeyCredential {
    /// Returns the key from `Authorization: Bearer <key>` or from HTTP Basic auth with the key as
    /// the user name (`curl -u sk_test_…:`); nil when neither is present.
    static func key(in request: HTTPRequest) -> String? {
        guard let authorization = request.header("Authorization")?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }

        let scheme = parts[0].lowercased()
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        if scheme == "bearer" {
            return value.isEmpty ? nil : value
        }
        if scheme == "basic", let decoded = Data(base64Encoded: value) {
            let user = String(decoding: decoded, as: UTF8.self).split(separator: ":", omittingEmptySubsequences: false)
            return user.first.map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        return nil
    }

    /// True for the test-mode secret and restricted keys the simulator accepts, like
    /// Stripe's mock server, whatever follows the prefix.
    static func isTestKey(_ key: String) -> Bool {
        key.hasPrefix("sk_test_") || key.hasPrefix("rk_test_")
    }
}
