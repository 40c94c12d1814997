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

/// Every status against every input, checked against the lifecycle table.
final class StripeConnectionMachineTableTests: XCTestCase {
    private typealias Row = (
        status: StripeConnectionStatus,
        requestAuthorization: StripeConnectionStatus?,
        authorize: StripeConnectionStatus?,
        disconnect: StripeConnectionStatus?,
        revoke: StripeConnectionStatus?,
        fail: StripeConnectionStatus?
    )

    private let table: [Row] = [
        (.disconnected, .pending, nil, .disconnected, nil, nil),
        (.pending, .pending, .connected, .disconnected, .revoked, .error),
        (.connected, nil, nil, .disconnected, .revoked, .error),
        (.revoked, .pending, nil, .disconnected, nil, nil),
        (.error, .pending, nil, .disconnected, .revoked, nil),
    ]

    private func expected(_ row: Row, _ input: StripeConnectionMachine.Input) -> StripeConnectionStatus? {
        switch input {
        case .requestAuthorization: row.requestAuthorization
        case .authorize: row.authorize
        case .disconnect: row.disconnect
        case .revoke: row.revoke
        case .fail: row.fail
        }
    }

    func testTableCoversEveryStatus() {
        XCTAssertEqual(Set(table.map(\.status)), Set(StripeConnectionStatus.allCases))
        XCTAssertEqual(table.count, StripeConnectionStatus.allCases.count)
    }

    func testNextMatchesTableForEveryStatusAndInput() {
        for row in table {
            for input in StripeConnectionMachine.Input.allCases {
                XCTAssertEqual(
                    StripeConnectionMachine.next(from: row.status, on: input), expected(row, input),
                    "\(row.status) on \(input)"
                )
            }
        }
    }

    func testApplyChangesStatusOnlyForAllowedInputs() {
        for row in table {
            for input in StripeConnectionMachine.Input.allCases {
                var machine = StripeConnectionMachine(status: row.status)
                let result = try? machine.apply(input)
                let target = expected(row, input)

                XCTAssertEqual(result, target, "\(row.status) on \(input)")
                XCTAssertEqual(machine.status, target ?? row.status, "\(row.status) on \(input)")
            }
        }
    }

    func testRejectedInputNamesStatusAndInput() {
        var machine = StripeConnectionMachine(status: .revoked)

        XCTAssertThrowsError(try machine.apply(.fail)) { error in
            XCTAssertEqual("\(error)", "cannot apply fail to a Stripe connection that is revoked")
        }
    }
}
