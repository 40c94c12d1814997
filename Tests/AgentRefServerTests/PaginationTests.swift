import AgentRefDomain
import Foundation
import XCTest

final class PaginationTests: ServerTestCase {
    private func createPrograms(_ count: Int) throws -> [String] {
        try (1...count).map { try createProgram(name: "Program \($0)") }
    }

    private func ids(_ response: APIResponse) -> [String] {
        response.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    func testCursorPagesCoverListNewestFirstWithoutRepeats() throws {
        let created = try createPrograms(5)

        let first = try get("/api/v1/programs?limit=2")
        let cursor1 = try XCTUnwrap(first.json.value(at: "meta.nextCursor")?.stringValue)
        let second = try get("/api/v1/programs?limit=2&cursor=\(cursor1)")
        let cursor2 = try XCTUnwrap(second.json.value(at: "meta.nextCursor")?.stringValue)
        let third = try get("/api/v1/programs?limit=2&cursor=\(cursor2)")

        XCTAssertEqual(ids(first) + ids(second) + ids(third), created.reversed())
        XCTAssertEqual(first.json.value(at: "meta.total")?.int64Value, 5)
        XCTAssertEqual(first.json.value(at: "meta.hasMore")?.boolValue, true)
        XCTAssertEqual(second.json.value(at: "meta.page")?.int64Value, 2)
        XCTAssertEqual(third.json.value(at: "meta.hasMore")?.boolValue, false)
        XCTAssertEqual(third.json.value(at: "meta.nextCursor"), .null)
    }

    func testCursorIsStableWhenNewItemsArrive() throws {
        let created = try createPrograms(3)
        let first = try get("/api/v1/programs?limit=2")
        let cursor = try XCTUnwrap(first.json.value(at: "meta.nextCursor")?.stringValue)

        _ = try createProgram(name: "Newer")
        let second = try get("/api/v1/programs?limit=2&cursor=\(cursor)")

        XCTAssertEqual(ids(second), [created[0]])
    }

    func testPageAndPageSizeSelectWindow() throws {
        let created = try createPrograms(5)

        let response = try get("/api/v1/programs?page=3&pageSize=2")

        XCTAssertEqual(ids(response), [created[0]])
        XCTAssertEqual(response.json.value(at: "meta.page")?.int64Value, 3)
        XCTAssertEqual(response.json.value(at: "meta.pageSize")?.int64Value, 2)
        XCTAssertEqual(response.json.value(at: "meta.hasMore")?.boolValue, false)
    }

    func testPagePastTheEndEchoesRequestedPage() throws {
        _ = try createPrograms(5)

        let beyond = try get("/api/v1/programs?page=100&pageSize=3")
        let secondOfOne = try get("/api/v1/programs?page=2")

        XCTAssertEqual(ids(beyond), [])
        XCTAssertEqual(beyond.json.value(at: "meta.page")?.int64Value, 100)
        XCTAssertEqual(beyond.json.value(at: "meta.hasMore")?.boolValue, false)
        XCTAssertEqual(beyond.json.value(at: "meta.total")?.int64Value, 5)
        XCTAssertEqual(secondOfOne.json.value(at: "meta.page")?.int64Value, 2)
        XCTAssertEqual(ids(secondOfOne), [])
    }

    func testDefaultPageSizeIs20() throws {
        let response = try get("/api/v1/programs")

        XCTAssertEqual(response.json.value(at: "meta.pageSize")?.int64Value, 20)
        XCTAssertEqual(response.json.value(at: "meta.page")?.int64Value, 1)
    }

    func testInvalidParametersNameParameterAndRange() throws {
        let cases = [
            ("limit=0", "limit"), ("limit=abc", "limit"), ("pageSize=101", "pageSize"), ("page=0", "page"),
            ("cursor=not-a-cursor", "cursor"),
        ]
        for (query, parameter) in cases {
            let response = try get("/api/v1/programs?\(query)")

            XCTAssertEqual(response.status, 400, query)
            XCTAssertEqual(response.errorCode, "VALIDATION_ERROR", query)
            XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, parameter, query)
        }
        XCTAssertTrue(try get("/api/v1/programs?limit=0").errorMessage.contains("1 to 100"))
    }
}
