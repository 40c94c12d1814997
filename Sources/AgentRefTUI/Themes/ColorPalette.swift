/// Maps RGB theme colours to terminal palette indexes.
///
/// The 256-colour mapping uses the xterm palette's 6×6×6 colour cube (indexes 16–231)
/// and grey ramp (232–255), whose RGB values are fixed. Indexes 0–15 are avoided because
/// terminals give them different RGB values. The 8-colour mapping uses xterm's default
/// RGB for the ANSI colours 0–7. Nearest means smallest squared RGB distance, except for
/// the text colour of a cell on 8 colours, which keeps its hue (see `indexes`).
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

    /// Returns foreground and background indexes for a cell.
    ///
    /// On 8 colours a coloured text colour maps to the ANSI colour of the nearest hue. The
    /// nearest RGB value would be white or black for light or dark shades, whereas this
    /// keeps green, yellow and red text (success, warning, danger) green, yellow and red.
    /// On a small palette two theme colours that contrast well can land on palette
    /// entries that do not. When the mapped pair's contrast ratio falls below
    /// `minimumMappedContrast`, a hue-mapped text colour becomes the background and the
    /// text black or white (the look of reverse video), so the colour still shows; any
    /// other foreground becomes black or white, whichever contrasts more.
    public static func indexes(
        for style: CellStyle,
        capability: ColorCapability
    ) -> (foreground: Int32, background: Int32) {
        let hue = capability == .ansi8 ? ansiHueIndex(for: style.foreground) : nil
        let foreground = hue ?? index(for: style.foreground, capability: capability)
        let background = index(for: style.background, capability: capability)
        guard foreground >= 0, background >= 0,
              let foregroundRGB = rgb(of: foreground, capability: capability),
              let backgroundRGB = rgb(of: background, capability: capability) else { return (foreground, background) }

        let mapped = ContrastRatio.between(foregroundRGB, backgroundRGB) ?? 21
        guard mapped < minimumMappedContrast else { return (foreground, background) }

        if let hue {
            return (blackOrWhite(against: foregroundRGB, capability: capability), hue)
        }
        return (blackOrWhite(against: backgroundRGB, capability: capability), background)
    }

    /// Returns the palette's black or white, whichever contrasts more with `color`.
    private static func blackOrWhite(against color: TerminalColor, capability: ColorCapability) -> Int32 {
        let (black, white): (Int32, Int32) = capability == .ansi8 ? (0, 7) : (16, 231)
        let contrast = { (index: Int32) -> Double in
            rgb(of: index, capability: capability).flatMap { ContrastRatio.between($0, color) } ?? 0
        }
        return contrast(black) >= contrast(white) ? black : white
    }

    /// Returns the ANSI colour (1–6) whose hue is nearest to `color`'s, or nil for the
    /// terminal default and for colours too grey to have a clear hue (chroma below
    /// `minimumChroma` or HSV saturation below `minimumSaturation`). On a tie the
    /// earlier entry of `ansiHues` wins, so violet goes to magenta, which reads on black.
    static func ansiHueIndex(for color: TerminalColor) -> Int32? {
        guard case .rgb(let red, let green, let blue) = color else { return nil }

        let (r, g, b) = (Double(red), Double(green), Double(blue))
        let maximum = max(r, g, b)
        let chroma = maximum - min(r, g, b)
        guard chroma >= minimumChroma, chroma / maximum >= minimumSaturation else { return nil }

        let sector: Double = switch maximum {
        case r: (g - b) / chroma
        case g: (b - r) / chroma + 2
        default: (r - g) / chroma + 4
        }
        let hue = (60 * sector + 360).truncatingRemainder(dividingBy: 360)
        let distance = { (other: Double) -> Double in
            let difference = abs(hue - other)
            return min(difference, 360 - difference)
        }
        return ansiHues.min { distance($0.hue) < distance($1.hue) }?.index
    }

    /// Hues in degrees of the ANSI colours 1–6, magenta before blue for ties.
    private static let ansiHues: [(index: Int32, hue: Double)] = [
        (1, 0), (3, 60), (2, 120), (6, 180), (5, 300), (4, 240),
    ]
    /// Chroma (largest minus smallest RGB component, 0–255) from which a colour has a hue.
    static let minimumChroma = 48.0
    /// HSV saturation from which a colour has a hue.
    static let minimumSaturation = 0.3

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
