import AgentRefDomain
import Foundation
import ServiceKit
import XCTest

final class WebhookIngestTests: ServerTestCase {
    private typealias Events = StripeEvents

    private func events(_ programId: String) throws -> APIResponse {
        try get("/api/v1/programs/\(programId)/stripe/events")
    }

    private func outcomes(_ programId: String) throws -> [String] {
        try events(programId).json["data"]?.arrayValue?.compactMap { $0["outcome"]?.stringValue } ?? []
    }

    private func rejectedCount(_ programId: String, _ reason: String) throws -> Int64? {
        try events(programId).json.value(at: "meta.rejectedSignatures.\(reason)")?.int64Value
    }

    private func session(_ cid: String?, amount: Int64 = 2900, customer: String = "cus_1") -> [String: Any] {
        Events.envelope(
            "checkout.session.completed",
            object: Events.checkoutSession(id: "cs_test_1", cid: cid, amount: amount, paymentIntent: "pi_1", customer: customer),
            account: "acct_1Test"
        )
    }

    private func charge(_ type: String = "charge.succeeded", amount: Int64 = 2900, refunded: Int64 = 0) -> [String: Any] {
        Events.envelope(
            type,
            object: Events.charge(id: "ch_1", amount: amount, amountRefunded: refunded, paymentIntent: "pi_1", customer: "cus_1"),
            account: "acct_1Test"
        )
    }

    // MARK: - Signatures

