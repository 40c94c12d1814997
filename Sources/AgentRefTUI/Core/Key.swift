/// A key press, decoded from the terminal's input.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case character(Character)
    /// A letter pressed with Control, stored lower-case: Ctrl-C is `.control("c")`.
    case control(Character)
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    case enter
    case escape
    case backspace
    case delete
    case tab

    /// The key as help and the key hint bar name it, for example `k`, `↑`, `Enter` or `Ctrl-C`.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "Ctrl-\(letter.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        }
    }
}
