/// Maps RGB theme colours to terminal palette indexes.
///
/// The 256-colour mapping uses the xterm palette's 6×6×6 colour cube (indexes 16–231)
/// and grey ramp (232–255), whose RGB values are fixed. Indexes 0–15 are avoided because
/// terminals give them different RGB values. The 8-colour mapping uses xterm's default
/// RGB for the ANSI colours 0–7. Nearest means smallest squared RGB distance.
public enum ColorPalette {
    /// Palette index for `color`, or -1 for the terminal's default colour (ncurses'
    /// convention after `use_default_colors`).
    public static func index(for color: TerminalColor, capability: ColorCapability) -> Int32 {
        guard case .rgb(let red, let green, let blue) = color else { return -1 }

        let target = (Int(red), Int(green), Int(blue))
        switch capability {
        case .none:
            return -1
        case .ansi8:
            return nearest(to: target, among: ansiColors)
        case .palette256:
            return nearest(to: target, among: xtermCandidates)
        }
    }

    /// Returns foreground and background indexes for a cell. On a small palette two theme
    /// colours that contrast well can land on palette entries that do not, even on the same
    /// entry. When the mapped pair's contrast ratio falls below `minimumMappedContrast`, the
    /// foreground becomes the palette's black or white, whichever contrasts more with the
    /// background, so text stays readable.
    public static func indexes(
        for style: CellStyle,
        capability: ColorCapability
    ) -> (foreground: Int32, background: Int32) {
        let foreground = index(for: style.foreground, capability: capability)
        let background = index(for: style.background, capability: capability)
        guard foreground >= 0, background >= 0,
              let foregroundRGB = rgb(of: foreground, capability: capability),
              let backgroundRGB = rgb(of: background, capability: capability) else { return (foreground, background) }

        let mapped = ContrastRatio.between(foregroundRGB, backgroundRGB) ?? 21
        guard mapped < minimumMappedContrast else { return (foreground, background) }

        let (black, white): (Int32, Int32) = capability == .ansi8 ? (0, 7) : (16, 231)
        let contrast = { (index: Int32) -> Double in
            rgb(of: index, capability: capability).flatMap { ContrastRatio.between($0, backgroundRGB) } ?? 0
        }
        return (contrast(black) >= contrast(white) ? black : white, background)
    }

    /// Contrast below which a mapped foreground is replaced by black or white. Lower than
    /// the 4.5 themes must meet, because palette colours only approximate theme colours.
    static let minimumMappedContrast = 3.0

    /// Returns the RGB value the mapping assumes for palette entry `index`.
    private static func rgb(of index: Int32, capability: ColorCapability) -> TerminalColor? {
        let candidates = capability == .ansi8 ? ansiColors : xtermCandidates
        guard let (_, value) = candidates.first(where: { $0.0 == index }) else { return nil }
        return .rgb(red: UInt8(value.0), green: UInt8(value.1), blue: UInt8(value.2))
    }

    private static func nearest(to target: (Int, Int, Int), among candidates: [(Int32, (Int, Int, Int))]) -> Int32 {
        var best: (index: Int32, distance: Int) = (candidates[0].0, Int.max)
        for (index, rgb) in candidates {
            let distance = square(rgb.0 - target.0) + square(rgb.1 - target.1) + square(rgb.2 - target.2)
            if distance < best.distance { best = (index, distance) }
        }
        return best.index
    }

    private static func square(_ value: Int) -> Int { value * value }

    /// xterm's default RGB values for ANSI colours 0–7.
    private static let ansiColors: [(Int32, (Int, Int, Int))] = [
        (0, (0, 0, 0)), (1, (205, 0, 0)), (2, (0, 205, 0)), (3, (205, 205, 0)),
        (4, (0, 0, 238)), (5, (205, 0, 205)), (6, (0, 205, 205)), (7, (229, 229, 229)),
    ]

    private static let xtermCandidates: [(Int32, (Int, Int, Int))] = {
        let levels = [0, 95, 135, 175, 215, 255]
        var candidates: [(Int32, (Int, Int, Int))] = []
        for red in 0..<6 {
            for green in 0..<6 {
                for blue in 0..<6 {
                    let index = Int32(16 + 36 * red + 6 * green + blue)
                    candidates.append((index, (levels[red], levels[green], levels[blue])))
                }
            }
        }
        for step in 0..<24 {
            let level = 8 + 10 * step
            candidates.append((Int32(232 + step), (level, level, level)))
        }
        return candidates
    }()
}
