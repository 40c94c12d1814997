import Foundation
import ServiceKit
@testable import StripeSimulator
import XCTest

/// Checks that the simulator's signatures are the ones Stripe's own libraries make and
/// accept. The Python half lives in Tests/compat/test_stripe_signature.py.
final class SignatureCompatibilityTests: SimulatorTestCase {
    /// A header made by Stripe's Python library (`stripe` 16.1.0,
    /// `stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=…)`).
    private let vector = (
        payload: #"{"id":"evt_1Compat","object":"event","type":"charge.succeeded"}"#,
        secret: "whsec_compat_fixture_secret",
        timestamp: Int64(1_767_225_600),
        header: "t=1767225600,v1=dfbc42660a7bf7384a5358e26773c4332567e190267eb0d30a524e24256de59f"
    )

    func testHeaderMatchesStripePythonLibrary() {
        let header = StripeSignature.header(payload: Data(vector.payload.utf8), secret: vector.secret, timestamp: vector.timestamp)
        XCTAssertEqual(header, vector.header)
    }

    func testHeaderFromStripePythonLibraryVerifies() {
        XCTAssertNoThrow(try StripeSignature.verify(
            payload: Data(vector.payload.utf8), header: vector.header, secrets: [vector.secret], now: vector.timestamp + 60
        ))
    }
}
