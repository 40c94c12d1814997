/// Draws a `QRCode` with half-block characters, two modules per cell vertically.
struct QRCodeView {
    var code: QRCode

    /// Light modules around the code, the 4 that the QR specification requires.
    static let quietZone = 4

    /// Cells the drawing needs.
    var size: TerminalSize {
        let modules = code.size + 2 * Self.quietZone
        return TerminalSize(width: modules, height: (modules + 1) / 2)
    }

    /// Draws the code with its top-left corner at `origin`. Dark modules take the
    /// `qrCode` style's foreground and light ones its background.
    func render(at origin: (x: Int, y: Int), theme: Theme, into buffer: inout CellBuffer) {
        let style = theme[.qrCode]
        let quiet = Self.quietZone
        for row in 0..<size.height {
            var line = ""
            for column in 0..<size.width {
                let x = column - quiet
                let top = code[x, 2 * row - quiet]
                let bottom = code[x, 2 * row + 1 - quiet]
                line.append(Self.glyph(top: top, bottom: bottom))
            }
            buffer.write(line, x: origin.x, y: origin.y + row, style: style)
        }
    }

    private static func glyph(top: Bool, bottom: Bool) -> Character {
        switch (top, bottom) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }
}
