import ServiceKit
import XCTest

final class RouterTests: XCTestCase {
    private func makeRouter() -> Router {
        var router = Router()
        router.add("GET", "/api/v1/programs") { _ in .text("list") }
        router.add("GET", "/api/v1/programs/:id") { request in .text("get " + request.parameter("id")) }
        router.add("POST", "/api/v1/programs/:id/connect-stripe") { request in .text("connect " + request.parameter("id")) }
        router.add("DELETE", "/api/v1/programs/:id/connect-stripe") { request in .text("disconnect " + request.parameter("id")) }
        return router
    }

    private func body(of match: Router.Match) throws -> String? {
        guard case .found(let handler, let request) = match else { return nil }
        return String(decoding: try handler(request).bodyData, as: UTF8.self)
    }

    func testPathParameterIsPassedToHandler() throws {
        let match = makeRouter().match(HTTPRequest(method: "GET", path: "/api/v1/programs/prg_1"))
        XCTAssertEqual(try body(of: match), "get prg_1")
    }

    func testMethodSelectsRouteOnSamePath() throws {
        let router = makeRouter()
        let post = router.match(HTTPRequest(method: "POST", path: "/api/v1/programs/p/connect-stripe"))
        let delete = router.match(HTTPRequest(method: "DELETE", path: "/api/v1/programs/p/connect-stripe"))
        XCTAssertEqual(try body(of: post), "connect p")
        XCTAssertEqual(try body(of: delete), "disconnect p")
    }

    func testWrongMethodListsAllowedMethods() {
        let match = makeRouter().match(HTTPRequest(method: "PUT", path: "/api/v1/programs/p/connect-stripe"))
        guard case .methodNotAllowed(let allowed) = match else {
            return XCTFail("expected methodNotAllowed, got \(match)")
        }
        XCTAssertEqual(Set(allowed), ["POST", "DELETE"])
    }

    func testUnknownPathIsNotFound() {
        let match = makeRouter().match(HTTPRequest(method: "GET", path: "/api/v1/nothing/here"))
        guard case .notFound = match else { return XCTFail("expected notFound, got \(match)") }
    }

    func testTrailingSlashMatchesSameRoute() throws {
        let match = makeRouter().match(HTTPRequest(method: "GET", path: "/api/v1/programs/"))
        XCTAssertEqual(try body(of: match), "list")
    }
}
