@testable import AgentRefTUI
import XCTest

final class TextSanitizerTests: XCTestCase {
    private func clean(_ text: String) -> String {
        TextSanitizer.sanitize(text)
    }

    private func hasNoControls(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    func testPlainTextIsUnchanged() {
        XCTAssertEqual(clean("Northwind Coffee 瑜伽 🧘 café"), "Northwind Coffee 瑜伽 🧘 café")
    }

    func testClearScreenSequenceIsRemoved() {
        XCTAssertEqual(clean("a\u{1B}[2Jb"), "ab")
    }

    func testColourSequenceIsRemoved() {
        XCTAssertEqual(clean("\u{1B}[1;31mred\u{1B}[0m"), "red")
    }

    func testOSC52ClipboardSequenceIsRemoved() {
        XCTAssertEqual(clean("x\u{1B}]52;c;ZXZpbA==\u{07}y"), "xy")
    }

    func testOSCTerminatedByStringTerminatorIsRemoved() {
        XCTAssertEqual(clean("x\u{1B}]0;title\u{1B}\\y"), "xy")
    }

    func testEightBitCSIIsRemoved() {
        XCTAssertEqual(clean("a\u{9B}31mb"), "ab")
    }

    func testEightBitOSCIsRemoved() {
        XCTAssertEqual(clean("a\u{9D}52;c;aGk=\u{9C}b"), "ab")
    }

    func testCharsetDesignationIsRemoved() {
        XCTAssertEqual(clean("a\u{1B}(0b"), "ab")
    }

    func testUnterminatedSequenceDoesNotLeak() {
        let result = clean("name\u{1B}]52;c;aGVsbG8=")
        XCTAssertEqual(result, "name")
    }

    func testLoneControlCharactersBecomeVisible() {
        XCTAssertEqual(clean("bell\u{07}nul\u{00}del\u{7F}"), "bell\u{FFFD}nul\u{FFFD}del\u{FFFD}")
    }

    func testC1ControlsBecomeVisible() {
        XCTAssertEqual(clean("a\u{85}b"), "a\u{FFFD}b")
    }

    func testLineBreaksAndTabsBecomeSpaces() {
        XCTAssertEqual(clean("one\ntwo\r\nthree\tfour"), "one two  three four")
    }

    func testBidiOverrideIsRemoved() {
        XCTAssertEqual(clean("invoice\u{202E}fdp.exe"), "invoicefdp.exe")
    }

    func testBidiIsolatesAndMarksAreRemoved() {
        XCTAssertEqual(clean("\u{2066}a\u{2067}b\u{2068}c\u{2069}\u{200E}\u{200F}\u{061C}"), "abc")
    }

    func testCombiningMarksAreKept() {
        XCTAssertEqual(clean("e\u{301}"), "e\u{301}")
    }

    func testHostileFixtureNameIsClean() {
        let result = clean(Fixtures.programs[3].name)
        XCTAssertTrue(hasNoControls(result))
        XCTAssertFalse(result.unicodeScalars.contains("\u{202E}"))
        XCTAssertEqual(result, "EvilCorp\u{FFFD}gnp.exe")
    }

    func testBufferNeverStoresEscapes() {
        var buffer = CellBuffer(size: TerminalSize(width: 40, height: 1))
        buffer.write("\u{1B}[2J\u{1B}]52;c;aGk=\u{07}\u{9B}31mok", x: 0, y: 0, style: .plain)
        let text = buffer.textLines()[0]
        XCTAssertTrue(hasNoControls(text))
        XCTAssertTrue(text.hasPrefix("ok"))
    }

    func testZeroWidthJoinerSequenceKeepsFirstEmoji() {
        XCTAssertEqual(clean("👨\u{200D}👩\u{200D}👧\u{200D}👦 Family"), "👨 Family")
        XCTAssertEqual(clean("Rainbow 🏳\u{FE0F}\u{200D}🌈 only"), "Rainbow 🏳 only")
    }

    func testFlagsBecomeRegionLetters() {
        XCTAssertEqual(clean("Flags only 🇯🇵🇰🇼"), "Flags only JPKW")
    }

    func testVariationSelectorsAndSkinTonesAreDropped() {
        XCTAssertEqual(clean("✅\u{FE0F} done 👍🏽"), "✅ done 👍")
    }

    func testSimplifiedEmojiKeepColumnsAligned() {
        var buffer = CellBuffer(size: TerminalSize(width: 20, height: 2))
        buffer.write("🇯🇵 👨\u{200D}👩 x|", x: 0, y: 0, style: .plain)
        buffer.write("JP 👨 x|", x: 0, y: 1, style: .plain)
        let lines = buffer.textLines()
        XCTAssertEqual(lines[0], lines[1])
    }
}
