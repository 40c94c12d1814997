/// A mouse action the terminal reported, at a cell counted from the top left (0, 0).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The left button went down.
        case press
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    /// Column of the pointer.
    public var x: Int
    /// Row of the pointer.
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
