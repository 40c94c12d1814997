@testable import AgentRefTUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of("Northwind"), 9)
    }

    func testCJKIsTwoColumnsEach() {
        XCTAssertEqual(DisplayWidth.of("瑜伽"), 4)
        XCTAssertEqual(DisplayWidth.of("李小龙"), 6)
    }

    func testEmojiIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("🧘"), 2)
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
    }

    func testEmojiPresentationSelectorMakesTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("❤\u{FE0F}"), 2)
    }

    func testFlagIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("🇺🇸"), 2)
    }

    func testZeroWidthJoinerSequenceIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("👩\u{200D}💻"), 2)
    }

    func testCombiningMarkAddsNothing() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("a\u{300}\u{316}"), 1)
    }

    func testTruncateByWidthAddsEllipsis() {
        XCTAssertEqual(TextLayout.truncate("Harbor Yoga 瑜伽", toWidth: 14), "Harbor Yoga …")
        XCTAssertEqual(TextLayout.truncate("Harbor Yoga 瑜伽", toWidth: 15), "Harbor Yoga 瑜…")
        XCTAssertEqual(DisplayWidth.of(TextLayout.truncate("瑜伽瑜伽瑜伽", toWidth: 5)), 5)
    }

    func testTruncateNeverSplitsWideCharacter() {
        let result = TextLayout.truncate("瑜伽瑜伽", toWidth: 4)
        XCTAssertEqual(result, "瑜…")
        XCTAssertLessThanOrEqual(DisplayWidth.of(result), 4)
    }

    func testShortTextIsNotTruncated() {
        XCTAssertEqual(TextLayout.truncate("abc", toWidth: 3), "abc")
    }

    func testFitPadsToExactWidth() {
        XCTAssertEqual(DisplayWidth.of(TextLayout.fit("瑜伽", width: 7)), 7)
        XCTAssertEqual(TextLayout.fit("42", width: 5, alignment: .right), "   42")
    }

    func testWideCharactersKeepColumnsAligned() {
        var buffer = CellBuffer(size: TerminalSize(width: 12, height: 3))
        for (row, text) in ["abcd", "瑜伽", "🧘x"].enumerated() {
            buffer.write(TextLayout.fit(text, width: 6), x: 0, y: row, style: .plain)
            buffer.write("|", x: 6, y: row, style: .plain)
        }
        for row in 0..<3 {
            XCTAssertEqual(buffer[6, row].text, "|", "row \(row)")
        }
    }

    func testWideCharacterOccupiesTwoCells() {
        var buffer = CellBuffer(size: TerminalSize(width: 4, height: 1))
        buffer.write("瑜x", x: 0, y: 0, style: .plain)
        XCTAssertEqual(buffer[0, 0].width, 2)
        XCTAssertTrue(buffer[1, 0].isContinuation)
        XCTAssertEqual(buffer[2, 0].text, "x")
    }

    func testWideCharacterThatDoesNotFitBecomesSpace() {
        var buffer = CellBuffer(size: TerminalSize(width: 3, height: 1))
        let written = buffer.write("ab瑜", x: 0, y: 0, style: .plain)
        XCTAssertEqual(written, 3)
        XCTAssertEqual(buffer.textLines()[0], "ab ")
    }

    func testOverwritingHalfOfWideCharacterClearsOtherHalf() {
        var buffer = CellBuffer(size: TerminalSize(width: 4, height: 1))
        buffer.write("瑜伽", x: 0, y: 0, style: .plain)
        buffer.write("x", x: 1, y: 0, style: .plain)
        XCTAssertEqual(buffer.textLines()[0], " x伽")
        XCTAssertEqual(DisplayWidth.of(buffer.textLines()[0]), 4)
    }
}
