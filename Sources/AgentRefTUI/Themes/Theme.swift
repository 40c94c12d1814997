/// A complete, validated set of styles, one per `ThemeRole`.
///
/// Themes come from JSON files (see `ThemeLoader`); every role is present after loading,
/// with colours that a role leaves out taken from `base`.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    private var styles: [ThemeRole: CellStyle]

    /// - Precondition: `styles` has an entry for every role.
    init(name: String, description: String, styles: [ThemeRole: CellStyle]) {
        precondition(ThemeRole.allCases.allSatisfy { styles[$0] != nil }, "theme \(name) lacks a role")
        self.name = name
        self.description = description
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> CellStyle {
        styles[role] ?? .plain
    }

    /// True when any role sets an RGB colour; false for attribute-only themes.
    public var usesColor: Bool {
        styles.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }
}
