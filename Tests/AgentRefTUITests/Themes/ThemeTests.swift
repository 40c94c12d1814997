@testable import AgentRefTUI
import XCTest

final class ThemeTests: XCTestCase {
    private static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    private func themeFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: Self.themesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private func loadValid(_ json: String) throws -> Theme {
        try ThemeLoader.load(data: Data(json.utf8), source: "test.json")
    }

    private func rejection(_ json: String) -> ThemeError? {
        do {
            _ = try loadValid(json)
            return nil
        } catch let error as ThemeError {
            return error
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    /// Returns the default theme's JSON with `change` applied to its object.
    private func defaultThemeJSON(_ change: (inout [String: Any]) -> Void) throws -> String {
        let data = Data(BuiltInThemes.files["default"]!.utf8)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&object)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func testEveryThemeFileLoads() throws {
        let files = try themeFiles()
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for file in files {
            XCTAssertNoThrow(try ThemeLoader.load(contentsOf: file), file.lastPathComponent)
        }
    }

    func testShippedThemesExist() throws {
        let names = try themeFiles().map { $0.deletingPathExtension().lastPathComponent }
        for name in ["default", "light", "high-contrast", "monochrome"] {
            XCTAssertTrue(names.contains(name), "themes/\(name).json is missing")
        }
    }

    func testThemeNameMatchesFileName() throws {
        for file in try themeFiles() {
            let theme = try ThemeLoader.load(contentsOf: file)
            XCTAssertEqual(theme.name, file.deletingPathExtension().lastPathComponent)
        }
    }

    func testBuiltInThemesMatchFiles() throws {
        for name in BuiltInThemes.names {
            let fromFile = try ThemeLoader.load(contentsOf: Self.themesDirectory.appendingPathComponent("\(name).json"))
            let builtIn = try ThemeLoader.load(data: Data(BuiltInThemes.files[name]!.utf8), source: name)
            XCTAssertEqual(builtIn, fromFile, "BuiltInThemes.swift is out of date for \(name)")
        }
    }

    func testDefaultThemeIsDark() throws {
        let theme = try ThemeCatalog(searchDirectories: []).theme(named: "default")
        let luminance = try XCTUnwrap(ContrastRatio.relativeLuminance(theme[.base].background))
        XCTAssertLessThan(luminance, 0.1)
    }

    func testColourThemesHaveReadableText() throws {
        for file in try themeFiles() {
            let theme = try ThemeLoader.load(contentsOf: file)
            guard theme.usesColor else { continue }
            for role in ThemeRole.allCases {
                let style = theme[role]
                let ratio = try XCTUnwrap(ContrastRatio.between(style.foreground, style.background),
                                          "\(theme.name).\(role) uses a default colour")
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(theme.name).\(role) contrast \(ratio)")
            }
        }
    }

    func testStatusColoursAreReadableOnStatusBar() throws {
        for file in try themeFiles() {
            let theme = try ThemeLoader.load(contentsOf: file)
            guard theme.usesColor else { continue }
            for role in [ThemeRole.success, .warning, .danger, .muted] {
                let ratio = try XCTUnwrap(ContrastRatio.between(theme[role].foreground, theme[.statusBar].background))
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(theme.name).\(role) on statusBar: \(ratio)")
            }
            let header = try XCTUnwrap(ContrastRatio.between(theme[.header].foreground, theme[.dialog].background))
            XCTAssertGreaterThanOrEqual(header, 4.5, "\(theme.name).header on dialog: \(header)")
        }
    }

    func testKeyHintsShareDialogBackground() throws {
        for file in try themeFiles() {
            let theme = try ThemeLoader.load(contentsOf: file)
            XCTAssertEqual(theme[.keyHint].background, theme[.dialog].background, theme.name)
            XCTAssertEqual(theme[.disabled].background, theme[.dialog].background, theme.name)
        }
    }

    func testMonochromeUsesAttributesOnly() throws {
        let theme = try ThemeCatalog(searchDirectories: []).theme(named: "monochrome")
        XCTAssertFalse(theme.usesColor)
        XCTAssertTrue(theme[.selection].attributes.contains(.reverse))
        XCTAssertNotEqual(theme[.danger], theme[.base])
        XCTAssertNotEqual(theme[.success], theme[.base])
    }

    func testMissingStyleIsNamed() throws {
        let json = try defaultThemeJSON { object in
            var styles = object["styles"] as! [String: Any]
            styles.removeValue(forKey: "selection")
            object["styles"] = styles
        }
        let error = rejection(json)
        XCTAssertEqual(error?.field, "styles.selection")
        XCTAssertTrue(error?.description.contains("missing") ?? false)
    }

    func testInvalidColourIsNamed() throws {
        let json = try defaultThemeJSON { object in
            var styles = object["styles"] as! [String: Any]
            styles["header"] = ["foreground": "#12345g"]
            object["styles"] = styles
        }
        let error = rejection(json)
        XCTAssertEqual(error?.field, "styles.header.foreground")
        XCTAssertTrue(error?.message.contains("\"#12345g\"") ?? false)
        XCTAssertTrue(error?.message.contains("#RRGGBB") ?? false)
    }

    func testMisspeltStyleIsRejected() throws {
        let json = try defaultThemeJSON { object in
            var styles = object["styles"] as! [String: Any]
            styles["selction"] = ["bold": true]
            object["styles"] = styles
        }
        XCTAssertEqual(rejection(json)?.field, "styles.selction")
    }

    func testUnknownStyleFieldIsRejected() throws {
        let json = try defaultThemeJSON { object in
            var styles = object["styles"] as! [String: Any]
            styles["title"] = ["foreground": "#ffffff", "italic": true]
            object["styles"] = styles
        }
        XCTAssertEqual(rejection(json)?.field, "styles.title.italic")
    }

    func testNonBooleanAttributeIsRejected() throws {
        let json = try defaultThemeJSON { object in
            var styles = object["styles"] as! [String: Any]
            styles["title"] = ["bold": "yes"]
            object["styles"] = styles
        }
        XCTAssertEqual(rejection(json)?.field, "styles.title.bold")
    }

    func testMissingNameIsRejected() throws {
        let json = try defaultThemeJSON { $0.removeValue(forKey: "name") }
        XCTAssertEqual(rejection(json)?.field, "name")
    }

    func testInvalidJSONIsRejectedWithSource() {
        let error = rejection("{ \"name\": ")
        XCTAssertEqual(error?.source, "test.json")
        XCTAssertTrue(error?.message.contains("not valid JSON") ?? false)
    }

    func testOmittedColoursInheritBase() throws {
        let theme = try ThemeCatalog(searchDirectories: []).theme(named: "default")
        XCTAssertEqual(theme[.header].background, theme[.base].background)
    }

    func testUnknownThemeNameListsAvailableThemes() {
        XCTAssertThrowsError(try ThemeCatalog(searchDirectories: []).theme(named: "solarized")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("solarized"))
            XCTAssertTrue(text.contains("high-contrast"))
        }
    }

    func testThemeFileInSearchDirectoryWins() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try defaultThemeJSON { $0["name"] = "custom" }
        try json.write(to: directory.appendingPathComponent("default.json"), atomically: true, encoding: .utf8)

        let theme = try ThemeCatalog(searchDirectories: [directory]).theme(named: "default")
        XCTAssertEqual(theme.name, "custom")
    }

    func testNoColorSelectsMonochrome() throws {
        let theme = try ThemeCatalog(searchDirectories: []).resolve(requestedName: nil, environment: ["NO_COLOR": "1"],
                                                                    capability: .palette256)
        XCTAssertEqual(theme.name, "monochrome")
    }

    func testEmptyNoColorIsIgnored() throws {
        let theme = try ThemeCatalog(searchDirectories: []).resolve(requestedName: nil, environment: ["NO_COLOR": ""],
                                                                    capability: .palette256)
        XCTAssertEqual(theme.name, "default")
    }

    func testExplicitThemeOverridesNoColor() throws {
        let theme = try ThemeCatalog(searchDirectories: []).resolve(requestedName: "light", environment: ["NO_COLOR": "1"],
                                                                    capability: .palette256)
        XCTAssertEqual(theme.name, "light")
    }

    func testTerminalWithoutColourGetsMonochrome() throws {
        let theme = try ThemeCatalog(searchDirectories: []).resolve(requestedName: "light", environment: [:], capability: .none)
        XCTAssertEqual(theme.name, "monochrome")
    }
}