    func testSignedEventCreatesConversion() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 20)

        let response = try deliver(session(cid), to: programId)
        let conversion = try conversions(programId: programId).first ?? .null

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json["received"]?.boolValue, true)
        XCTAssertEqual(conversion["amount"]?.int64Value, 2900)
        XCTAssertEqual(conversion["commission"]?.int64Value, 580)
        XCTAssertEqual(conversion["status"]?.stringValue, "pending")
        XCTAssertEqual(conversion["currency"]?.stringValue, "USD")
        XCTAssertEqual(conversion["stripeSessionId"]?.stringValue, "cs_test_1")
        XCTAssertEqual(conversion["affiliateCode"]?.stringValue, "jane20")
        XCTAssertEqual(try outcomes(programId), ["conversion_created"])
        XCTAssertEqual(try stripeDetail(programId: programId)["lastEventType"]?.stringValue, "checkout.session.completed")
    }

    func testTamperedBodyIsRejectedAndCounted() throws {
        let (programId, cid) = try makeConnectedProgram()
        let body = try JSONSerialization.data(withJSONObject: session(cid))
        let header = StripeSignature.header(
            payload: body, secret: try endpointSecret(programId: programId), timestamp: StripeEvents.now
        )
        var tampered = String(decoding: body, as: UTF8.self)
        tampered = tampered.replacingOccurrences(of: "2900", with: "9900")

        let response = try request(
            "POST", "/webhooks/stripe/\(programId)", body: Data(tampered.utf8),
            headers: ["Stripe-Signature": header], authorized: false
        )

        let lastRejected = try events(programId).json.value(at: "meta.lastRejectedSignatureAt")?.stringValue

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.json.value(at: "error.details.reason")?.stringValue, "mismatch")
        XCTAssertEqual(try rejectedCount(programId, "mismatch"), 1)
        XCTAssertTrue(try conversions(programId: programId).isEmpty)
        XCTAssertNotNil(lastRejected.flatMap(AgentRefJSON.parseTimestamp), "\(lastRejected ?? "nil")")
    }

    func testStaleSignatureIsRejectedAndCounted() throws {
        let (programId, cid) = try makeConnectedProgram()

        let response = try deliver(session(cid), to: programId, timestamp: StripeEvents.now - 600)

        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(response.errorMessage.contains("old"), response.errorMessage)
        XCTAssertEqual(try rejectedCount(programId, "stale"), 1)
    }

    func testMissingSignatureIsRejectedAndCounted() throws {
        let (programId, cid) = try makeConnectedProgram()
        let body = try JSONSerialization.data(withJSONObject: session(cid))

        let response = try request("POST", "/webhooks/stripe/\(programId)", body: body, authorized: false)

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(try rejectedCount(programId, "missing"), 1)
    }

    func testWrongSecretIsRejected() throws {
        let (programId, cid) = try makeConnectedProgram()

        let response = try deliver(session(cid), to: programId, secret: "whsec_someone_else")

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(try rejectedCount(programId, "mismatch"), 1)
    }

    func testMalformedJSONWithValidSignatureIsRejected() throws {
        let (programId, _) = try makeConnectedProgram()
        let body = Data("{not json".utf8)
        let header = StripeSignature.header(
            payload: body, secret: try endpointSecret(programId: programId), timestamp: StripeEvents.now
        )

        let response = try request(
            "POST", "/webhooks/stripe/\(programId)", body: body, headers: ["Stripe-Signature": header], authorized: false
        )

        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(response.errorMessage.contains("not valid JSON"), response.errorMessage)
    }

    func testBodyThatIsNotAnEventIsRejected() throws {
        let (programId, _) = try makeConnectedProgram()

        let response = try deliver(["id": "evt_1", "object": "charge"], to: programId)

        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(response.errorMessage.contains("object"), response.errorMessage)
    }

    func testUnknownProgramIsNotFound() throws {
        let response = try deliver(session(nil), to: "prg_missing", secret: "whsec_x")

        XCTAssertEqual(response.status, 404)
    }

    // MARK: - Idempotency and order

    func testDuplicateEventIdIsStoredOnce() throws {
        let (programId, cid) = try makeConnectedProgram()
        let event = session(cid)

        let first = try deliver(event, to: programId)
        let second = try deliver(event, to: programId)

        XCTAssertEqual(first.json["duplicate"], nil)
        XCTAssertEqual(second.status, 200)
        XCTAssertEqual(second.json["duplicate"]?.boolValue, true)
        XCTAssertEqual(try events(programId).json.value(at: "meta.total")?.int64Value, 1)
        XCTAssertEqual(try conversions(programId: programId).count, 1)
        XCTAssertEqual(try get("/api/v1/conversions/events?programId=\(programId)").json["data"]?.arrayValue?.count, 1)
    }

    func testChargeBeforeSessionGivesOneConversion() throws {
        let (programId, cid) = try makeConnectedProgram()

        try deliver(charge(), to: programId)
        try deliver(session(cid), to: programId)
        try deliver(charge(), to: programId)

        let conversions = try conversions(programId: programId)
        XCTAssertEqual(conversions.count, 1)
        XCTAssertEqual(conversions.first?["stripeChargeId"]?.stringValue, "ch_1")
        XCTAssertEqual(try outcomes(programId), ["duplicate", "conversion_created", "linked"])
        XCTAssertEqual(try stripeDetail(programId: programId)["unattributedPayments"]?.int64Value, 0)
    }

    func testEarlyChargeIsLinkedOnceSessionAttributesIt() throws {
        let (programId, cid) = try makeConnectedProgram()

        try deliver(charge(), to: programId)
        let before = try events(programId).json["data"]?.arrayValue?.first
        try deliver(session(cid), to: programId)
        let after = try events(programId).json["data"]?.arrayValue?.last
        let conversionId = try conversions(programId: programId).first?["id"]?.stringValue

        XCTAssertEqual(before?["outcome"]?.stringValue, "unattributed")
        XCTAssertEqual(after?["outcome"]?.stringValue, "linked")
        XCTAssertEqual(after?["conversionId"]?.stringValue, conversionId)
        XCTAssertTrue(after?["detail"]?.stringValue?.contains("no agentref_cid") == true, "\(String(describing: after))")
        XCTAssertTrue(after?["detail"]?.stringValue?.contains(conversionId ?? "?") == true, "\(String(describing: after))")
    }

    func testSubscriptionTripletGivesOneConversion() throws {
        let (programId, cid) = try makeConnectedProgram()
        let triplet = [
            Events.envelope("invoice.paid", object: Events.invoice(
                id: "in_1", billingReason: "subscription_create", subscription: "sub_1", amount: 4900,
                paymentIntent: "pi_1", charge: "ch_1", customer: "cus_1"
            ), account: "acct_1Test"),
            Events.envelope("charge.succeeded", object: Events.charge(
                id: "ch_1", amount: 4900, paymentIntent: "pi_1", invoice: "in_1", customer: "cus_1"
            ), account: "acct_1Test"),
            Events.envelope("checkout.session.completed", object: Events.checkoutSession(
                id: "cs_test_sub", cid: cid, amount: 4900, mode: "subscription", subscription: "sub_1", invoice: "in_1",
                customer: "cus_1"
            ), account: "acct_1Test"),
        ]

        for event in triplet { try deliver(event, to: programId) }
        try deliver(triplet[1], to: programId)

        let conversions = try conversions(programId: programId)
        XCTAssertEqual(conversions.count, 1)
        XCTAssertEqual(conversions.first?["amount"]?.int64Value, 4900)
        XCTAssertEqual(conversions.first?["stripeSubscriptionId"]?.stringValue, "sub_1")
    }

    // MARK: - Renewals, refunds, attribution

    private func subscribe(_ programId: String, cid: String) throws {
        try deliver(Events.envelope("checkout.session.completed", object: Events.checkoutSession(
            id: "cs_test_sub", cid: cid, amount: 1000, mode: "subscription", subscription: "sub_1", invoice: "in_1",
            customer: "cus_1"
        ), account: "acct_1Test"), to: programId)
    }

    private func renewal(_ number: Int) -> [String: Any] {
        Events.envelope("invoice.paid", object: Events.invoice(
            id: "in_r\(number)", billingReason: "subscription_cycle", subscription: "sub_1", amount: 1000,
            paymentIntent: "pi_r\(number)", charge: "ch_r\(number)", customer: "cus_1"
        ), account: "acct_1Test")
    }

    func testRenewalCreatesRecurringConversion() throws {
        let (programId, cid) = try makeConnectedProgram(commissionType: "recurring", percent: 30)
        try subscribe(programId, cid: cid)

        try deliver(renewal(1), to: programId)

        let conversions = try conversions(programId: programId)
        XCTAssertEqual(conversions.count, 2)
        XCTAssertEqual(conversions.first?["commission"]?.int64Value, 300)
        XCTAssertEqual(conversions.first?["stripeInvoiceId"]?.stringValue, "in_r1")
        XCTAssertEqual(conversions.first?["affiliateId"], conversions.last?["affiliateId"])
    }

    func testEndedSubscriptionEarnsNoRenewal() throws {
        let (programId, cid) = try makeConnectedProgram(commissionType: "recurring")
        try subscribe(programId, cid: cid)
        let deleted = Events.envelope(
            "customer.subscription.deleted", object: ["id": "sub_1", "object": "subscription", "status": "canceled"],
            account: "acct_1Test"
        )

        try deliver(deleted, to: programId)
        try deliver(renewal(1), to: programId)

        XCTAssertEqual(try conversions(programId: programId).count, 1)
        XCTAssertEqual(try outcomes(programId), ["ignored", "subscription_ended", "conversion_created"])
    }

    func testOneTimeProgramIgnoresRenewal() throws {
        let (programId, cid) = try makeConnectedProgram(commissionType: "one_time")
        try subscribe(programId, cid: cid)

        try deliver(renewal(1), to: programId)

        XCTAssertEqual(try conversions(programId: programId).count, 1)
        XCTAssertEqual(try outcomes(programId).first, "ignored")
    }

    func testPartialRefundsAddUpAndAreCapped() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 20)
        try deliver(session(cid, amount: 10_000), to: programId)
        try deliver(charge(amount: 10_000), to: programId)

        try deliver(charge("charge.refunded", amount: 10_000, refunded: 3000), to: programId)
        let partial = try conversions(programId: programId).first ?? .null
        try deliver(charge("charge.refunded", amount: 10_000, refunded: 6000), to: programId)
        try deliver(charge("charge.refunded", amount: 10_000, refunded: 10_000), to: programId)
        try deliver(charge("charge.refunded", amount: 10_000, refunded: 12_000), to: programId)
        let refunded = try conversions(programId: programId).first ?? .null
        let feed = try get("/api/v1/conversions/events?programId=\(programId)").json["data"]?.arrayValue ?? []

        XCTAssertEqual(partial["status"]?.stringValue, "partially_refunded")
        XCTAssertEqual(partial["commission"]?.int64Value, 1400)
        XCTAssertEqual(refunded["status"]?.stringValue, "refunded")
        XCTAssertEqual(refunded["commission"]?.int64Value, 0)
        XCTAssertEqual(refunded["commissionReversed"]?.int64Value, 2000)
        XCTAssertEqual(refunded["amountRefunded"]?.int64Value, 10_000)
        XCTAssertEqual(feed.compactMap { $0["type"]?.stringValue }, [
            "conversion.created", "conversion.refunded", "conversion.refunded", "conversion.refunded",
        ])
        XCTAssertEqual(feed.compactMap { $0["commissionReversal"]?.int64Value }, [600, 600, 800])
    }

    func testPaymentWithoutClickIsUnattributedAndCounted() throws {
        let (programId, _) = try makeConnectedProgram()

        try deliver(session(nil), to: programId)

        XCTAssertTrue(try conversions(programId: programId).isEmpty)
        XCTAssertEqual(try stripeDetail(programId: programId)["unattributedPayments"]?.int64Value, 1)
        XCTAssertEqual(try get("/api/v1/programs/\(programId)/stats").json.value(at: "data.unattributedPayments")?.int64Value, 1)
        XCTAssertEqual(try outcomes(programId), ["unattributed"])
    }

    func testUnknownClickIdIsUnattributed() throws {
        let (programId, _) = try makeConnectedProgram()

        try deliver(session("cid_unknown"), to: programId)

        let detail = try events(programId).json["data"]?.arrayValue?.first?["detail"]?.stringValue ?? ""
        XCTAssertTrue(detail.contains("cid_unknown"), detail)
        XCTAssertEqual(try stripeDetail(programId: programId)["unattributedPayments"]?.int64Value, 1)
    }

    // MARK: - Ignored events

    func testEventForDisconnectedProgramIsStoredAsIgnored() throws {
        let (programId, cid) = try makeConnectedProgram()
        let secret = try endpointSecret(programId: programId)
        try delete("/api/v1/programs/\(programId)/connect-stripe")

        let response = try deliver(session(cid), to: programId, secret: secret)

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try outcomes(programId), ["ignored"])
        XCTAssertTrue(try conversions(programId: programId).isEmpty)
    }

    func testEventForOtherAccountIsIgnored() throws {
        let (programId, cid) = try makeConnectedProgram(account: "acct_1Mine")

        try deliver(session(cid), to: programId)

        XCTAssertEqual(try outcomes(programId), ["ignored"])
        let detail = try events(programId).json["data"]?.arrayValue?.first?["detail"]?.stringValue ?? ""
        XCTAssertTrue(detail.contains("acct_1Test"), detail)
    }

    func testUnsubscribedTypeIsIgnored() throws {
        let (programId, _) = try makeConnectedProgram()
        let event = Events.envelope("customer.created", object: ["id": "cus_9", "object": "customer"], account: "acct_1Test")

        let response = try deliver(event, to: programId)

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try outcomes(programId), ["ignored"])
    }

    func testDeauthorizationRevokesConnection() throws {
        let (programId, _) = try makeConnectedProgram()
        let event = Events.envelope(
            "account.application.deauthorized", object: ["id": "ca_agentref_local", "object": "application"],
            account: "acct_1Test"
        )

        try deliver(event, to: programId)
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(detail["status"]?.stringValue, "revoked")
        XCTAssertEqual(try outcomes(programId), ["revoked"])
    }

    func testStatsAddUpConversions() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 10)
        try deliver(session(cid, amount: 5000), to: programId)

        let stats = try get("/api/v1/programs/\(programId)/stats").json["data"] ?? .null
        let conversionStats = try get("/api/v1/conversions/stats?programId=\(programId)").json["data"] ?? .null
        let listed = try get("/api/v1/programs").json["data"]?.arrayValue?.first ?? .null

        XCTAssertEqual(stats["totalConversions"]?.int64Value, 1)
        XCTAssertEqual(stats["totalRevenue"]?.int64Value, 5000)
        XCTAssertEqual(stats["totalCommissions"]?.int64Value, 500)
        XCTAssertEqual(stats["pendingCommissions"]?.int64Value, 500)
        XCTAssertEqual(stats.value(at: "revenueByCurrency.USD")?.int64Value, 5000)
        XCTAssertEqual(conversionStats["total"]?.int64Value, 1)
        XCTAssertEqual(conversionStats["pending"]?.int64Value, 1)
        XCTAssertEqual(conversionStats["totalCommissions"]?.int64Value, 500)
        XCTAssertEqual(listed["conversionsToday"]?.int64Value, 1)
        XCTAssertEqual(listed.value(at: "commissionTotal.USD")?.int64Value, 500)
    }

    func testFeedSnapshotMatchesListedConversion() throws {
        let (programId, cid) = try makeConnectedProgram()
        try deliver(session(cid), to: programId)

        let listed = try conversions(programId: programId).first ?? .null
        let snapshot = try get("/api/v1/conversions/events").json["data"]?.arrayValue?.first?["conversion"] ?? .null

        XCTAssertEqual(snapshot["createdAt"], listed["createdAt"])
        XCTAssertEqual(snapshot["id"], listed["id"])
        XCTAssertEqual(snapshot["commission"], listed["commission"])
    }

    func testRecentConversionsArePlainArray() throws {
        let (programId, cid) = try makeConnectedProgram()
        try deliver(session(cid), to: programId)

        let response = try get("/api/v1/conversions/recent?limit=5")

        XCTAssertEqual(response.json["data"]?.arrayValue?.count, 1)
        XCTAssertNotNil(response.json.value(at: "meta.requestId")?.stringValue)
    }
}
