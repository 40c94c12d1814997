import AgentRefDomain
import Foundation
import XCTest

final class MoneyTests: XCTestCase {
    func testTwoDecimalCurrencyFormatsCents() {
        XCTAssertEqual(Money(minorUnits: 123_456, currency: .usd).description, "USD 1,234.56")
        XCTAssertEqual(Money(minorUnits: 5, currency: .eur).description, "EUR 0.05")
        XCTAssertEqual(Money(minorUnits: 0, currency: .usd).description, "USD 0.00")
    }

    func testZeroDecimalCurrenciesHaveNoFraction() {
        for code in ["JPY", "KRW", "VND", "CLP"] {
            let currency = CurrencyCode(code)!
            XCTAssertEqual(currency.exponent, 0, code)
            XCTAssertEqual(Money(minorUnits: 1_200, currency: currency).description, "\(code) 1,200")
        }
    }

    func testThreeDecimalCurrenciesShowThreeDigits() {
        for code in ["KWD", "BHD", "OMR", "JOD", "TND"] {
            let currency = CurrencyCode(code)!
            XCTAssertEqual(currency.exponent, 3, code)
            XCTAssertEqual(Money(minorUnits: 1_250, currency: currency).description, "\(code) 1.250")
        }
    }

    func testNegativeAmountKeepsSignBeforeDigits() {
        XCTAssertEqual(Money(minorUnits: -250, currency: .usd).description, "USD -2.50")
        XCTAssertEqual(Money(minorUnits: -1_000_001, currency: .jpy).description, "JPY -1,000,001")
    }

    func testCurrencyCodeAcceptsLowerCaseAndRejectsGarbage() {
        XCTAssertEqual(CurrencyCode("usd")?.rawValue, "USD")
        XCTAssertNil(CurrencyCode("US"))
        XCTAssertNil(CurrencyCode("US1"))
        XCTAssertNil(CurrencyCode("dollars"))
        XCTAssertNil(CurrencyCode("ÜSD"))
    }

    func testCurrencyCodeDecodingNamesBadValue() throws {
        let data = Data(#"["eur","nope"]"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode([CurrencyCode].self, from: data)) { error in
            XCTAssertTrue(String(describing: error).contains("\"nope\""), "\(error)")
        }
    }

    func testTotalsStayPerCurrency() {
        var totals = MoneyTotals()
        totals.add(Money(minorUnits: 1_000, currency: .usd))
        totals.add(Money(minorUnits: 500, currency: .jpy))
        totals.add(Money(minorUnits: 250, currency: .usd))

        XCTAssertEqual(totals[.usd].minorUnits, 1_250)
        XCTAssertEqual(totals[.jpy].minorUnits, 500)
        XCTAssertEqual(totals[.eur].minorUnits, 0)
        XCTAssertEqual(totals.description, "JPY 500 · USD 12.50")
    }

    func testEmptyTotalsShowDash() {
        XCTAssertEqual(MoneyTotals().description, "—")
    }

    func testTotalsRoundTripThroughJSON() throws {
        var totals = MoneyTotals()
        totals.add(Money(minorUnits: 1_500, currency: CurrencyCode("KWD")!))
        let data = try AgentRefJSON.makeEncoder().encode(totals)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"KWD":1500}"#)
        XCTAssertEqual(try AgentRefJSON.makeDecoder().decode(MoneyTotals.self, from: data), totals)
    }
}
