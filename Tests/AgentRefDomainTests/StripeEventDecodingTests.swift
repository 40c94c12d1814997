import AgentRefDomain
import Foundation
import XCTest

final class StripeEventDecodingTests: XCTestCase {
    private let validEvent = """
        {"id":"evt_1","object":"event","api_version":"2024-06-20","created":1733300000,
         "type":"checkout.session.completed","account":"acct_1","livemode":false,
         "data":{"object":{"id":"cs_test_1","object":"checkout.session","amount_total":2900}}}
        """

    func testValidEventDecodes() throws {
        let event = try StripeEvent.decode(from: Data(validEvent.utf8))
        XCTAssertEqual(event.id, "evt_1")
        XCTAssertEqual(event.knownType, .checkoutSessionCompleted)
        XCTAssertEqual(event.account, "acct_1")
        XCTAssertEqual(event.created, 1_733_300_000)
        XCTAssertEqual(event.data.object["amount_total"]?.int64Value, 2_900)
    }

    func testUnknownTypeDecodesWithoutKnownType() throws {
        let body = validEvent.replacingOccurrences(of: "checkout.session.completed", with: "payout.paid")
        let event = try StripeEvent.decode(from: Data(body.utf8))
        XCTAssertEqual(event.type, "payout.paid")
        XCTAssertNil(event.knownType)
    }

    func testMalformedBodiesNameTheProblem() {
        let cases: [(String, String)] = [
            ("{not json", "not valid JSON"),
            ("[1,2]", "not a JSON object"),
            (#"{"object":"event"}"#, "\"id\""),
            (#"{"id":"evt_1","object":"charge"}"#, "\"object\""),
            (#"{"id":"evt_1","object":"event","created":1}"#, "\"type\""),
            (#"{"id":"evt_1","object":"event","type":"x"}"#, "\"created\""),
            (#"{"id":"evt_1","object":"event","type":"x","created":1,"data":{}}"#, "\"data.object\""),
        ]
        for (body, fragment) in cases {
            XCTAssertThrowsError(try StripeEvent.decode(from: Data(body.utf8)), body) { error in
                XCTAssertTrue(String(describing: error).contains(fragment), "\(body): \(error)")
            }
        }
    }

    func testEventRoundTripsThroughCodable() throws {
        let event = try StripeEvent.decode(from: Data(validEvent.utf8))
        let data = try JSONEncoder().encode(event)
        XCTAssertEqual(try JSONDecoder().decode(StripeEvent.self, from: data), event)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"api_version\""))
    }

    func testWholeNumbersEncodeWithoutFraction() throws {
        let data = try JSONEncoder().encode(JSONValue.object(["amount": .number(2900)]))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"amount":2900}"#)
    }

    func testExpandableFieldGivesIDEitherWay() {
        XCTAssertEqual(JSONValue.string("pi_1").stripeID, "pi_1")
        XCTAssertEqual(JSONValue.object(["id": .string("pi_2")]).stripeID, "pi_2")
        XCTAssertNil(JSONValue.null.stripeID)
    }
}
