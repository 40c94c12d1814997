import AgentRefLog
import Foundation
import ServiceKit
import XCTest

final class HTTPServerTests: XCTestCase {
    private var server: HTTPServer!
    private let client = OutboundHTTPClient(timeout: 5)

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func startServer(maxBodyBytes: Int = 1024, handler: @escaping HTTPServer.Handler) throws -> URL {
        server = HTTPServer(
            configuration: .init(port: 0, maxBodyBytes: maxBodyBytes),
            logger: .silent,
            handler: handler
        )
        try server.start()
        XCTAssertNotEqual(server.port, 0)
        return server.baseURL
    }

    func testRequestCarriesPathQueryHeadersAndBody() throws {
        let base = try startServer { request in
            let summary = [
                request.method,
                request.path,
                request.query("name") ?? "-",
                request.header("X-Probe") ?? "-",
                String(decoding: request.body, as: UTF8.self),
            ].joined(separator: "|")
            return .text(summary, status: 201)
        }

        let url = URL(string: "/echo/here?name=caf%C3%A9&other=1", relativeTo: base)!
        let response = try client.send(method: "POST", url: url, headers: ["X-Probe": "yes"], body: Data("hello".utf8))

        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "POST|/echo/here|café|yes|hello")
    }

    func testOversizedBodyGets413WithoutReachingHandler() throws {
        let reached = LockedFlag()
        let base = try startServer(maxBodyBytes: 16) { _ in
            reached.set()
            return .text("ok")
        }

        let url = URL(string: "/upload", relativeTo: base)!
        let response = try client.send(method: "POST", url: url, body: Data(repeating: 65, count: 100))

        XCTAssertEqual(response.status, 413)
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).contains("larger than 16 bytes"))
        XCTAssertFalse(reached.isSet)
    }

    func testStreamSendsChunksUntilProducerEnds() throws {
        let base = try startServer { _ in
            let remaining = LockedCounter(3)
            let stream = ResponseStream(next: {
                let left = remaining.decrement()
                return left >= 0 ? Data("chunk\(left)\n".utf8) : nil
            })
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/event-stream")], stream: stream)
        }

        let response = try client.send(method: "GET", url: URL(string: "/stream", relativeTo: base)!)

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "chunk2\nchunk1\nchunk0\n")
    }

    func testSecondServerOnSamePortFailsToBind() throws {
        _ = try startServer { _ in .text("first") }
        let second = HTTPServer(configuration: .init(port: server.port), logger: .silent) { _ in .text("second") }

        XCTAssertThrowsError(try second.start()) { error in
            XCTAssertTrue(String(describing: error).contains("--port"))
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ value: Int) { self.value = value }
    func decrement() -> Int { lock.withLock { value -= 1; return value } }
}

final class HTTPServerDescriptorTests: XCTestCase {
    func testServesWhenDescriptorsPassSelectLimit() throws {
        var held: [FileHandle] = []
        defer { held.forEach { try? $0.close() } }
        while held.count < 1100 {
            guard let handle = FileHandle(forReadingAtPath: "/dev/null") else { break }
            held.append(handle)
        }
        let server = HTTPServer(configuration: .init(port: 0), logger: .silent) { _ in .text("ok") }
        try server.start()
        defer { server.stop() }

        let response = try OutboundHTTPClient(timeout: 5).send(method: "GET", url: server.baseURL)

        XCTAssertEqual(held.count, 1100)
        XCTAssertEqual(response.status, 200)
    }
}
