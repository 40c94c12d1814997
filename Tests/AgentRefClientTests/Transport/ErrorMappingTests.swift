import AgentRefClient
import AgentRefDomain
import Foundation
import ServiceKit
import XCTest

final class ErrorMappingTests: XCTestCase {
    private var stub: StubAPIServer!
    private var client: AgentRefHTTPClient!

    override func setUpWithError() throws {
        stub = StubAPIServer()
        let baseURL = try stub.start()
        client = ClientFactory.make(baseURL: baseURL, retryPolicy: .none)
    }

    override func tearDown() {
        stub.stop()
        super.tearDown()
    }

    private func programError() async -> AgentRefClientError? {
        do {
            _ = try await client.program(id: "prg_x")
            return nil
        } catch {
            return error as? AgentRefClientError
        }
    }

    func testEveryErrorCodeIsMapped() async {
        let cases: [(status: Int, code: String)] = [
            (400, "BAD_REQUEST"), (400, "VALIDATION_ERROR"), (401, "UNAUTHORIZED"), (403, "FORBIDDEN"),
            (404, "NOT_FOUND"), (405, "BAD_REQUEST"), (409, "CONFLICT"), (413, "PAYLOAD_TOO_LARGE"),
            (429, "RATE_LIMITED"), (500, "INTERNAL_ERROR"),
        ]

        for (status, code) in cases {
            stub.script("GET", "/programs/:id", [StubResponses.error(status, code, "Failure \(code) \(status)")])

            let error = await programError()

            XCTAssertEqual(error?.code, code, "status \(status)")
            XCTAssertEqual(error?.status, status, "code \(code)")
            XCTAssertEqual(error?.message, "Failure \(code) \(status)")
            XCTAssertEqual(error?.requestID, StubResponses.requestID, "code \(code)")
        }
    }

    func testEveryErrorCodeHasItsKind() async {
        let cases: [(status: Int, code: String, kind: AgentRefClientError.Kind)] = [
            (400, "BAD_REQUEST", .badRequest), (400, "VALIDATION_ERROR", .validation),
            (401, "UNAUTHORIZED", .unauthorized), (403, "FORBIDDEN", .forbidden), (404, "NOT_FOUND", .notFound),
            (409, "CONFLICT", .conflict), (413, "PAYLOAD_TOO_LARGE", .payloadTooLarge),
            (429, "RATE_LIMITED", .rateLimited), (500, "INTERNAL_ERROR", .internalError),
            (502, "STRIPE_ERROR", .internalError), (418, "TEAPOT", .other("TEAPOT")),
        ]

        for (status, code, kind) in cases {
            stub.script("GET", "/programs/:id", [StubResponses.error(status, code, "Failure \(code)")])

            let error = await programError()

            XCTAssertEqual(error?.kind, kind, "code \(code)")
            XCTAssertEqual(error?.description, "Failure \(code) (\(code), request \(StubResponses.requestID))")
        }
    }

    func testNetworkFailureHasNetworkKind() async throws {
        stub.stop()

        let error = await programError()

        XCTAssertEqual(error?.kind, .network)
        XCTAssertNil(error?.requestID)
    }

    func testValidationDetailsAreKept() async {
        let details = #"{"field":"limit","range":"1-100"}"#
        stub.script("GET", "/programs/:id", [StubResponses.error(400, "VALIDATION_ERROR", "limit must be 1 to 100", details: details)])

        let error = await programError()

        XCTAssertEqual(error?.details?["field"]?.stringValue, "limit")
    }

    func testDescriptionQuotesCodeAndRequestID() async {
        stub.script("GET", "/programs/:id", [StubResponses.error(404, "NOT_FOUND", "Program prg_x not found")])

        let error = await programError()

        XCTAssertEqual(error?.description, "Program prg_x not found (NOT_FOUND, request req_stub123)")
    }

