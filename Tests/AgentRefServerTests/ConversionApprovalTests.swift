import AgentRefDomain
import Foundation
import XCTest

@testable import AgentRefServer

final class ConversionApprovalTests: ServerTestCase {
    private typealias Events = StripeEvents

    private func checkout(_ cid: String, id: String) -> [String: Any] {
        Events.envelope(
            "checkout.session.completed",
            object: Events.checkoutSession(id: "cs_test_\(id)", cid: cid, amount: 5000, paymentIntent: "pi_\(id)", customer: "cus_\(id)"),
            account: "acct_1Test"
        )
    }

    private func refund(id: String, refunded: Int64) -> [String: Any] {
        Events.envelope(
            "charge.refunded",
            object: Events.charge(id: "ch_\(id)", amount: 5000, amountRefunded: refunded, paymentIntent: "pi_\(id)", customer: "cus_\(id)"),
            account: "acct_1Test"
        )
    }

    func testPendingConversionIsApprovedAfterHold() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 20)
        try deliver(checkout(cid, id: "hold1"), to: programId)

        let beforeHold = app.approveConversionsNow()
        clock.advance(by: 31 * 86_400)
        let afterHold = app.approveConversionsNow()
        let conversion = try conversions(programId: programId).first
        let feed = try get("/api/v1/conversions/events?programId=\(programId)").json["data"]?.arrayValue ?? []

        XCTAssertEqual(beforeHold, 0)
        XCTAssertEqual(afterHold, 1)
        XCTAssertEqual(conversion?["status"]?.stringValue, "approved")
        XCTAssertEqual(feed.compactMap { $0["type"]?.stringValue }, ["conversion.created", "conversion.updated"])
        XCTAssertEqual(feed.last?.value(at: "conversion.status")?.stringValue, "approved")
    }

    func testRefundedDuringHoldKeepsRefundStatus() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 20)
        try deliver(checkout(cid, id: "hold2"), to: programId)
        try deliver(refund(id: "hold2", refunded: 2500), to: programId)

        clock.advance(by: 31 * 86_400)
        let approved = app.approveConversionsNow()

        XCTAssertEqual(approved, 0)
        XCTAssertEqual(try conversions(programId: programId).first?["status"]?.stringValue, "partially_refunded")
    }

    func testApprovalIsCountedInConversionStats() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 20)
        try deliver(checkout(cid, id: "hold3"), to: programId)
        clock.advance(by: 31 * 86_400)
        app.approveConversionsNow()

        let stats = try get("/api/v1/conversions/stats?programId=\(programId)").json["data"]

        XCTAssertEqual(stats?["approved"]?.int64Value, 1)
        XCTAssertEqual(stats?["pending"]?.int64Value, 0)
    }
}
