import Foundation
@testable import StripeSimulator
import XCTest

final class ScenarioTests: SimulatorTestCase {
    private var receiver: WebhookReceiver!
    private var secret = ""

    override func setUpWithError() throws {
        try startSimulator()
        (receiver, secret) = try connectWithReceiver()
    }

    /// Returns the events the receiver got since `start`, after checking each signature.
    private func receivedEvents(from start: Int = 0) throws -> [[String: Any]] {
        try receiver.received.dropFirst(start).map { delivery in
            try delivery.verify(secret: secret)
            return try delivery.event()
        }
    }

    private func types(_ events: [[String: Any]]) -> [String] {
        events.compactMap { $0["type"] as? String }
    }

    private func object(_ events: [[String: Any]], _ type: String) throws -> [String: Any] {
        let event = try XCTUnwrap(events.first { $0["type"] as? String == type }, "no \(type) in \(types(events))")
        return try XCTUnwrap(event.value(at: "data.object") as? [String: Any])
    }

    func testCheckoutPaymentSendsChargeThenSession() throws {
        let response = try trigger(["scenario": "checkout-payment", "cid": "cid_abc", "amount": 4900, "currency": "usd"])
        let events = try receivedEvents()
        let charge = try object(events, "charge.succeeded")
        let session = try object(events, "checkout.session.completed")

        XCTAssertEqual(types(events), ["charge.succeeded", "checkout.session.completed"])
        XCTAssertEqual(session.string(at: "object"), "checkout.session")
        XCTAssertTrue(session.string(at: "id")?.hasPrefix("cs_test_") ?? false)
        XCTAssertEqual(session.string(at: "mode"), "payment")
        XCTAssertEqual(session.string(at: "payment_status"), "paid")
        XCTAssertEqual(session.string(at: "status"), "complete")
        XCTAssertEqual(session.int(at: "amount_total"), 4900)
        XCTAssertEqual(session.int(at: "amount_subtotal"), 4900)
        XCTAssertEqual(session.int(at: "total_details.amount_discount"), 0)
        XCTAssertEqual(session.int(at: "total_details.amount_tax"), 0)
        XCTAssertEqual(session.int(at: "total_details.amount_shipping"), 0)
        XCTAssertEqual(session.string(at: "currency"), "usd")
        XCTAssertEqual(session.string(at: "client_reference_id"), "cid_abc")
        XCTAssertEqual(session.string(at: "metadata.agentref_cid"), "cid_abc")
        XCTAssertNotNil(session.string(at: "customer_details.email"))
        XCTAssertTrue(session["subscription"] is NSNull)
        XCTAssertTrue(session["invoice"] is NSNull)
        XCTAssertEqual(session.string(at: "payment_intent"), charge.string(at: "payment_intent"))
        XCTAssertEqual(session.string(at: "customer"), charge.string(at: "customer"))
        XCTAssertEqual(charge.int(at: "amount"), 4900)
        XCTAssertEqual(charge.int(at: "amount_captured"), 4900)
        XCTAssertEqual(charge.int(at: "amount_refunded"), 0)
        XCTAssertEqual(charge.string(at: "status"), "succeeded")
        XCTAssertEqual(charge["paid"] as? Bool, true)
        XCTAssertEqual(charge["captured"] as? Bool, true)
        XCTAssertEqual(charge["metadata"] as? [String: String], [:])
        XCTAssertEqual(response.string(at: "objects.checkoutSession"), session.string(at: "id"))
        XCTAssertEqual(response.string(at: "objects.charge"), charge.string(at: "id"))
        XCTAssertEqual(response.string(at: "objects.paymentIntent"), charge.string(at: "payment_intent"))
        XCTAssertEqual(response.string(at: "objects.customer"), charge.string(at: "customer"))
    }

