import AgentRefDomain
import Foundation
import XCTest

final class AgentRefJSONTimestampTests: XCTestCase {
    func testWholeMillisecondsPrintExactly() {
        for milliseconds in stride(from: Int64(1_796_402_745_000), to: 1_796_402_746_000, by: 1) {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let expected = String(format: ".%03dZ", Int(milliseconds % 1000))

            XCTAssertTrue(AgentRefJSON.formatTimestamp(date).hasSuffix(expected), "\(milliseconds)")
        }
    }

    func testFormatMatchesISO8601InUTC() {
        XCTAssertEqual(AgentRefJSON.formatTimestamp(Date(timeIntervalSince1970: 0.5)), "1970-01-01T00:00:00.500Z")
        XCTAssertEqual(AgentRefJSON.formatTimestamp(Date(timeIntervalSince1970: 1_796_402_745.9996)), "2026-12-04T16:45:46.000Z")
    }

    func testParsedTimestampPrintsTheSame() throws {
        let text = "2026-12-04T16:45:45.719Z"

        let parsed = try XCTUnwrap(AgentRefJSON.parseTimestamp(text))

        XCTAssertEqual(AgentRefJSON.formatTimestamp(parsed), text)
    }
}
