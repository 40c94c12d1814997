/// Shown instead of any screen while the terminal is below `TerminalSize.minimum`.
enum TooSmallScreen {
    static func render(size: TerminalSize, theme: Theme, into buffer: inout CellBuffer) {
        let minimum = TerminalSize.minimum
        let text = "Terminal too small: \(size)\nThe dashboard needs at least \(minimum).\n"
            + "Enlarge the window, or press q to quit."
        let width = max(1, size.width - 2)
        let lines = TextWrapper.wrap(text, width: width)
        let area = buffer.bounds.centered(width: width, height: lines.count)
        for (offset, line) in lines.prefix(area.height).enumerated() {
            let centered = TextLayout.fit(line, width: area.width, alignment: .center)
            buffer.write(centered, x: area.x, y: area.y + offset, style: theme[offset == 0 ? .warning : .base])
        }
    }
}
