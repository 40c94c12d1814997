import Foundation

/// Stripe's webhook signature scheme: the `Stripe-Signature` header is
/// `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, and each `v1` is the HMAC-SHA256 of
/// `"<t>.<raw body>"` keyed with the endpoint's `whsec_…` secret.
public enum StripeSignature {
    /// Stripe's default tolerance for the age of a signature, in seconds.
    public static let defaultTolerance: Int64 = 300

    /// Builds the header value that signs `payload` at `timestamp` with `secret`.
    public static func header(payload: Data, secret: String, timestamp: Int64) -> String {
        "t=\(timestamp),v1=\(signature(payload: payload, secret: secret, timestamp: timestamp))"
    }

    /// The hex `v1` signature of `payload` at `timestamp`.
    public static func signature(payload: Data, secret: String, timestamp: Int64) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(payload)
        return HMACSHA256.hexAuthenticationCode(key: secret, message: message)
    }

    /// Checks `header` against `payload`, accepting any of `secrets` (more than one during
    /// secret rotation) and any of the header's `v1` values.
    ///
    /// - Parameters:
    ///   - tolerance: Largest accepted distance between `t` and `now`, in seconds, in
    ///     either direction: old signatures may be replays, and future ones come from a
    ///     skewed clock.
    ///   - now: Current Unix time in seconds.
    /// - Returns: The signature's timestamp.
    /// - Throws: `StripeSignatureError` saying what is wrong with the header.
    @discardableResult
    public static func verify(
        payload: Data,
        header: String?,
        secrets: [String],
        tolerance: Int64 = defaultTolerance,
        now: Int64
    ) throws -> Int64 {
        guard let header, !header.isEmpty else { throw StripeSignatureError.missingHeader }

        let parsed = try parse(header)
        let age = now - parsed.timestamp
        guard age <= tolerance else {
            throw StripeSignatureError.timestampTooOld(ageSeconds: age, tolerance: tolerance)
        }
        guard -age <= tolerance else {
            throw StripeSignatureError.timestampInFuture(aheadSeconds: -age, tolerance: tolerance)
        }

        for secret in secrets {
            let expected = Data(signature(payload: payload, secret: secret, timestamp: parsed.timestamp).utf8)
            for candidate in parsed.signatures where HMACSHA256.constantTimeEquals(expected, Data(candidate.utf8)) {
                return parsed.timestamp
            }
        }
        throw StripeSignatureError.noMatchingSignature
    }

    static func parse(_ header: String) throws -> (timestamp: Int64, signatures: [String]) {
        var timestamp: Int64?
        var signatures: [String] = []

        for item in header.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if key == "t" {
                timestamp = Int64(value)
            } else if key == "v1" {
                signatures.append(value.lowercased())
            }
        }

        guard let timestamp else { throw StripeSignatureError.malformedHeader }
        guard !signatures.isEmpty else { throw StripeSignatureError.noV1Signature }
        return (timestamp, signatures)
    }
}

/// Why a `Stripe-Signature` header was rejected.
public enum StripeSignatureError: Error, Hashable, CustomStringConvertible {
    case missingHeader
    /// No `t=<unix seconds>` element.
    case malformedHeader
    /// No `v1=` element; Stripe's other schemes (`v0`, test-mode) are not accepted.
    case noV1Signature
    case timestampTooOld(ageSeconds: Int64, tolerance: Int64)
    case timestampInFuture(aheadSeconds: Int64, tolerance: Int64)
    /// None of the `v1` values is the HMAC of the body under a known secret.
    case noMatchingSignature

    /// A short reason, for counters and logs: `missing`, `malformed`, `stale`, `future` or `mismatch`.
    public var reason: String {
        switch self {
        case .missingHeader: "missing"
        case .malformedHeader, .noV1Signature: "malformed"
        case .timestampTooOld: "stale"
        case .timestampInFuture: "future"
        case .noMatchingSignature: "mismatch"
        }
    }

    public var description: String {
        switch self {
        case .missingHeader:
            "missing Stripe-Signature header"
        case .malformedHeader:
            "invalid Stripe-Signature header: expected t=<unix seconds>,v1=<hex signature>"
        case .noV1Signature:
            "invalid Stripe-Signature header: no v1 signature"
        case .timestampTooOld(let age, let tolerance):
            "Stripe-Signature timestamp is \(age) s old, more than the \(tolerance) s tolerance; "
                + "resend the event or check the sender's clock"
        case .timestampInFuture(let ahead, let tolerance):
            "Stripe-Signature timestamp is \(ahead) s in the future, more than the \(tolerance) s tolerance; "
                + "check the sender's clock"
        case .noMatchingSignature:
            "no Stripe-Signature v1 value matches the body; check the webhook endpoint's signing secret"
        }
    }
}
