/// A theme file that cannot be used, with the field at fault.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Origin of the theme: a file path or a built-in theme's name.
    public var source: String
    /// Dotted path of the bad field, such as `styles.selection.foreground`; empty when the
    /// whole file is at fault.
    public var field: String
    public var message: String

    public init(source: String, field: String, message: String) {
        self.source = source
        self.field = field
        self.message = message
    }

    /// For example `theme themes/x.json: styles.base.foreground: invalid colour "#12"; …`.
    public var description: String {
        let location = field.isEmpty ? "" : "\(field): "
        return "theme \(source): \(location)\(message)"
    }
}
