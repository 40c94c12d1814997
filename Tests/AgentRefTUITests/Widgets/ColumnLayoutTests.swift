@testable import AgentRefTUI
import XCTest

final class ColumnLayoutTests: XCTestCase {
    func testMinimumsKeptAndFixedColumnsGrowFirst() {
        let widths = ColumnLayout.widths(minimums: [10, 5, 5], maximums: [nil, 20, nil], flexes: [1, 0, 0],
                                         minTableWidths: [0, 0, 0], contentWidths: [30, 12, 5], available: 40)
        XCTAssertEqual(widths.map(\.width), [19, 12, 5])
    }

    func testColumnHiddenBelowItsTableWidth() {
        let widths = ColumnLayout.widths(minimums: [10, 10], maximums: [nil, nil], flexes: [1, 1],
                                         minTableWidths: [0, 100], contentWidths: [10, 10], available: 80)
        XCTAssertEqual(widths.map(\.index), [0])
    }

    func testRightmostColumnsDroppedWhenTooNarrow() {
        let widths = ColumnLayout.widths(minimums: [10, 10, 10], maximums: [nil, nil, nil], flexes: [0, 0, 0],
                                         minTableWidths: [0, 0, 0], contentWidths: [10, 10, 10], available: 25)
        XCTAssertEqual(widths.map(\.index), [0, 1])
    }
}
