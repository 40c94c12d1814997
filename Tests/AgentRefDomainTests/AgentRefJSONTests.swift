import AgentRefDomain
import Foundation
import XCTest

final class AgentRefJSONTests: XCTestCase {
    func testTimestampsCarryMillisecondsInUTC() {
        let date = Date(timeIntervalSince1970: 1_733_300_000.123)
        XCTAssertEqual(AgentRefJSON.formatTimestamp(date), "2024-12-04T08:13:20.123Z")
    }

    func testTimestampsParseWithAndWithoutFraction() throws {
        let withFraction = try XCTUnwrap(AgentRefJSON.parseTimestamp("2024-12-04T08:13:20.123Z"))
        let withoutFraction = try XCTUnwrap(AgentRefJSON.parseTimestamp("2024-12-04T08:13:20Z"))
        XCTAssertEqual(withFraction.timeIntervalSince1970, 1_733_300_000.123, accuracy: 0.0005)
        XCTAssertEqual(withoutFraction.timeIntervalSince1970, 1_733_300_000, accuracy: 0.0005)
        XCTAssertNil(AgentRefJSON.parseTimestamp("yesterday"))
    }

    func testAPIKeyNeverPrintsSecret() {
        let key = APIKey("ak_test_0123456789abcdef")
        XCTAssertEqual(key.redacted, "ak_…cdef")
        XCTAssertEqual("\(key)", "ak_…cdef")
        XCTAssertFalse(String(describing: key).contains("0123456789"))
        XCTAssertTrue(key.isTest)
        XCTAssertFalse(key.isLive)
    }

    func testGeneratedTestKeysAreUnique() {
        let first = APIKey.makeTestKey()
        let second = APIKey.makeTestKey()
        XCTAssertNotEqual(first, second)
        XCTAssertTrue(first.secret.hasPrefix("ak_test_"))
        XCTAssertEqual(first.secret.count, "ak_test_".count + 40)
    }
}
