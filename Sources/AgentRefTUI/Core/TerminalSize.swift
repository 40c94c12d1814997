/// Size of the terminal in character cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest size the dashboard draws screens at. Below it, the dashboard requests a larger window.
    public static let minimum = TerminalSize(width: 40, height: 10)

    public var isBelowMinimum: Bool {
        width < Self.minimum.width || height < Self.minimum.height
    }

    /// For example `80×24`.
    public var description: String { "\(width)×\(height)" }
}
