import AgentRefDomain
@testable import AgentRefTUI
import XCTest

final class TableCellTests: XCTestCase {
    private func totals(_ amounts: [(Int64, String)]) -> MoneyTotals {
        var totals = MoneyTotals()
        for (minorUnits, code) in amounts {
            totals.add(Money(minorUnits: minorUnits, currency: CurrencyCode(code)!))
        }
        return totals
    }

    func testAmountThatFitsIsShownWhole() {
        let cell = TableCell.amount("KWD -12.050")
        XCTAssertEqual(cell.fitted(width: 12, alignment: .right), " KWD -12.050")
    }

    func testAmountTooWideShowsMarksNotCutDigits() {
        let cell = TableCell.amount("KWD -12.050")
        XCTAssertEqual(cell.fitted(width: 8, alignment: .right), "########")
    }

    func testTotalsDropWholeCurrenciesAndCountThem() {
        let cell = TableCell.totals(totals([(21_700, "USD"), (3_000, "EUR"), (1_200, "JPY")]))
        XCTAssertEqual(cell.fitted(width: 34, alignment: .left), "EUR 30.00 · JPY 1,200 · USD 217.00")
        XCTAssertEqual(cell.fitted(width: 24, alignment: .left), "EUR 30.00 · JPY 1,200 +1")
        XCTAssertEqual(cell.fitted(width: 12, alignment: .left), "EUR 30.00 +2")
        XCTAssertEqual(cell.fitted(width: 5, alignment: .left), "#####")
    }

    func testFirstCurrencyLeadsThenCodeOrder() {
        let amounts = totals([(21_700, "USD"), (3_000, "EUR"), (1_200, "JPY")])
        let cell = TableCell.totals(amounts, first: CurrencyCode("USD"))
        XCTAssertEqual(cell.fitted(width: 34, alignment: .left), "USD 217.00 · EUR 30.00 · JPY 1,200")
        XCTAssertEqual(cell.fitted(width: 13, alignment: .left), "USD 217.00 +2")
    }

    func testFirstCurrencyWithoutAmountChangesNothing() {
        let cell = TableCell.totals(totals([(3_000, "EUR"), (1_200, "JPY")]), first: CurrencyCode("USD"))
        XCTAssertEqual(cell.text, "EUR 30.00 · JPY 1,200")
    }

    func testEmptyTotalsShowDash() {
        XCTAssertEqual(TableCell.totals(nil).text, "—")
        XCTAssertEqual(TableCell.totals(MoneyTotals()).text, "—")
    }

    func testTextCellStillTruncatesWithEllipsis() {
        XCTAssertEqual(TableCell("Lantern Ledger Pro").fitted(width: 10, alignment: .left), "Lantern L…")
    }
}
