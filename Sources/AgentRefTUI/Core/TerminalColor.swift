/// A colour as screens ask for it. The terminal layer maps RGB values to the nearest
/// entry of the palette the terminal has (256 or 8 colours), so screens never deal with
/// palette indexes.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case terminalDefault
    case rgb(red: UInt8, green: UInt8, blue: UInt8)
}
