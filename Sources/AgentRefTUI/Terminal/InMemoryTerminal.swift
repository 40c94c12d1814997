/// A terminal that keeps frames in memory and replays queued input, for tests.
final class InMemoryTerminal: TerminalBackend {
    var size: TerminalSize
    var colorCapability: ColorCapability
    /// Input returned by `nextEvent`, first in first out.
    var pendingEvents: [TerminalEvent] = []
    /// The last frame drawn.
    private(set) var screen: CellBuffer
    private(set) var frameCount = 0
    /// Every out-of-band write, in order.
    private(set) var outOfBandWrites: [[UInt8]] = []
    private(set) var isRestored = false
    var terminationSignal: Int32?

    init(size: TerminalSize, colorCapability: ColorCapability = .palette256) {
        self.size = size
        self.colorCapability = colorCapability
        screen = CellBuffer(size: size)
    }

    func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        guard !pendingEvents.isEmpty else { return nil }

        let event = pendingEvents.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    func draw(_ buffer: CellBuffer) {
        screen = buffer
        frameCount += 1
    }

    func writeOutOfBand(_ bytes: [UInt8]) {
        outOfBandWrites.append(bytes)
    }

    func restore() {
        isRestored = true
    }

    /// The last frame as text lines.
    var lines: [String] { screen.textLines() }
}
