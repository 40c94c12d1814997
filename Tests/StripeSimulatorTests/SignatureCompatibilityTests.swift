import Foundation
import ServiceKit
@testable import StripeSimulator
import XCTest

/// Checks that the simulator's signatures are the ones Stripe's own libraries make and
/// accept. The Python half lives in Tests/compat/test_stripe_signature.py.
final class SignatureCompatibilityTests: SimulatorTestCase {
    /// The environment variable naming the fixture file the Python check reads.
    static let fixtureVariable = "AGENTREF_SIGNATURE_FIXTURE"

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

    /// Writes a real delivery (payload, header, secret) and the vector above to the file
    /// named by `AGENTREF_SIGNATURE_FIXTURE`, for the Python check to verify with Stripe's
    /// library. Skipped when the variable is unset.
    func testWritesDeliveryFixtureForStripeLibrary() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.fixtureVariable], !path.isEmpty else {
            throw XCTSkip("set \(Self.fixtureVariable) to a file path to write the fixture for the Python check")
        }
        try startSimulator()
        let (receiver, secret) = try connectWithReceiver()
        _ = try trigger(["scenario": "checkout-payment", "cid": "cid_fixture"])
        let delivery = try XCTUnwrap(receiver.received.first)
        let event = try delivery.event()

        let fixture: [String: Any] = [
            "payload": String(decoding: delivery.body, as: UTF8.self),
            "header": try XCTUnwrap(delivery.signature),
            "secret": secret,
            "eventId": try XCTUnwrap(event.string(at: "id")),
            "eventType": try XCTUnwrap(event.string(at: "type")),
            "vector": [
                "payload": vector.payload, "secret": vector.secret,
                "timestamp": vector.timestamp, "header": vector.header,
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: fixture, options: [.sortedKeys, .prettyPrinted])
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)

        XCTAssertNoThrow(try delivery.verify(secret: secret))
    }
}
