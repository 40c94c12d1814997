import XCTest

final class SmokeTests: ServerTestCase {
    func testHealthz() throws {
        let response = try request("GET", "/healthz", authorized: false)
        XCTAssertEqual(response.status, 200)
    }
}
