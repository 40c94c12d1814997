/// How many colours the terminal can show, which decides how theme colours are mapped.
public enum ColorCapability: Hashable, Sendable {
    /// No colour at all, or colour switched off with `NO_COLOR`: attributes only.
    case none
    /// The eight ANSI colours.
    case ansi8
    /// The xterm 256-colour palette.
    case palette256
}
