import AgentRefClient
import AgentRefDomain
import Foundation
import ServiceKit
import XCTest

final class PaginationTests: XCTestCase {
    private var stub: StubAPIServer!
    private var client: AgentRefHTTPClient!

    override func setUpWithError() throws {
        stub = StubAPIServer()
        client = ClientFactory.make(baseURL: try stub.start())
    }

    override func tearDown() {
        stub.stop()
        super.tearDown()
    }

    private static let programs = (1...7).map { Samples.program(id: "prg_\($0)", name: "Program \($0)") }

    /// Serves the seven programs by cursor (`c<offset>` with characters that need escaping).
    private func serveProgramsByCursor(pageSize: Int = 3) {
        stub.route("GET", "/programs") { request in
            let offset = request.query("cursor").map { Int($0.dropFirst().prefix { $0.isNumber }) ?? 0 } ?? 0
            let items = Array(Self.programs.dropFirst(offset).prefix(pageSize))
            let next = offset + items.count
            let hasMore = next < Self.programs.count
            return StubResponses.list(items, total: Self.programs.count, pageSize: pageSize, hasMore: hasMore,
                                      nextCursor: hasMore ? "c\(next)+/=" : nil)
        }
    }

    func testPageCarriesListMeta() async throws {
        serveProgramsByCursor()

        let page = try await client.programs(cursor: nil, limit: 3)

        XCTAssertEqual(page.items.map(\.id), ["prg_1", "prg_2", "prg_3"])
        XCTAssertEqual(page.total, 7)
        XCTAssertEqual(page.pageSize, 3)
        XCTAssertTrue(page.hasMore)
        XCTAssertEqual(page.nextCursor, "c3+/=")
    }

    func testCursorArrivesUnchanged() async throws {
        serveProgramsByCursor()

        _ = try await client.programs(cursor: "c3+/=", limit: 3)

        let request = try XCTUnwrap(stub.requests(to: "/programs").last)
        XCTAssertEqual(request.query("cursor"), "c3+/=")
        XCTAssertEqual(request.query("limit"), "3")
    }

    func testAllProgramsFollowsCursors() async throws {
        serveProgramsByCursor()

        let all = try await client.allPrograms(pageSize: 3)

        XCTAssertEqual(all.map(\.id), Self.programs.map(\.id))
        XCTAssertEqual(stub.requests(to: "/programs").count, 3)
    }

    func testAllProgramsStopsAtMaxItems() async throws {
        serveProgramsByCursor()

        let some = try await client.allPrograms(pageSize: 3, maxItems: 4)

        XCTAssertEqual(some.map(\.id), ["prg_1", "prg_2", "prg_3", "prg_4"])
        XCTAssertEqual(stub.requests(to: "/programs").count, 2)
    }

    func testFallsBackToPageNumbersWithoutCursor() async throws {
        stub.route("GET", "/programs") { request in
            let page = Int(request.query("page") ?? "1") ?? 1
            let size = Int(request.query("pageSize") ?? request.query("limit") ?? "20") ?? 20
            let items = Array(Self.programs.dropFirst((page - 1) * size).prefix(size))
            return StubResponses.list(items, total: Self.programs.count, page: page, pageSize: size,
                                      hasMore: page * size < Self.programs.count)
        }

        let all = try await client.allPrograms(pageSize: 5)

        let pages = stub.requests(to: "/programs").map { $0.query("page") }
        XCTAssertEqual(all.map(\.id), Self.programs.map(\.id))
        XCTAssertEqual(pages, [nil, "2"])
    }

    func testPageNumberRequestSendsPageAndPageSize() async throws {
        stub.script("GET", "/conversions", [StubResponses.list([Samples.conversion(id: "cnv_1")], page: 2, pageSize: 5)])

        let page = try await client.conversions(programID: "prg_1", at: .page(2, pageSize: 5))

        let request = try XCTUnwrap(stub.requests(to: "/conversions").first)
        XCTAssertEqual(page.page, 2)
        XCTAssertEqual(request.query("page"), "2")
        XCTAssertEqual(request.query("pageSize"), "5")
        XCTAssertEqual(request.query("programId"), "prg_1")
        XCTAssertNil(request.query("cursor"))
    }

    func testAllConversionsOmitsProgramFilterWhenNil() async throws {
        stub.script("GET", "/conversions", [StubResponses.list([Samples.conversion(id: "cnv_1")])])

        let all = try await client.allConversions(programID: nil)

        XCTAssertEqual(all.map(\.id), ["cnv_1"])
        XCTAssertNil(stub.requests(to: "/conversions").first?.query("programId"))
    }

    func testMissingListMetaGetsNeutralValues() async throws {
        stub.script("GET", "/conversions/events", [StubResponses.json(#"{"data":[]}"#, status: 200)])

        let page = try await client.conversionEvents(programID: nil, after: 0, limit: 10)

        XCTAssertEqual(page.items.count, 0)
        XCTAssertEqual(page.page, 1)
        XCTAssertFalse(page.hasMore)
    }

    func testIdsWithReservedCharactersStayOneSegment() async throws {
        stub.route("GET", "/programs/:id") { request in
            StubResponses.object(Samples.program(id: request.parameter("id")))
        }

        let program = try await client.program(id: "prg a?b#c")

        XCTAssertEqual(program.id, "prg a?b#c")
    }
}
