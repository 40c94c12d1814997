import AgentRefDomain
import XCTest

final class StripeConnectionMachineTests: XCTestCase {
    func testConnectDisconnectCycle() throws {
        var machine = StripeConnectionMachine()
        XCTAssertEqual(try machine.apply(.requestAuthorization), .pending)
        XCTAssertEqual(try machine.apply(.authorize), .connected)
        XCTAssertEqual(try machine.apply(.disconnect), .disconnected)
    }

    func testAuthorizeWithoutPendingRequestIsRejected() {
        var machine = StripeConnectionMachine(status: .disconnected)
        XCTAssertThrowsError(try machine.apply(.authorize)) { error in
            XCTAssertEqual(error as? StripeConnectionMachine.InvalidTransition, .init(from: .disconnected, input: .authorize))
        }
        XCTAssertEqual(machine.status, .disconnected)
    }

    func testConnectedProgramCannotRequestAnotherAuthorization() {
        XCTAssertNil(StripeConnectionMachine.next(from: .connected, on: .requestAuthorization))
    }

    func testRevokedAndErrorCanReconnect() {
        XCTAssertEqual(StripeConnectionMachine.next(from: .revoked, on: .requestAuthorization), .pending)
        XCTAssertEqual(StripeConnectionMachine.next(from: .error, on: .requestAuthorization), .pending)
    }

    func testRevokeAppliesToLiveConnectionsOnly() {
        XCTAssertEqual(StripeConnectionMachine.next(from: .connected, on: .revoke), .revoked)
        XCTAssertNil(StripeConnectionMachine.next(from: .disconnected, on: .revoke))
    }

    func testDisconnectIsAllowedFromEveryStatus() {
        for status in StripeConnectionStatus.allCases {
            XCTAssertEqual(StripeConnectionMachine.next(from: status, on: .disconnect), .disconnected, "\(status)")
        }
    }

    func testRepeatedPendingRequestStaysPending() {
        XCTAssertEqual(StripeConnectionMachine.next(from: .pending, on: .requestAuthorization), .pending)
    }
}
