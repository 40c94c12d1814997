import CNCursesW
import Glibc

/// Columns a character or string takes on a terminal, from the C library's `wcwidth`.
///
/// `wcwidth` depends on the locale, so it is called under a UTF-8 locale (`C.UTF-8`) set
/// for the calling thread only, and the process locale is left alone. Grapheme clusters
/// are measured as a whole. A cluster with U+FE0F (emoji presentation) or a pair of
/// regional indicators (a flag) is 2 columns, as terminals draw them. Any other cluster is
/// as wide as its widest scalar, so combining marks add nothing.
public enum DisplayWidth {
    /// Columns of `character`: 0, 1 or 2. Control characters count as 0; sanitise first.
    public static func of(_ character: Character) -> Int {
        withUTF8Locale { widthInCurrentLocale(character) }
    }

    /// Columns of `text`, the sum of its characters' widths.
    public static func of(_ text: String) -> Int {
        withUTF8Locale {
            text.reduce(0) { $0 + widthInCurrentLocale($1) }
        }
    }

    /// Widths of each character of `text`, measured under one locale switch.
    static func widths(of text: String) -> [(Character, Int)] {
        withUTF8Locale {
            text.map { ($0, widthInCurrentLocale($0)) }
        }
    }

    private static func widthInCurrentLocale(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }

        let regionalIndicators = scalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }.count
        if regionalIndicators >= 2 { return 2 }

        return scalars.reduce(0) { max($0, scalarWidth($1)) }
    }

    private static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return 0 }
        guard utf8Locale != nil else { return fallbackWidth(scalar) }

        let width = Int(agentref_wcwidth(wchar_t(bitPattern: scalar.value)))
        // wcwidth returns -1 for unassigned code points; a terminal still gives them a cell.
        return width < 0 ? 1 : min(width, 2)
    }

    /// Width when no UTF-8 locale exists: East Asian wide blocks and emoji count as 2.
    private static func fallbackWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        if scalar.properties.generalCategory == .enclosingMark { return 0 }

        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    private static func withUTF8Locale<T>(_ body: () -> T) -> T {
        guard let locale = utf8Locale else { return body() }

        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    /// Created once and never freed; `locale_t` is safe to use from any thread.
    nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
}