    func testEventsUseStripeEnvelope() throws {
        _ = try trigger(["scenario": "direct-charge"])
        let event = try XCTUnwrap(try receivedEvents().first)

        XCTAssertTrue(event.string(at: "id")?.hasPrefix("evt_") ?? false)
        XCTAssertEqual(event.string(at: "object"), "event")
        XCTAssertEqual(event.string(at: "api_version"), "2024-06-20")
        XCTAssertEqual(event.string(at: "account"), Self.northwind)
        XCTAssertEqual(event["livemode"] as? Bool, false)
        XCTAssertEqual(event.int(at: "pending_webhooks"), 1)
        XCTAssertTrue(event.value(at: "request.id") is NSNull)
        XCTAssertTrue(event.value(at: "request.idempotency_key") is NSNull)
        XCTAssertNotNil(event.int(at: "created"))
    }

    func testDeliveryHeadersMatchStripe() throws {
        _ = try trigger(["scenario": "direct-charge"])
        let delivery = try XCTUnwrap(receiver.received.first)

        XCTAssertEqual(delivery.headers["content-type"], "application/json; charset=utf-8")
        XCTAssertEqual(delivery.headers["user-agent"], "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
        XCTAssertTrue(delivery.signature?.hasPrefix("t=") ?? false)
        XCTAssertTrue(delivery.signature?.contains(",v1=") ?? false)
        XCTAssertEqual(delivery.path, "/webhooks/stripe")
    }

    func testCheckoutSubscriptionSendsChargeInvoiceSession() throws {
        let response = try trigger(["scenario": "checkout-subscription", "cid": "cid_sub", "amount": 1500])
        let events = try receivedEvents()
        let charge = try object(events, "charge.succeeded")
        let invoice = try object(events, "invoice.paid")
        let session = try object(events, "checkout.session.completed")
        let line = try XCTUnwrap((invoice.value(at: "lines.data") as? [[String: Any]])?.first)

        XCTAssertEqual(types(events), ["charge.succeeded", "invoice.paid", "checkout.session.completed"])
        XCTAssertEqual(session.string(at: "mode"), "subscription")
        XCTAssertTrue(session.string(at: "subscription")?.hasPrefix("sub_") ?? false)
        XCTAssertTrue(session["payment_intent"] is NSNull)
        XCTAssertEqual(session.string(at: "invoice"), invoice.string(at: "id"))
        XCTAssertEqual(session.string(at: "client_reference_id"), "cid_sub")
        XCTAssertEqual(invoice.string(at: "object"), "invoice")
        XCTAssertTrue(invoice.string(at: "id")?.hasPrefix("in_") ?? false)
        XCTAssertEqual(invoice.string(at: "billing_reason"), "subscription_create")
        XCTAssertEqual(invoice.string(at: "status"), "paid")
        XCTAssertEqual(invoice.string(at: "subscription"), session.string(at: "subscription"))
        XCTAssertEqual(invoice.string(at: "charge"), charge.string(at: "id"))
        XCTAssertEqual(invoice.string(at: "payment_intent"), charge.string(at: "payment_intent"))
        XCTAssertEqual(invoice.string(at: "customer"), session.string(at: "customer"))
        XCTAssertEqual(invoice.int(at: "amount_paid"), 1500)
        XCTAssertEqual(invoice.int(at: "amount_due"), 1500)
        XCTAssertEqual(invoice.int(at: "amount_remaining"), 0)
        XCTAssertEqual(invoice.int(at: "subtotal"), 1500)
        XCTAssertEqual(invoice.int(at: "total"), 1500)
        XCTAssertEqual(invoice.string(at: "lines.object"), "list")
        XCTAssertEqual(line.int(at: "amount"), 1500)
        XCTAssertEqual(invoice.value(at: "subscription_details.metadata") as? [String: String], [:])
        XCTAssertEqual(charge.string(at: "invoice"), invoice.string(at: "id"))
        XCTAssertEqual(response.string(at: "objects.subscription"), session.string(at: "subscription"))
        XCTAssertEqual(response.string(at: "objects.invoice"), invoice.string(at: "id"))
    }

    func testSubscriptionMetadataPlacementReachesInvoice() throws {
        _ = try trigger([
            "scenario": "checkout-subscription", "cid": "cid_meta", "cidPlacement": ["subscription_metadata"],
        ])
        let events = try receivedEvents()
        let invoice = try object(events, "invoice.paid")
        let session = try object(events, "checkout.session.completed")

        XCTAssertEqual(invoice.string(at: "subscription_details.metadata.agentref_cid"), "cid_meta")
        XCTAssertTrue(session["client_reference_id"] is NSNull)
        XCTAssertEqual(session["metadata"] as? [String: String], [:])
    }

    func testRenewalBillsSameSubscriptionNextPeriod() throws {
        let first = try trigger(["scenario": "checkout-subscription", "amount": 1500])
        let subscription = try XCTUnwrap(first.string(at: "objects.subscription"))
        let signup = try object(try receivedEvents(), "invoice.paid")
        let signupLine = try XCTUnwrap((signup.value(at: "lines.data") as? [[String: Any]])?.first)

        let renewal = try trigger(["scenario": "subscription-renewal", "target": ["subscription": subscription]])
        let events = try receivedEvents(from: 3)
        let invoice = try object(events, "invoice.paid")
        let charge = try object(events, "charge.succeeded")
        let line = try XCTUnwrap((invoice.value(at: "lines.data") as? [[String: Any]])?.first)

        XCTAssertEqual(types(events), ["charge.succeeded", "invoice.paid"])
        XCTAssertEqual(invoice.string(at: "billing_reason"), "subscription_cycle")
        XCTAssertEqual(invoice.string(at: "subscription"), subscription)
        XCTAssertNotEqual(invoice.string(at: "id"), signup.string(at: "id"))
        XCTAssertEqual(invoice.string(at: "charge"), charge.string(at: "id"))
        XCTAssertEqual(invoice.int(at: "amount_paid"), 1500)
        XCTAssertEqual(line.int(at: "period.start"), signupLine.int(at: "period.end"))
        XCTAssertEqual(invoice.int(at: "period_start"), signupLine.int(at: "period.start"))
        XCTAssertEqual(renewal.string(at: "objects.subscription"), subscription)
    }

    func testRenewalWithoutTargetUsesLatestActiveSubscription() throws {
        let first = try trigger(["scenario": "checkout-subscription"])
        let renewal = try trigger(["scenario": "subscription-renewal"])

        XCTAssertEqual(renewal.string(at: "objects.subscription"), first.string(at: "objects.subscription"))
    }

    func testPartialRefundsAddUpToFullRefund() throws {
        let payment = try trigger(["scenario": "checkout-payment", "amount": 2900])
        let chargeID = try XCTUnwrap(payment.string(at: "objects.charge"))

        _ = try trigger(["scenario": "refund", "amount": 1000, "target": ["charge": chargeID]])
        _ = try trigger(["scenario": "refund", "target": ["charge": chargeID]])
        let refunds = try receivedEvents(from: 2)
        let partial = try XCTUnwrap(refunds.first?.value(at: "data.object") as? [String: Any])
        let full = try XCTUnwrap(refunds.last?.value(at: "data.object") as? [String: Any])
        let refundList = try XCTUnwrap(full.value(at: "refunds.data") as? [[String: Any]])

        XCTAssertEqual(types(refunds), ["charge.refunded", "charge.refunded"])
        XCTAssertEqual(partial.string(at: "id"), chargeID)
        XCTAssertEqual(partial.int(at: "amount_refunded"), 1000)
        XCTAssertEqual(partial["refunded"] as? Bool, false)
        XCTAssertEqual(refunds.first?.int(at: "data.previous_attributes.amount_refunded"), 0)
        XCTAssertEqual(full.int(at: "amount_refunded"), 2900)
        XCTAssertEqual(full["refunded"] as? Bool, true)
        XCTAssertEqual(full.string(at: "refunds.object"), "list")
        XCTAssertEqual(refundList.compactMap { $0.int(at: "amount") }, [1900, 1000])
        XCTAssertTrue(refundList.allSatisfy { ($0["id"] as? String)?.hasPrefix("re_") ?? false })
        XCTAssertTrue(refundList.allSatisfy { $0["charge"] as? String == chargeID })
        XCTAssertTrue(refundList.allSatisfy { $0["status"] as? String == "succeeded" })
        XCTAssertTrue(refundList.allSatisfy { $0["object"] as? String == "refund" })
    }

    func testRefundLargerThanRemainderIsRejected() throws {
        let payment = try trigger(["scenario": "direct-charge", "amount": 500])
        let response = try postJSON("/_sim/trigger", [
            "scenario": "refund", "amount": 501, "target": ["charge": payment.string(at: "objects.charge") ?? ""],
        ])

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(try response.jsonObject().string(at: "error.param"), "amount")
    }

    func testRefundOfUnknownChargeIs404() throws {
        let response = try postJSON("/_sim/trigger", ["scenario": "refund", "target": ["charge": "ch_missing"]])

        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(try response.jsonObject().string(at: "error.param"), "target.charge")
    }

    func testCancellationEndsSubscription() throws {
        let signup = try trigger(["scenario": "checkout-subscription"])
        let subscriptionID = try XCTUnwrap(signup.string(at: "objects.subscription"))

        _ = try trigger(["scenario": "subscription-canceled", "target": ["subscription": subscriptionID]])
        let events = try receivedEvents(from: 3)
        let subscription = try object(events, "customer.subscription.deleted")
        let renewal = try postJSON("/_sim/trigger", [
            "scenario": "subscription-renewal", "target": ["subscription": subscriptionID],
        ])

        XCTAssertEqual(types(events), ["customer.subscription.deleted"])
        XCTAssertEqual(subscription.string(at: "id"), subscriptionID)
        XCTAssertEqual(subscription.string(at: "object"), "subscription")
        XCTAssertEqual(subscription.string(at: "status"), "canceled")
        XCTAssertNotNil(subscription.int(at: "canceled_at"))
        XCTAssertNotNil(subscription.int(at: "ended_at"))
        XCTAssertEqual(subscription.string(at: "customer"), signup.string(at: "objects.customer"))
        XCTAssertEqual(subscription.string(at: "items.object"), "list")
        XCTAssertNotNil(subscription.int(at: "current_period_start"))
        XCTAssertNotNil(subscription.int(at: "current_period_end"))
        XCTAssertEqual(renewal.status, 400)
    }

    func testDirectChargeCarriesCIDInChargeMetadata() throws {
        let response = try trigger(["scenario": "direct-charge", "cid": "cid_direct", "amount": 700, "currency": "JPY"])
        let events = try receivedEvents()
        let charge = try object(events, "charge.succeeded")

        XCTAssertEqual(types(events), ["charge.succeeded"])
        XCTAssertEqual(charge.string(at: "metadata.agentref_cid"), "cid_direct")
        XCTAssertEqual(charge.string(at: "currency"), "jpy")
        XCTAssertEqual(charge.int(at: "amount"), 700)
        XCTAssertTrue(charge["invoice"] is NSNull)
        XCTAssertNil(response.string(at: "objects.checkoutSession"))
    }

    func testTriggerReportsFirstAttemptOfEachEvent() throws {
        let response = try trigger(["scenario": "checkout-payment"])
        let events = try XCTUnwrap(response["events"] as? [[String: Any]])
        let delivered = try receivedEvents()

        XCTAssertEqual(delivered.count, 2)
        XCTAssertEqual(events.compactMap { $0["id"] as? String }, delivered.compactMap { $0["id"] as? String })
        XCTAssertEqual(events.compactMap { $0["delivered"] as? Bool }, [true, true])
        XCTAssertEqual(events.compactMap { ($0["deliveries"] as? [[String: Any]])?.first?["status"] as? Int }, [200, 200])
    }

    func testEndpointReceivesOnlySubscribedTypes() throws {
        let narrow = try makeReceiver()
        let endpoint = try createEndpoint(url: narrow.url("narrow"), events: ["invoice.paid"])

        _ = try trigger(["scenario": "checkout-subscription"])
        let received = narrow.received

        XCTAssertEqual(received.count, 1)
        XCTAssertEqual(try received.first?.event().string(at: "type"), "invoice.paid")
        XCTAssertNoThrow(try received.first?.verify(secret: endpoint.secret))
        XCTAssertEqual(try received.first?.event().int(at: "pending_webhooks"), 2)
    }

    func testOtherAccountsEndpointsReceiveNothing() throws {
        let (harborReceiver, _) = try connectWithReceiver(Self.harbor)
        _ = try trigger(["scenario": "checkout-payment", "account": Self.northwind])

        XCTAssertEqual(harborReceiver.received.count, 0)
        XCTAssertEqual(receiver.received.count, 2)
    }

    func testTriggerDefaultsAccountAndCurrency() throws {
        let response = try trigger(["scenario": "direct-charge"])
        let charge = try object(try receivedEvents(), "charge.succeeded")

        XCTAssertEqual(response.string(at: "account"), Self.northwind)
        XCTAssertEqual(charge.string(at: "currency"), "usd")
        XCTAssertEqual(charge.int(at: "amount"), 2900)
    }

    func testTargetSelectsItsOwnAccount() throws {
        let (harborReceiver, _) = try connectWithReceiver(Self.harbor)
        let payment = try trigger(["scenario": "direct-charge", "account": Self.harbor])
        let chargeID = try XCTUnwrap(payment.string(at: "objects.charge"))

        let refund = try trigger(["scenario": "refund", "target": ["charge": chargeID]])

        XCTAssertEqual(refund.string(at: "account"), Self.harbor)
        XCTAssertEqual(harborReceiver.received.count, 2)
        XCTAssertEqual(receiver.received.count, 0)
    }

    func testInvalidTriggerBodiesAreRejected() throws {
        let cases: [(body: [String: Any], param: String)] = [
            (["scenario": "teleport"], "scenario"),
            ([:], "scenario"),
            (["scenario": "checkout-payment", "account": "acct_nobody"], "account"),
            (["scenario": "checkout-payment", "amount": 0], "amount"),
            (["scenario": "checkout-payment", "amount": 12.5], "amount"),
            (["scenario": "checkout-payment", "currency": "dollars"], "currency"),
            (["scenario": "checkout-payment", "cidPlacement": ["nowhere"]], "cidPlacement"),
            (["scenario": "checkout-payment", "target": ["charge": "ch_1"]], "target"),
            (["scenario": "subscription-renewal", "amount": 100], "amount"),
            (["scenario": "refund", "target": ["invoice": "in_1"]], "target.invoice"),
        ]
        for (body, param) in cases {
            let response = try postJSON("/_sim/trigger", body)
            XCTAssertEqual(response.status, 400, "\(body): \(response.text)")
            XCTAssertEqual(try response.jsonObject().string(at: "error.param"), param, "\(body)")
        }
    }

    func testScenarioListNamesEveryScenario() throws {
        let rows = try get("/_sim/scenarios").jsonObject()["data"] as? [[String: Any]] ?? []

        XCTAssertEqual(rows.compactMap { $0["name"] as? String }, SimulatorScenario.allCases.map(\.rawValue))
        XCTAssertTrue(rows.allSatisfy { !(($0["summary"] as? String) ?? "").isEmpty })
    }
}
