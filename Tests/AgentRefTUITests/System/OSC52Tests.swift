@testable import AgentRefTUI
import XCTest

final class OSC52Tests: XCTestCase {
    func testSequenceCarriesBase64Text() {
        let bytes = OSC52.sequence(copying: "http://x/?a=1&b=2")
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "\u{1B}]52;c;aHR0cDovL3gvP2E9MSZiPTI=\u{07}")
    }
}
