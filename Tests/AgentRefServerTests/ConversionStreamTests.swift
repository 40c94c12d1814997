import AgentRefDomain
import Foundation
import XCTest

final class ConversionStreamTests: ServerTestCase {
    private var programId = ""
    private var cid = ""
    private var paymentNumber = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        (programId, cid) = try makeConnectedProgram()
    }

    /// Delivers one new attributed payment, which appends one feed entry.
    private func pay(amount: Int64 = 1000) throws {
        paymentNumber += 1
        let event = StripeEvents.envelope("checkout.session.completed", object: StripeEvents.checkoutSession(
            id: "cs_test_\(paymentNumber)", cid: cid, amount: amount, paymentIntent: "pi_\(paymentNumber)",
            customer: "cus_\(paymentNumber)"
        ), account: "acct_1Test")
        let response = try deliver(event, to: programId)
        XCTAssertEqual(response.status, 200, response.text)
    }

    private func openStream(query: String = "", headers: [String: String] = [:]) throws -> SSEReader {
        var allHeaders = headers
        allHeaders["Authorization"] = "Bearer \(apiKey.secret)"
        return try SSEReader(port: UInt16(baseURL.port!), path: "/api/v1/conversions/stream\(query)", headers: allHeaders)
    }

    private func feedSequences() throws -> [Int64] {
        try get("/api/v1/conversions/events").json["data"]?.arrayValue?.compactMap { $0["sequence"]?.int64Value } ?? []
    }

    func testStreamStartsWithRetryAndDeliversNewEntry() throws {
        let reader = try openStream()
        XCTAssertTrue(reader.read(until: { $0.contains("retry: 2000") }))

        try pay()
        let ids = reader.readEvents(count: 1)

        XCTAssertEqual(ids, try feedSequences())
        XCTAssertTrue(reader.received.contains("Content-Type: text/event-stream"))
        XCTAssertTrue(reader.received.contains("event: conversion.created"))
        let dataLine = reader.received.split(separator: "\n").first { $0.hasPrefix("data: ") } ?? ""
        let entry = try AgentRefJSON.makeDecoder().decode(ConversionFeedEntry.self, from: Data(dataLine.dropFirst(6).utf8))
        XCTAssertEqual(entry.sequence, ids.first)
        XCTAssertEqual(entry.conversion.programId, programId)
        XCTAssertEqual(entry.conversion.amount, 1000)
    }

    func testLastEventIDResumesWithoutGap() throws {
        try pay()
        try pay()
        try pay()
        let sequences = try feedSequences()

        let reader = try openStream(headers: ["Last-Event-ID": String(sequences[0])])
        let replayed = reader.readEvents(count: 2)
        try pay()
        let all = reader.readEvents(count: 3)

        XCTAssertEqual(replayed, Array(sequences[1...2]))
        XCTAssertEqual(all, Array(sequences[1...2]) + [try feedSequences().last!])
        XCTAssertEqual(Set(all).count, all.count)
    }

    func testLastEventIdQueryParameterResumesToo() throws {
        try pay()
        try pay()
        let sequences = try feedSequences()

        let reader = try openStream(query: "?lastEventId=\(sequences[0])")

        XCTAssertEqual(reader.readEvents(count: 1), [sequences[1]])
    }

    func testBacklogReplaysLastEntries() throws {
        try pay()
        try pay()
        try pay()
        let sequences = try feedSequences()

        let reader = try openStream(query: "?backlog=2")

        XCTAssertEqual(reader.readEvents(count: 2), Array(sequences[1...2]))
    }

    func testProgramFilterSkipsOtherPrograms() throws {
        let otherProgram = try createProgram(name: "Other")
        let reader = try openStream(query: "?programId=\(otherProgram)")
        XCTAssertTrue(reader.read(until: { $0.contains("retry: 2000") }))

        try pay()
        reader.read(until: { $0.contains(": keep-alive") })

        XCTAssertTrue(reader.eventIDs.isEmpty)
    }

    func testIdleStreamSendsKeepAlive() throws {
        let reader = try openStream()

        XCTAssertTrue(reader.read(until: { $0.contains(": keep-alive") }))
    }

    func testInvalidBacklogIsRejected() throws {
        let response = try get("/api/v1/conversions/stream?backlog=500")

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, "backlog")
    }

    func testStopEndsOpenStream() throws {
        let reader = try openStream()
        XCTAssertTrue(reader.read(until: { $0.contains("retry: 2000") }))

        app.stop()

        XCTAssertTrue(reader.readToEnd())
    }

    func testEventsEndpointListsEntriesAfterSequence() throws {
        try pay()
        try pay()
        let sequences = try feedSequences()

        let response = try get("/api/v1/conversions/events?after=\(sequences[0])")

        XCTAssertEqual(response.json["data"]?.arrayValue?.compactMap { $0["sequence"]?.int64Value }, [sequences[1]])
        XCTAssertEqual(response.json.value(at: "meta.lastSequence")?.int64Value, sequences[1])
    }
}
