import AgentRefDomain
import Foundation

/// Reads and validates theme files.
///
/// A theme file is a JSON object:
/// ```json
/// {
///   "name": "default",
///   "description": "Light text on a dark background.",
///   "styles": {
///     "base": { "foreground": "#d0d0d0", "background": "#1c1c1c" },
///     "selection": { "foreground": "#000000", "background": "#87afd7", "bold": true },
///     …
///   }
/// }
/// ```
/// `styles` must name every `ThemeRole`. A style has optional `foreground` and
/// `background` (`"#RRGGBB"`, or `"default"` for the terminal's own colour) and optional
/// booleans `bold`, `dim`, `underline` and `reverse`. A colour a style leaves out is taken
/// from `base`. Unknown fields are rejected, so a misspelt role does not pass silently.
public enum ThemeLoader {
    /// Loads and validates the theme file at `url`.
    ///
    /// - Throws: `ThemeError` naming the file and the bad field.
    public static func load(contentsOf url: URL) throws -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ThemeError(source: url.path, field: "", message: "cannot be read: \(error.localizedDescription)")
        }
        return try load(data: data, source: url.path)
    }

    /// Parses and validates a theme.
    ///
    /// - Parameter source: The file path or name to quote in errors.
    /// - Throws: `ThemeError` naming `source` and the bad field.
    public static func load(data: Data, source: String) throws -> Theme {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ThemeError(source: source, field: "", message: "is not valid JSON: \(error.localizedDescription)")
        }

        var parser = ThemeParser(source: source)
        return try parser.parseTheme(document)
    }
}

/// The validation steps of `ThemeLoader`, carrying the source for error messages.
private struct ThemeParser {
    let source: String

    private static let topLevelKeys: Set<String> = ["name", "description", "styles"]
    private static let styleKeys: Set<String> = ["foreground", "background", "bold", "dim", "underline", "reverse"]

    mutating func parseTheme(_ document: JSONValue) throws -> Theme {
        guard let members = document.objectValue else {
            throw error("", "must be a JSON object with \"name\" and \"styles\"")
        }
        try rejectUnknownKeys(members, allowed: Self.topLevelKeys, path: "")

        let name = try requiredString(members["name"], path: "name")
        let description = try optionalString(members["description"], path: "description") ?? ""
        guard let styleMembers = members["styles"]?.objectValue else {
            throw error("styles", "missing or not an object; it maps each style name to a style")
        }

        let styles = try parseStyles(styleMembers)
        return Theme(name: name, description: description, styles: styles)
    }

    private func parseStyles(_ members: [String: JSONValue]) throws -> [ThemeRole: CellStyle] {
        for key in members.keys.sorted() where ThemeRole(rawValue: key) == nil {
            throw error("styles.\(key)", "unknown style; known styles are \(Self.roleList)")
        }
        for role in ThemeRole.allCases where members[role.rawValue] == nil {
            throw error("styles.\(role.rawValue)", "missing; a theme defines every style: \(Self.roleList)")
        }

        let base = try parseStyle(members[ThemeRole.base.rawValue]!, path: "styles.base", inheriting: nil)
        var styles: [ThemeRole: CellStyle] = [.base: base]
        for role in ThemeRole.allCases where role != .base {
            let path = "styles.\(role.rawValue)"
            styles[role] = try parseStyle(members[role.rawValue]!, path: path, inheriting: base)
        }
        return styles
    }

    private func parseStyle(_ value: JSONValue, path: String, inheriting base: CellStyle?) throws -> CellStyle {
        guard let members = value.objectValue else {
            throw error(path, "must be an object such as {\"foreground\": \"#d0d0d0\", \"bold\": true}")
        }
        try rejectUnknownKeys(members, allowed: Self.styleKeys, path: path)

        var style = CellStyle()
        let foreground = try color(members["foreground"], path: "\(path).foreground")
        let background = try color(members["background"], path: "\(path).background")
        style.foreground = foreground ?? base?.foreground ?? .terminalDefault
        style.background = background ?? base?.background ?? .terminalDefault

        let flags: [(String, TextAttributes)] = [
            ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse),
        ]
        for (key, attribute) in flags {
            if try flag(members[key], path: "\(path).\(key)") { style.attributes.insert(attribute) }
        }
        return style
    }

    private func color(_ value: JSONValue?, path: String) throws -> TerminalColor? {
        guard let value else { return nil }
        guard let text = value.stringValue, let color = TerminalColor(themeValue: text) else {
            throw error(path, "invalid colour \(Self.quote(value)); expected \"#RRGGBB\" or \"default\"")
        }
        return color
    }

    private func flag(_ value: JSONValue?, path: String) throws -> Bool {
        guard let value else { return false }
        guard let flag = value.boolValue else {
            throw error(path, "must be true or false, not \(Self.quote(value))")
        }
        return flag
    }

    private func requiredString(_ value: JSONValue?, path: String) throws -> String {
        guard let text = try optionalString(value, path: path), !text.isEmpty else {
            throw error(path, "missing or empty; it must be a non-empty string")
        }
        return text
    }

    private func optionalString(_ value: JSONValue?, path: String) throws -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw error(path, "must be a string, not \(Self.quote(value))")
        }
        return text
    }

    private func rejectUnknownKeys(_ members: [String: JSONValue], allowed: Set<String>, path: String) throws {
        for key in members.keys.sorted() where !allowed.contains(key) {
            let field = path.isEmpty ? key : "\(path).\(key)"
            throw error(field, "unknown field; allowed fields are \(allowed.sorted().joined(separator: ", "))")
        }
    }

    private func error(_ field: String, _ message: String) -> ThemeError {
        ThemeError(source: source, field: field, message: message)
    }

    private static var roleList: String {
        ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
    }

    private static func quote(_ value: JSONValue) -> String {
        let encoded = try? JSONEncoder().encode(value)
        return encoded.flatMap { String(data: $0, encoding: .utf8) } ?? "the given value"
    }
}
