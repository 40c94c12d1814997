@testable import AgentRefClient
import AgentRefDomain
import Foundation
import XCTest

final class ConversionChangeDetectorTests: XCTestCase {
    private let now = Samples.epoch.addingTimeInterval(3600)

    func testInitialWindowYieldsNewestBacklogOldestFirst() {
        var detector = ConversionChangeDetector()
        let window = (1...5).map { Samples.conversion(id: "cnv_\($0)", minutesAfterEpoch: Double($0)) }.reversed()

        let entries = detector.recordInitial(Array(window), backlog: 2)

        XCTAssertEqual(entries.map(\.conversion.id), ["cnv_4", "cnv_5"])
        XCTAssertEqual(entries.map(\.sequence), [1, 2])
    }

    func testUnchangedWindowYieldsNothing() {
        var detector = ConversionChangeDetector()
        let window = [Samples.conversion(id: "cnv_1")]
        _ = detector.recordInitial(window, backlog: 0)

        XCTAssertEqual(detector.changes(in: window, now: now), [])
    }

    func testStatusChangeWithoutRefundIsUpdate() {
        var detector = ConversionChangeDetector()
        _ = detector.recordInitial([Samples.conversion(id: "cnv_1")], backlog: 0)

        let entries = detector.changes(in: [Samples.conversion(id: "cnv_1", status: .approved)], now: now)

        XCTAssertEqual(entries.map(\.type), [.updated])
        XCTAssertEqual(entries.first?.occurredAt, now)
    }

    func testFullRefundReversesWholeCommission() {
        var detector = ConversionChangeDetector()
        _ = detector.recordInitial([Samples.conversion(id: "cnv_1", commission: 580)], backlog: 0)

        let entries = detector.changes(in: [Samples.conversion(id: "cnv_1", commission: 0, status: .refunded)], now: now)

        XCTAssertEqual(entries.map(\.type), [.refunded])
        XCTAssertEqual(entries.first?.commissionReversal, 580)
        XCTAssertNil(entries.first?.refundAmount)
    }

    func testConversionSlidingIntoWindowIsNotNew() {
        var detector = ConversionChangeDetector()
        _ = detector.recordInitial([Samples.conversion(id: "cnv_5", minutesAfterEpoch: 5)], backlog: 0)

        let entries = detector.changes(in: [Samples.conversion(id: "cnv_1", minutesAfterEpoch: 1)], now: now)

        XCTAssertEqual(entries, [])
    }

    func testFirstSequenceContinuesAfterEarlierEntries() {
        var detector = ConversionChangeDetector(firstSequence: 41)

        let entries = detector.recordInitial([Samples.conversion(id: "cnv_1")], backlog: 1)

        XCTAssertEqual(entries.first?.sequence, 41)
    }
}
