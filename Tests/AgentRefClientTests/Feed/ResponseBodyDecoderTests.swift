@testable import AgentRefClient
import Foundation
import XCTest

final class ResponseBodyDecoderTests: XCTestCase {
    private func head(_ text: String) throws -> ResponseHead {
        try ResponseHead(Data(text.utf8))
    }

    private func decodeAll(_ pieces: [String], head text: String) throws -> (body: String, complete: Bool) {
        var decoder = try ResponseBodyDecoder(head: try head(text))
        var body = Data()
        for piece in pieces {
            body.append(try decoder.decode(Data(piece.utf8)))
        }
        return (String(decoding: body, as: UTF8.self), decoder.isComplete)
    }

    func testChunkedBodySplitAtEveryByte() throws {
        let wire = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n"
        let pieces = wire.map { String($0) }

        let result = try decodeAll(pieces, head: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked")

        XCTAssertEqual(result.body, "hello, world")
        XCTAssertTrue(result.complete)
    }

    func testChunkedBodyWithTrailerCompletes() throws {
        let result = try decodeAll(
            ["3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n"],
            head: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"
        )
        XCTAssertEqual(result.body, "abc")
        XCTAssertTrue(result.complete)
    }

    func testOpenChunkedStreamIsNotComplete() throws {
        let result = try decodeAll(["d\r\nretry: 2000\n\n\r\n"], head: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked")
        XCTAssertEqual(result.body, "retry: 2000\n\n")
        XCTAssertFalse(result.complete)
    }

    func testContentLengthStopsAtLength() throws {
        let result = try decodeAll(["{\"a\":", "1}EXTRA"], head: "HTTP/1.1 404 Not Found\r\nContent-Length: 7")
        XCTAssertEqual(result.body, "{\"a\":1}")
        XCTAssertTrue(result.complete)
    }

    func testInvalidChunkSizeIsRejected() throws {
        var decoder = try ResponseBodyDecoder(head: try head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"))
        XCTAssertThrowsError(try decoder.decode(Data("zz\r\n".utf8)))
    }

    func testHeadParsesStatusAndFoldsRepeatedHeaders() throws {
        let parsed = try head("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nX-A: 1\r\nx-a: 2")
        XCTAssertEqual(parsed.statusCode, 429)
        XCTAssertEqual(parsed.headers["retry-after"], "3")
        XCTAssertEqual(parsed.headers["x-a"], "1, 2")
        XCTAssertThrowsError(try head("SSH-2.0-OpenSSH"))
    }
}
