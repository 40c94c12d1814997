import XCTest

@testable import AgentRefServer

/// Classification of Stripe's rejections when a write on a connected account fails.
final class StripePermissionErrorTests: XCTestCase {
    private func rejected(_ status: Int, type: String?, code: String?) -> StripeAPIError {
        .rejected(request: "POST /v1/webhook_endpoints", status: status, type: type, code: code, message: "m")
    }

    func testPermissionRefusalsAreNotWithdrawnAccess() {
        let refusals = [
            rejected(403, type: "invalid_request_error", code: "more_permissions_required_for_application"),
            rejected(403, type: "invalid_request_error", code: nil),
            rejected(400, type: "permission_error", code: nil),
            rejected(400, type: "invalid_request_error", code: "more_permissions_required_for_session"),
        ]
        for error in refusals {
            XCTAssertTrue(error.isPermissionDenied, error.description)
        }
    }

    func testWithdrawnAccessIsNoPermissionRefusal() {
        let withdrawn = [
            rejected(403, type: "invalid_request_error", code: "account_invalid"),
            rejected(401, type: "invalid_request_error", code: "api_key_expired"),
        ]
        for error in withdrawn {
            XCTAssertFalse(error.isPermissionDenied, error.description)
            XCTAssertTrue(error.isAccessWithdrawn, error.description)
        }
    }

    func testOnlyNamedPermissionIsExplicit() {
        XCTAssertTrue(rejected(403, type: "invalid_request_error", code: "more_permissions_required_for_application")
            .isExplicitPermissionRefusal)
        XCTAssertTrue(rejected(403, type: "permission_error", code: nil).isExplicitPermissionRefusal)
        XCTAssertFalse(rejected(403, type: "invalid_request_error", code: nil).isExplicitPermissionRefusal)
        let withdrawn = rejected(403, type: "invalid_request_error", code: "account_invalid")
        XCTAssertFalse(withdrawn.isExplicitPermissionRefusal)
    }

    func testNamedPermissionIsNotLostAccess() {
        let refusal = rejected(403, type: "invalid_request_error", code: "more_permissions_required_for_application")
        XCTAssertFalse(refusal.isAccessWithdrawn)
        XCTAssertFalse(rejected(403, type: "permission_error", code: nil).isAccessWithdrawn)
    }

    func testOtherFailuresAreNoPermissionRefusal() {
        let others: [StripeAPIError] = [
            rejected(400, type: "invalid_request_error", code: "parameter_invalid"),
            rejected(500, type: "api_error", code: nil),
            .unreachable(url: "http://127.0.0.1:9", message: "refused"),
        ]
        for error in others {
            XCTAssertFalse(error.isPermissionDenied, error.description)
        }
    }
}
