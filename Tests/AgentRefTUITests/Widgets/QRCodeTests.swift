@testable import AgentRefTUI
import XCTest

final class QRCodeTests: XCTestCase {
    private let url = "http://127.0.0.1:12111/oauth/authorize?response_type=code&state=st_1"

    func testEncodesURL() throws {
        let code = try XCTUnwrap(QRCode(encoding: url))
        XCTAssertGreaterThanOrEqual(code.size, 21)
        XCTAssertEqual((code.size - 21) % 4, 0, "QR sizes are 21 + 4 × (version - 1)")
    }

    func testFinderPatternCornerIsDark() throws {
        let code = try XCTUnwrap(QRCode(encoding: url))
        XCTAssertTrue(code[0, 0])
        XCTAssertTrue(code[6, 6])
        XCTAssertFalse(code[-1, 0], "outside the code is the light quiet zone")
    }

    func testHalfBlocksReproduceModules() throws {
        let code = try XCTUnwrap(QRCode(encoding: url))
        let view = QRCodeView(code: code)
        var buffer = CellBuffer(size: view.size)
        let theme = try ThemeCatalog(searchDirectories: []).theme(named: "default")
        view.render(at: (0, 0), theme: theme, into: &buffer)

        let quiet = QRCodeView.quietZone
        for y in 0..<code.size {
            for x in 0..<code.size {
                let cell = buffer[x + quiet, (y + quiet) / 2].text
                let isTop = (y + quiet) % 2 == 0
                let dark = cell == "█" || (isTop ? cell == "▀" : cell == "▄")
                XCTAssertEqual(dark, code[x, y], "module \(x),\(y)")
            }
        }
    }

    func testQRUsesDarkOnLightColours() throws {
        let theme = try ThemeCatalog(searchDirectories: []).theme(named: "default")
        XCTAssertEqual(theme[.qrCode].foreground, TerminalColor(themeValue: "#000000"))
        XCTAssertEqual(theme[.qrCode].background, TerminalColor(themeValue: "#ffffff"))
    }
}
