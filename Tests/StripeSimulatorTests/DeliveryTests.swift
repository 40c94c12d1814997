import AgentRefLog
import Foundation
import ServiceKit
@testable import StripeSimulator
import XCTest

final class DeliveryTests: SimulatorTestCase {
    override func setUpWithError() throws {
        try startSimulator()
    }

    private func deliveries(eventID: String) throws -> [[String: Any]] {
        try get("/_sim/deliveries?eventId=\(eventID)").jsonObject()["data"] as? [[String: Any]] ?? []
    }

    /// Polls the delivery log until `count` attempts of `eventID` are there; bounds a hang.
    private func waitForAttempts(_ count: Int, eventID: String) throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(20)
        var attempts = try deliveries(eventID: eventID)
        while attempts.count < count, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            attempts = try deliveries(eventID: eventID)
        }
        return attempts
    }

    func testFailedDeliveryIsRetriedUntilSuccess() throws {
        let (receiver, secret) = try connectWithReceiver()
        receiver.respond(with: [500])

        let response = try trigger(["scenario": "direct-charge"])
        let event = try XCTUnwrap((response["events"] as? [[String: Any]])?.first)
        let eventID = try XCTUnwrap(event["id"] as? String)
        let received = receiver.waitForDeliveries(2)
        let attempts = try waitForAttempts(2, eventID: eventID)

        XCTAssertEqual(event["delivered"] as? Bool, false)
        XCTAssertEqual((event["deliveries"] as? [[String: Any]])?.first?["status"] as? Int, 500)
        XCTAssertNotNil((event["deliveries"] as? [[String: Any]])?.first?["nextRetryAt"] as? String)
        XCTAssertEqual(received.count, 2)
        XCTAssertEqual(try received.map { try $0.event().string(at: "id") }, [eventID, eventID])
        XCTAssertEqual(received[0].body, received[1].body)
        XCTAssertNoThrow(try received[1].verify(secret: secret))
        XCTAssertEqual(attempts.compactMap { $0["attempt"] as? Int }, [2, 1])
        XCTAssertEqual(attempts.compactMap { $0["status"] as? Int }, [200, 500])
        XCTAssertEqual(attempts.first?["succeeded"] as? Bool, true)
    }

    func testDeliveryStopsAfterMaxAttempts() throws {
        let (receiver, _) = try connectWithReceiver()
        receiver.respond(with: [500, 502, 503, 200])

        let response = try trigger(["scenario": "direct-charge"])
        let eventID = try XCTUnwrap((response["events"] as? [[String: Any]])?.first?["id"] as? String)
        let attempts = try waitForAttempts(3, eventID: eventID)

        XCTAssertEqual(attempts.compactMap { $0["status"] as? Int }, [503, 502, 500])
        XCTAssertTrue(attempts.first?["nextRetryAt"] is NSNull)
        XCTAssertEqual(attempts.first?["attempt"] as? Int, 3)
    }

    func testUnreachableEndpointRecordsTransportError() throws {
        try connect()
        let closed = try makeReceiver()
        let url = closed.url()
        closed.stop()
        _ = try createEndpoint(url: url)

        let response = try trigger(["scenario": "direct-charge"])
        let first = try XCTUnwrap(((response["events"] as? [[String: Any]])?.first?["deliveries"] as? [[String: Any]])?.first)

        XCTAssertTrue(first["status"] is NSNull)
        XCTAssertFalse((first["error"] as? String)?.isEmpty ?? true)
        XCTAssertEqual(first["succeeded"] as? Bool, false)
    }

    func testRetryIsDroppedWhenEndpointIsDeleted() throws {
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let logger = Logger(component: "test", sink: try LogSink.file(atPath: logPath))
        try restartSimulator(SimulatorConfiguration(port: 0, deliveryRetryBaseSeconds: 0.3, maxDeliveryAttempts: 3), logger: logger)
        try connect()
        let receiver = try makeReceiver()
        let endpoint = try createEndpoint(url: receiver.url())
        receiver.respond(with: [500])

        _ = try trigger(["scenario": "direct-charge"])
        _ = try delete("/v1/webhook_endpoints/\(endpoint.id)", headers: platformHeaders(account: Self.northwind))
        let logText = waitForLogLine(containing: "webhook retry dropped", inFile: logPath)

        XCTAssertTrue(logText.contains("endpoint_id=\(endpoint.id)"), logText)
        XCTAssertEqual(receiver.received.count, 1)
    }

    /// Polls a log file until it has a line with `text`; returns the file's text. The 20 s
    /// bound only stops a hang.
    private func waitForLogLine(containing text: String, inFile path: String) -> String {
        let deadline = Date().addingTimeInterval(20)
        var contents = ""
        while Date() < deadline {
            contents = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if contents.contains(text) { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return contents
    }

    func testEventWithoutEndpointsIsReportedUndelivered() throws {
        let response = try trigger(["scenario": "direct-charge"])
        let event = try XCTUnwrap((response["events"] as? [[String: Any]])?.first)

        XCTAssertEqual(event["delivered"] as? Bool, false)
        XCTAssertEqual((event["deliveries"] as? [Any])?.count, 0)
    }

    func testCustomEventIsSignedAndSentUnchanged() throws {
        let (receiver, secret) = try connectWithReceiver()
        let payload = #"{"id":"evt_custom_1","object":"event","type":"charge.succeeded","created":1,"data":{"object":{}}}"#

        let response = try postJSON("/_sim/events", ["account": Self.northwind, "payload": payload])
        let delivery = try XCTUnwrap(receiver.received.first)

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try response.jsonObject()["delivered"] as? Bool, true)
        XCTAssertEqual(String(decoding: delivery.body, as: UTF8.self), payload)
        XCTAssertNoThrow(try delivery.verify(secret: secret))
    }

    func testCustomEventObjectUsesItsOwnAccount() throws {
        let (receiver, _) = try connectWithReceiver()
        let event: [String: Any] = [
            "id": "evt_custom_2", "object": "event", "type": "invoice.paid", "account": Self.northwind,
            "created": 1, "data": ["object": ["id": "in_1", "object": "invoice"]],
        ]

        let response = try postJSON("/_sim/events", ["event": event])
        let delivered = try XCTUnwrap(receiver.received.first).event()

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(delivered.string(at: "id"), "evt_custom_2")
        XCTAssertEqual(delivered.string(at: "data.object.id"), "in_1")
    }

    func testCustomEventWithoutTypeIsRejected() throws {
        let response = try postJSON("/_sim/events", ["account": Self.northwind, "event": ["id": "evt_1"]])
        XCTAssertEqual(response.status, 400)
    }

    func testResendDeliversSameEventAgain() throws {
        let (receiver, secret) = try connectWithReceiver()
        let response = try trigger(["scenario": "direct-charge"])
        let eventID = try XCTUnwrap((response["events"] as? [[String: Any]])?.first?["id"] as? String)

        let resent = try http.send("POST", url("/_sim/events/\(eventID)/resend"))
        let received = receiver.received

        XCTAssertEqual(resent.status, 200)
        XCTAssertEqual(received.count, 2)
        XCTAssertEqual(received[0].body, received[1].body)
        XCTAssertNoThrow(try received[1].verify(secret: secret))
    }

    func testResendOfUnknownEventIs404() throws {
        XCTAssertEqual(try http.send("POST", url("/_sim/events/evt_unknown/resend")).status, 404)
    }

    func testDeliveriesLimitIsValidated() throws {
        XCTAssertEqual(try get("/_sim/deliveries?limit=0").status, 400)
        XCTAssertEqual(try get("/_sim/deliveries?limit=501").status, 400)
        XCTAssertEqual(try get("/_sim/deliveries?limit=500").status, 200)
    }

    func testDeliveryLogKeepsNewestFirstAndCapacity() {
        let log = DeliveryLog()
        for index in 0..<(DeliveryLog.capacity + 10) {
            log.append(DeliveryAttempt(
                eventID: "evt_\(index)", eventType: "charge.succeeded", endpointID: "we_1", url: "http://127.0.0.1:9",
                attempt: 1, status: 200, attemptedAt: Date(), durationMilliseconds: 1
            ))
        }
        let all = log.recent(limit: 10_000)

        XCTAssertEqual(all.count, DeliveryLog.capacity)
        XCTAssertEqual(all.first?.eventID, "evt_\(DeliveryLog.capacity + 9)")
        XCTAssertEqual(all.last?.eventID, "evt_10")
    }

    func testRetryScheduleDoublesUntilLastAttempt() {
        let schedule = RetrySchedule(baseSeconds: 1, maxAttempts: 8)
        let delays = (1...8).map { schedule.delay(afterAttempt: $0) }

        XCTAssertEqual(delays, [1, 2, 4, 8, 16, 32, 64, nil])
    }
}
