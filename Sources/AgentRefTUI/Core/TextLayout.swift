/// Horizontal placement of text inside a column.
public enum TextAlignment: Hashable, Sendable {
    case left
    case right
    case center
}

/// Measuring, truncating and padding text by display width.
public enum TextLayout {
    /// Marks text that was shortened to fit.
    public static let ellipsis = "…"

    /// Returns `text` ending in one full stop: unchanged when it already ends in `.`, `!`,
    /// `?` or `…`, else with a full stop added. For messages from the server, which may
    /// or may not end their last sentence.
    public static func sentence(_ text: String) -> String {
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace {
            trimmed.removeLast()
        }
        guard let last = trimmed.last, !".!?…".contains(last) else { return String(trimmed) }
        return trimmed + "."
    }

    /// Returns `text` (sanitised) cut to at most `width` columns, ending in `…` when cut.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }

        let clean = TextSanitizer.sanitize(text)
        let measured = DisplayWidth.widths(of: clean)
        let total = measured.reduce(0) { $0 + $1.1 }
        guard total > width else { return clean }

        var result = ""
        var used = 0
        for (character, characterWidth) in measured {
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + ellipsis
    }

    /// Returns `text` truncated to `width` and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignment: TextAlignment = .left) -> String {
        let truncated = truncate(text, toWidth: width)
        let padding = max(0, width - DisplayWidth.of(truncated))
        switch alignment {
        case .left:
            return truncated + String(repeating: " ", count: padding)
        case .right:
            return String(repeating: " ", count: padding) + truncated
        case .center:
            let left = padding / 2
            return String(repeating: " ", count: left) + truncated + String(repeating: " ", count: padding - left)
        }
    }
}
