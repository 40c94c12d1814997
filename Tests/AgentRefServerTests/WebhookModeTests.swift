import AgentRefDomain
import XCTest

@testable import AgentRefServer

/// How auto mode reads Stripe's rejections while it registers a program's endpoint, against
/// the Stripe stub, which can reject one account's calls with any status and code.
final class WebhookModeTests: ServerTestCase {
    private func connectionAfterRejectedList(status: Int, code: String?) throws -> (page: APIResponse, detail: JSONValue) {
        let programId = try createProgram()
        stub.reject("GET", "/v1/webhook_endpoints", status: status, code: code, account: "acct_1ReadOnly")

        let page = try connect(programId: programId, account: "acct_1ReadOnly")
        return (page, try stripeDetail(programId: programId))
    }

    func testExplicitPermissionErrorOnListFallsBack() throws {
        let (page, detail) = try connectionAfterRejectedList(
            status: 403, code: "more_permissions_required_for_application"
        )
        let platform = stub.endpoints.filter { $0.account == StripeStub.platformAccount }

        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertEqual(detail["status"]?.stringValue, "connected")
        XCTAssertEqual(detail["webhookMode"]?.stringValue, "connect")
        XCTAssertEqual(platform.map(\.url), [baseURL.absoluteString + "/webhooks/stripe/connect"])
        XCTAssertEqual(detail["webhookEndpointId"]?.stringValue, platform.first?.id)
    }

    func testBare403OnListMeansLostAccess() throws {
        let (page, detail) = try connectionAfterRejectedList(status: 403, code: nil)

        XCTAssertEqual(page.status, 502, page.text)
        XCTAssertEqual(detail["status"]?.stringValue, "revoked")
        XCTAssertTrue(stub.endpoints.isEmpty)
    }
}
