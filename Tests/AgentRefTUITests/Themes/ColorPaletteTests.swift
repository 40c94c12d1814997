@testable import AgentRefTUI
import XCTest

final class ColorPaletteTests: XCTestCase {
    private func rgb(_ hex: String) -> TerminalColor {
        TerminalColor(themeValue: hex)!
    }

    func testDefaultColourMapsToMinusOne() {
        XCTAssertEqual(ColorPalette.index(for: .terminalDefault, capability: .palette256), -1)
    }

    func testCubeColoursMapExactly() {
        XCTAssertEqual(ColorPalette.index(for: rgb("#000000"), capability: .palette256), 16)
        XCTAssertEqual(ColorPalette.index(for: rgb("#ffffff"), capability: .palette256), 231)
        XCTAssertEqual(ColorPalette.index(for: rgb("#87afd7"), capability: .palette256), 110)
    }

    func testGreysMapToGreyRamp() {
        XCTAssertEqual(ColorPalette.index(for: rgb("#1c1c1c"), capability: .palette256), 234)
        XCTAssertEqual(ColorPalette.index(for: rgb("#d0d0d0"), capability: .palette256), 252)
    }

    func testEightColourFallbackPicksNearest() {
        XCTAssertEqual(ColorPalette.index(for: rgb("#1c1c1c"), capability: .ansi8), 0)
        XCTAssertEqual(ColorPalette.index(for: rgb("#d0d0d0"), capability: .ansi8), 7)
        XCTAssertEqual(ColorPalette.index(for: rgb("#ff0000"), capability: .ansi8), 1)
    }

    func testSameIndexForTextAndBackgroundIsAvoided() {
        let style = CellStyle(foreground: rgb("#303030"), background: rgb("#1c1c1c"))
        let indexes = ColorPalette.indexes(for: style, capability: .ansi8)
        XCTAssertEqual(indexes.background, 0)
        XCTAssertEqual(indexes.foreground, 7)
    }

    func testPoorMappedContrastSwitchesToBlackOrWhite() {
        let style = CellStyle(foreground: rgb("#ffffff"), background: rgb("#005f87"))
        let indexes = ColorPalette.indexes(for: style, capability: .ansi8)
        XCTAssertEqual(indexes.background, 6)
        XCTAssertEqual(indexes.foreground, 0)
    }

    func testGoodMappedContrastIsKept() {
        let style = CellStyle(foreground: rgb("#d0d0d0"), background: rgb("#1c1c1c"))
        let indexes = ColorPalette.indexes(for: style, capability: .palette256)
        XCTAssertEqual(indexes.foreground, 252)
        XCTAssertEqual(indexes.background, 234)
    }

    func testNoColourCapabilityUsesDefaults() {
        let indexes = ColorPalette.indexes(for: CellStyle(foreground: rgb("#ff0000")), capability: .none)
        XCTAssertEqual(indexes.foreground, -1)
    }

    func testContrastOfBlackOnWhiteIs21() throws {
        let ratio = try XCTUnwrap(ContrastRatio.between(rgb("#000000"), rgb("#ffffff")))
        XCTAssertEqual(ratio, 21, accuracy: 0.001)
    }

    func testHexRoundTrip() {
        XCTAssertEqual(rgb("#0A0b0C").themeValue, "#0a0b0c")
        XCTAssertNil(TerminalColor(themeValue: "#+12345"))
        XCTAssertNil(TerminalColor(themeValue: "red"))
    }
}
