/// Splits text into lines of a given display width without dropping any character.
enum TextWrapper {
    /// Wraps `text` at spaces so that no line is wider than `width` columns. Line breaks
    /// in `text` start new lines; a word wider than `width` (a URL, an id) is split across
    /// lines rather than cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }

        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapParagraph(TextSanitizer.sanitize(String(paragraph)), width: width)
        }
    }

    /// Wraps `text` as a bullet point: `• ` before the first line and two spaces before the
    /// others, so every line is at most `width` columns.
    static func bullet(_ text: String, width: Int) -> [String] {
        wrap(text, width: max(1, width - 2)).enumerated().map { index, line in
            (index == 0 ? "• " : "  ") + line
        }
    }

    /// Splits `text` into pieces of exactly `width` columns (the last may be shorter),
    /// for values such as URLs where every character matters.
    static func breakByWidth(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }

        var lines: [String] = []
        var line = ""
        var used = 0
        for (character, characterWidth) in DisplayWidth.widths(of: TextSanitizer.sanitize(text)) {
            if used + characterWidth > width, !line.isEmpty {
                lines.append(line)
                line = ""
                used = 0
            }
            line.append(character)
            used += characterWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let wordWidth = DisplayWidth.of(word)
            let needed = used == 0 ? wordWidth : used + 1 + wordWidth
            if needed <= width {
                line += used == 0 ? word : " " + word
                used = needed
                continue
            }
            if used > 0 {
                lines.append(line)
                line = ""
                used = 0
            }
            if wordWidth <= width {
                line = word
                used = wordWidth
            } else {
                var pieces = breakByWidth(word, width: width)
                line = pieces.removeLast()
                used = DisplayWidth.of(line)
                lines += pieces
            }
        }
        lines.append(line)
        return lines
    }
}