    func testHTMLErrorBodyGivesStatusAndTitle() async {
        var response = HTTPResponse.html("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", status: 502)
        response.setHeader("X-Request-Id", "req_proxy1")
        stub.script("GET", "/programs/:id", [response])

        let error = await programError()

        XCTAssertEqual(error?.code, AgentRefClientError.internalErrorCode)
        XCTAssertEqual(error?.status, 502)
        XCTAssertTrue(error?.message.contains("HTTP 502") == true, error?.message ?? "no error")
        XCTAssertTrue(error?.message.contains("502 Bad Gateway") == true, error?.message ?? "no error")
        XCTAssertTrue(error?.message.contains("/programs/prg_x") == true, error?.message ?? "no error")
        XCTAssertEqual(error?.requestID, "req_proxy1")
    }

    func testPlainTextErrorBodyIsQuoted() async {
        stub.script("GET", "/programs/:id", [.text("upstream\nconnect error\u{1B}[31m", status: 503)])

        let error = await programError()

        XCTAssertEqual(error?.code, AgentRefClientError.internalErrorCode)
        XCTAssertEqual(error?.status, 503)
        XCTAssertTrue(error?.message.contains("upstream connect error") == true, error?.message ?? "no error")
        XCTAssertFalse(error?.message.contains("\u{1B}") ?? true)
    }

    func testEmptyUnauthorizedBodyPointsAtKey() async {
        stub.script("GET", "/programs/:id", [HTTPResponse(status: 401)])

        let error = await programError()

        XCTAssertEqual(error?.code, AgentRefClientError.unauthorizedCode)
        XCTAssertTrue(error?.message.contains("AGENTREF_API_KEY") == true, error?.message ?? "no error")
    }

    func testUnexpectedSuccessBodyIsInvalidResponse() async {
        stub.script("GET", "/programs/:id", [StubResponses.json(#"{"data":{"id":"prg_x"},"meta":{}}"#, status: 200)])

        let error = await programError()

        XCTAssertEqual(error?.code, AgentRefClientError.invalidResponseCode)
        XCTAssertEqual(error?.status, 200)
        XCTAssertTrue(error?.message.contains("missing field data.") == true, error?.message ?? "no error")
    }

    func testNothingListeningIsNetworkError() async throws {
        let closed = StubAPIServer()
        let baseURL = try closed.start()
        closed.stop()
        let offline = ClientFactory.make(baseURL: baseURL, retryPolicy: .none)

        do {
            _ = try await offline.keyInfo()
            XCTFail("expected a network error")
        } catch let error as AgentRefClientError {
            XCTAssertEqual(error.code, AgentRefClientError.networkErrorCode)
            XCTAssertTrue(error.isNetworkError)
            XCTAssertNil(error.status)
            XCTAssertTrue(error.message.contains(baseURL.absoluteString), error.message)
        }
    }

    func testRequestsCarryBearerKeyAndUserAgent() async throws {
        stub.script("GET", "/me", [StubResponses.object(KeyInfo(keyType: "merchant", mode: "test", keyLast4: "abcd",
                                                                    merchantId: "mer_1", companyName: "Acme"))])

        let info = try await client.keyInfo()

        let request = try XCTUnwrap(stub.requests(to: "/me").first)
        XCTAssertEqual(info.companyName, "Acme")
        XCTAssertEqual(request.header("Authorization"), "Bearer \(ClientFactory.apiKey.secret)")
        XCTAssertEqual(request.header("User-Agent"), "agentref-swift/0.1")
        XCTAssertEqual(request.header("Accept"), "application/json")
    }

    func testErrorsNeverContainKey() async {
        stub.script("GET", "/programs/:id", [StubResponses.error(401, "UNAUTHORIZED", "Unknown API key; set AGENTREF_API_KEY")])

        let error = await programError()

        XCTAssertFalse(String(describing: error).contains(ClientFactory.apiKey.secret))
    }
}
