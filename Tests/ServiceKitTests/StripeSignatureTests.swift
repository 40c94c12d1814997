import Foundation
import ServiceKit
import XCTest

final class StripeSignatureTests: XCTestCase {
    private let secret = "whsec_test_secret"
    private let payload = Data(#"{"id":"evt_1","object":"event"}"#.utf8)
    private let now: Int64 = 1_800_000_000

    func testSignedHeaderVerifies() throws {
        let header = StripeSignature.header(payload: payload, secret: secret, timestamp: now)
        let timestamp = try StripeSignature.verify(payload: payload, header: header, secrets: [secret], now: now + 10)
        XCTAssertEqual(timestamp, now)
    }

    func testKnownVectorMatchesHMACSHA256() {
        // HMAC-SHA256 test case 2 of RFC 4231: key "Jefe", data "what do ya want for nothing?".
        let code = HMACSHA256.hexAuthenticationCode(key: "Jefe", message: Data("what do ya want for nothing?".utf8))
        XCTAssertEqual(code, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testTamperedBodyIsRejected() {
        let header = StripeSignature.header(payload: payload, secret: secret, timestamp: now)
        var tampered = payload
        tampered[tampered.startIndex + 5] = UInt8(ascii: "X")

        XCTAssertThrowsError(try StripeSignature.verify(payload: tampered, header: header, secrets: [secret], now: now)) {
            XCTAssertEqual($0 as? StripeSignatureError, .noMatchingSignature)
        }
    }

    func testWrongSecretIsRejected() {
        let header = StripeSignature.header(payload: payload, secret: "whsec_other", timestamp: now)
        XCTAssertThrowsError(try StripeSignature.verify(payload: payload, header: header, secrets: [secret], now: now)) {
            XCTAssertEqual($0 as? StripeSignatureError, .noMatchingSignature)
        }
    }

    func testTimestampOlderThanToleranceIsRejected() {
        let header = StripeSignature.header(payload: payload, secret: secret, timestamp: now - 301)
        XCTAssertThrowsError(try StripeSignature.verify(payload: payload, header: header, secrets: [secret], now: now)) {
            XCTAssertEqual($0 as? StripeSignatureError, .timestampTooOld(ageSeconds: 301, tolerance: 300))
        }
    }

    func testTimestampAtToleranceIsAccepted() throws {
        let header = StripeSignature.header(payload: payload, secret: secret, timestamp: now - 300)
        XCTAssertNoThrow(try StripeSignature.verify(payload: payload, header: header, secrets: [secret], now: now))
    }

    func testTimestampFarInFutureIsRejected() {
        let header = StripeSignature.header(payload: payload, secret: secret, timestamp: now + 301)
        XCTAssertThrowsError(try StripeSignature.verify(payload: payload, header: header, secrets: [secret], now: now)) {
            XCTAssertEqual($0 as? StripeSignatureError, .timestampInFuture(aheadSeconds: 301, tolerance: 300))
        }
    }

    func testAnyOfSeveralV1ValuesMatches() throws {
        let good = StripeSignature.signature(payload: payload, secret: secret, timestamp: now)
        let header = "t=\(now),v1=\(String(repeating: "0", count: 64)),v1=\(good)"
        XCTAssertNoThrow(try StripeSignature.verify(payload: payload, header: header, secrets: [secret], now: now))
    }

    func testRotatedSecretStillVerifies() throws {
        let header = StripeSignature.header(payload: payload, secret: "whsec_new", timestamp: now)
        XCTAssertNoThrow(try StripeSignature.verify(payload: payload, header: header, secrets: [secret, "whsec_new"], now: now))
    }

    func testMalformedHeadersAreRejected() {
        let cases: [(String?, StripeSignatureError)] = [
            (nil, .missingHeader),
            ("", .missingHeader),
            ("v1=abc", .malformedHeader),
            ("t=notanumber,v1=abc", .malformedHeader),
            ("t=\(now)", .noV1Signature),
            ("t=\(now),v0=abc", .noV1Signature),
        ]
        for (header, expected) in cases {
            XCTAssertThrowsError(
                try StripeSignature.verify(payload: payload, header: header, secrets: [secret], now: now),
                "header \(header ?? "nil")"
            ) {
                XCTAssertEqual($0 as? StripeSignatureError, expected, "header \(header ?? "nil")")
            }
        }
    }
}
