import AgentRefDomain
@testable import AgentRefTUI
import Foundation
import XCTest

final class ProgramRateTextTests: XCTestCase {
    private func program(percent: Double, fixed: Int64? = nil, type: CommissionType, months: Int? = nil) -> Program {
        var program = Program(
            id: "prg_1", merchantId: "mer_1", name: "Test", slug: "test", commissionType: type,
            commissionPercent: percent, commissionLimitMonths: months, currency: "USD",
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0)
        )
        program.commissionFixedAmount = fixed
        return program
    }

    func testPercentageRate() {
        XCTAssertEqual(ProgramsScreen.rateText(program(percent: 20, type: .recurring)), "20% recurring")
        XCTAssertEqual(ProgramsScreen.rateText(program(percent: 12.5, type: .oneTime)), "12.5% one time")
    }

    func testLimitedRateShowsMonths() {
        XCTAssertEqual(
            ProgramsScreen.rateText(program(percent: 15, type: .recurringLimited, months: 12)),
            "15% recurring limited, 12 months"
        )
    }

    func testFixedAmountReplacesPercent() {
        XCTAssertEqual(ProgramsScreen.rateText(program(percent: 0, fixed: 500, type: .oneTime)), "USD 5.00 fixed one time")
    }
}
