import AgentRefClient
import AgentRefDomain
import Foundation
import ServiceKit
import XCTest

final class StripeEndpointTests: XCTestCase {
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

    func testConnectionRouteDetailIsUsedWhenPresent() async throws {
        var detail = StripeConnection(programId: "prg_1", status: .connected, stripeAccountId: "acct_1SimNorthwind01",
                                      webhookEndpointId: "we_1", subscribedEvents: StripeEventType.subscribed.map(\.rawValue),
                                      unattributedPayments: 2)
        detail.lastEventType = "charge.succeeded"
        stub.script("GET", "/programs/:id/stripe", [StubResponses.object(detail)])

        let report = try await client.stripeConnectionReport(programID: "prg_1")

        XCTAssertEqual(report.source, .connectionRoute)
        XCTAssertEqual(report.connection, detail)
    }

    func testMissingRouteFallsBackToProgramFields() async throws {
        stub.script("GET", "/programs/:id", [StubResponses.object(Samples.program(id: "prg_1", stripeAccountId: "acct_9"))])

        let report = try await client.stripeConnectionReport(programID: "prg_1")

        XCTAssertEqual(report.source, .programFields)
        XCTAssertEqual(report.connection.status, .connected)
        XCTAssertEqual(report.connection.stripeAccountId, "acct_9")
        XCTAssertEqual(report.connection.connectedAt, Samples.epoch)
        XCTAssertEqual(report.connection.programId, "prg_1")
    }

    func testMissingRouteIsNotAskedForAgain() async throws {
        stub.script("GET", "/programs/:id", [StubResponses.object(Samples.program(id: "prg_1"))])

        _ = try await client.stripeConnection(programID: "prg_1")
        let second = try await client.stripeConnection(programID: "prg_1")

        XCTAssertEqual(second.status, .disconnected)
        XCTAssertEqual(stub.requests(to: "/programs/prg_1/stripe").count, 1)
        XCTAssertEqual(stub.requests(to: "/programs/prg_1").count, 2)
    }

    func testMissingProgramIsReportedNotPapered() async {
        stub.script("GET", "/programs/:id/stripe", [StubResponses.error(404, "NOT_FOUND", "Program prg_x not found")])
        stub.script("GET", "/programs/:id", [StubResponses.error(404, "NOT_FOUND", "Program prg_x not found")])

        do {
            _ = try await client.stripeConnection(programID: "prg_x")
            XCTFail("expected NOT_FOUND")
        } catch let error as AgentRefClientError {
            XCTAssertEqual(error.code, AgentRefClientError.notFoundCode)
            XCTAssertEqual(error.message, "Program prg_x not found")
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testDisconnectSendsDelete() async throws {
        stub.script("DELETE", "/programs/:id/connect-stripe", [StubResponses.object(DisconnectStripeResult(success: true, programId: "prg_1"))])

        let result = try await client.disconnectStripe(programID: "prg_1")

        XCTAssertEqual(result, DisconnectStripeResult(success: true, programId: "prg_1"))
        XCTAssertEqual(stub.requests(to: "/programs/prg_1/connect-stripe").first?.method, "DELETE")
    }

    func testStripeEventsDecodeUnixCreated() async throws {
        let body = #"{"data":[{"eventId":"evt_1","type":"charge.succeeded","receivedAt":"2026-12-04T16:12:59.123Z","#
            + #""created":1790000000,"outcome":"conversion_created","conversionId":"cnv_1"}],"#
            + #""meta":{"total":1,"page":1,"pageSize":20,"hasMore":false,"nextCursor":null,"requestId":"req_1"}}"#
        stub.script("GET", "/programs/:id/stripe/events", [StubResponses.json(body, status: 200)])

        let page = try await client.stripeEvents(programID: "prg_1")

        let event = try XCTUnwrap(page.items.first)
        XCTAssertEqual(event.outcome, "conversion_created")
        XCTAssertEqual(event.created, Date(timeIntervalSince1970: 1_790_000_000))
        XCTAssertEqual(event.conversionId, "cnv_1")
    }

    func testStripeEventLogDecodesRejectedSignatureCounts() async throws {
        let body = #"{"data":[],"meta":{"total":0,"page":1,"pageSize":50,"hasMore":false,"nextCursor":null,"#
            + #""rejectedSignatures":{"mismatch":2,"stale":1},"requestId":"req_1"}}"#
        stub.script("GET", "/programs/:id/stripe/events", [StubResponses.json(body, status: 200)])

        let log = try await client.stripeEventLog(programID: "prg_1", cursor: nil, limit: 50)

        XCTAssertEqual(log.rejectedSignatures, ["mismatch": 2, "stale": 1])
        XCTAssertEqual(log.rejectedTotal, 3)
        XCTAssertTrue(log.events.items.isEmpty)
        XCTAssertEqual(stub.requests(to: "/programs/prg_1/stripe/events").first?.query("limit"), "50")
    }

    func testStripeEventLogWithoutRejectionCountsIsEmpty() async throws {
        let body = #"{"data":[],"meta":{"total":0,"page":1,"pageSize":20,"hasMore":false,"requestId":"req_1"}}"#
        stub.script("GET", "/programs/:id/stripe/events", [StubResponses.json(body, status: 200)])

        let log = try await client.stripeEventLog(programID: "prg_1", cursor: nil, limit: 20)

        XCTAssertEqual(log.rejectedSignatures, [:])
    }

    func testCreateProgramSendsRequiredFieldsOnly() async throws {
        stub.route("POST", "/programs") { request in
            StubResponses.object(Samples.program(id: "prg_new"), status: 201)
        }

        let program = try await client.createProgram(ProgramDraft(name: "Harbor", commissionType: .oneTime, commissionPercent: 15))

        let request = try XCTUnwrap(stub.requests(to: "/programs").first)
        let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        XCTAssertEqual(program.id, "prg_new")
        XCTAssertEqual(body?["name"] as? String, "Harbor")
        XCTAssertEqual(body?["commissionType"] as? String, "one_time")
        XCTAssertEqual(body?["commissionPercent"] as? Double, 15)
        XCTAssertNil(body?["currency"])
        XCTAssertNotNil(request.header("Idempotency-Key"))
    }
}
