import Foundation

/// WCAG 2.x contrast ratio between two colours, from 1 (same) to 21 (black on white).
/// WCAG requires at least 4.5 for normal text.
public enum ContrastRatio {
    /// Computes the ratio of `first` and `second`, or nil when either is the terminal's
    /// default colour, whose RGB value is unknown.
    public static func between(_ first: TerminalColor, _ second: TerminalColor) -> Double? {
        guard let lighter = relativeLuminance(first), let darker = relativeLuminance(second) else { return nil }
        return (max(lighter, darker) + 0.05) / (min(lighter, darker) + 0.05)
    }

    /// Relative luminance as WCAG defines it, from sRGB channels.
    static func relativeLuminance(_ color: TerminalColor) -> Double? {
        guard case .rgb(let red, let green, let blue) = color else { return nil }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    private static func linear(_ channel: UInt8) -> Double {
        let value = Double(channel) / 255
        return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
}
