@testable import AgentRefTUI
import XCTest

/// On an 8-colour terminal (TERM=xterm) every shipped theme keeps success, warning and
/// danger apart and in their own colours: green, yellow and red.
final class EightColourRolesTests: XCTestCase {
    private let catalog = ThemeCatalog(searchDirectories: [])
    private let green: Int32 = 2
    private let yellow: Int32 = 3
    private let red: Int32 = 1

    /// How a cell of `role` looks on 8 colours over the background of `surface`: palette
    /// indexes and attributes, as the terminal draws it.
    private struct Look: Hashable, CustomStringConvertible {
        var foreground: Int32
        var background: Int32
        var attributes: TextAttributes

        var description: String { "fg \(foreground) bg \(background) \(attributes)" }
    }

    private func look(_ role: ThemeRole, on surface: ThemeRole, in theme: Theme) -> Look {
        let style = CellStyle(foreground: theme[role].foreground, background: theme[surface].background,
                              attributes: theme[role].attributes)
        let (foreground, background) = ColorPalette.indexes(for: style, capability: .ansi8)
        return Look(foreground: foreground, background: background, attributes: style.attributes)
    }

    /// Backgrounds that status text is drawn on: the screen, the status line and dialogs.
    private let surfaces: [ThemeRole] = [.base, .statusBar, .dialog]

    func testStatusRolesStayDistinctInEveryTheme() throws {
        for name in catalog.availableNames() {
            let theme = try catalog.theme(named: name)
            for surface in surfaces {
                let success = look(.success, on: surface, in: theme)
                let warning = look(.warning, on: surface, in: theme)
                let danger = look(.danger, on: surface, in: theme)
                let context = "\(name) on \(surface): success \(success), warning \(warning), danger \(danger)"
                XCTAssertNotEqual(success, danger, context)
                XCTAssertNotEqual(success, warning, context)
                XCTAssertNotEqual(warning, danger, context)
            }
        }
    }

    func testStatusRolesKeepTheirColoursInColourThemes() throws {
        for name in catalog.availableNames() {
            let theme = try catalog.theme(named: name)
            guard theme.usesColor else { continue }

            for surface in surfaces {
                let expected: [(ThemeRole, Int32)] = [(.success, green), (.warning, yellow), (.danger, red)]
                for (role, colour) in expected {
                    let drawn = look(role, on: surface, in: theme)
                    XCTAssertTrue(drawn.foreground == colour || drawn.background == colour,
                                  "\(name) \(role) on \(surface) is \(drawn), expected colour \(colour)")
                }
            }
        }
    }

    func testLowContrastStatusColourIsReversed() throws {
        let theme = try catalog.theme(named: "light")
        let success = look(.success, on: .base, in: theme)
        XCTAssertEqual(success.background, green)
        XCTAssertEqual(success.foreground, 0, "black text on green")
    }

    func testGreysKeepNearestMapping() {
        XCTAssertNil(ColorPalette.ansiHueIndex(for: TerminalColor(themeValue: "#a8a8a8")!))
        XCTAssertNil(ColorPalette.ansiHueIndex(for: TerminalColor(themeValue: "#1c1c1c")!))
        XCTAssertNil(ColorPalette.ansiHueIndex(for: .terminalDefault))
    }

    func testHuesMapToAnsiColours() {
        XCTAssertEqual(ColorPalette.ansiHueIndex(for: TerminalColor(themeValue: "#87d787")!), green)
        XCTAssertEqual(ColorPalette.ansiHueIndex(for: TerminalColor(themeValue: "#ffd75f")!), yellow)
        XCTAssertEqual(ColorPalette.ansiHueIndex(for: TerminalColor(themeValue: "#ff8787")!), red)
        XCTAssertEqual(ColorPalette.ansiHueIndex(for: TerminalColor(themeValue: "#875f00")!), yellow)
        XCTAssertEqual(ColorPalette.ansiHueIndex(for: TerminalColor(themeValue: "#d7afff")!), 5)
    }

    func testTwoHundredFiftySixColoursAreUnchanged() throws {
        let theme = try catalog.theme(named: "default")
        let indexes = ColorPalette.indexes(for: theme[.success], capability: .palette256)
        XCTAssertEqual(indexes.foreground, ColorPalette.index(for: theme[.success].foreground, capability: .palette256))
    }
}
