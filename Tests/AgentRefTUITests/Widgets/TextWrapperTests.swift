@testable import AgentRefTUI
import XCTest

final class TextWrapperTests: XCTestCase {
    private let url = "http://127.0.0.1:12111/oauth/authorize?response_type=code&client_id=ca_agentref_local"
        + "&scope=read_only&state=st_4f9c2a7e1b&redirect_uri=http%3A%2F%2F127.0.0.1%3A8420%2Foauth%2Fstripe%2Fcallback"

    func testWrapsAtSpaces() {
        XCTAssertEqual(TextWrapper.wrap("one two three four", width: 9), ["one two", "three", "four"])
    }

    func testLineBreaksStartNewLines() {
        XCTAssertEqual(TextWrapper.wrap("a\nb", width: 10), ["a", "b"])
    }

    func testURLIsBrokenWithoutLosingCharacters() {
        for width in [10, 33, 40, 77] {
            let lines = TextWrapper.breakByWidth(url, width: width)
            XCTAssertEqual(lines.joined(), url, "width \(width)")
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
        }
    }

    func testLongWordInsideProseIsKeptWhole() {
        let lines = TextWrapper.wrap("Open \(url) now", width: 30)
        XCTAssertEqual(lines.joined(separator: " ").replacingOccurrences(of: " ", with: ""),
                       "Open\(url)now".replacingOccurrences(of: " ", with: ""))
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    func testWideCharactersWrapByColumns() {
        let lines = TextWrapper.breakByWidth("瑜伽瑜伽瑜", width: 5)
        XCTAssertEqual(lines, ["瑜伽", "瑜伽", "瑜"])
    }
}
