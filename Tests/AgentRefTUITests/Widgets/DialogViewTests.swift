@testable import AgentRefTUI
import XCTest

final class DialogViewTests: XCTestCase {
    private let theme = try! ThemeCatalog(searchDirectories: []).theme(named: "default")

    private func draw(_ dialog: DialogView, width: Int, height: Int) -> String {
        var buffer = CellBuffer(size: TerminalSize(width: width, height: height), style: theme[.base])
        dialog.render(in: Rect(x: 0, y: 0, width: width, height: height), theme: theme, into: &buffer)
        return buffer.textLines().joined(separator: "\n")
    }

    private let long = String(repeating: "Every word of this sentence matters to the reader. ", count: 4)

    func testTextThatFitsIsShownWhole() {
        let dialog = DialogView(title: "T", paragraphs: [("Short text.", .dialog)], choices: "Enter closes")
        let screen = draw(dialog, width: 40, height: 8)
        XCTAssertTrue(screen.contains("Short text."), screen)
        XCTAssertFalse(screen.contains("more…"), screen)
    }

    func testCompactParagraphsReplaceTextThatDoesNotFit() {
        let dialog = DialogView(title: "T", paragraphs: [(long, .dialog)], compactParagraphs: [("Brief.", .dialog)],
                                choices: "Enter closes")
        let screen = draw(dialog, width: 40, height: 6)
        XCTAssertTrue(screen.contains("Brief."), screen)
        XCTAssertFalse(screen.contains("more…"), screen)
    }

    func testCutTextEndsWithMoreMark() {
        let dialog = DialogView(title: "T", paragraphs: [(long, .dialog)], choices: "Enter closes")
        let screen = draw(dialog, width: 40, height: 6)
        XCTAssertTrue(screen.contains("more… (enlarge the terminal)"), screen)
        XCTAssertTrue(screen.contains("Enter closes"), screen)
    }
}
