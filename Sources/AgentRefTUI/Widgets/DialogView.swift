/// A modal dialog: framed, centred, with wrapped paragraphs and a line of key choices.
struct DialogView {
    var title: String
    /// Paragraphs and the role each is drawn in; an empty text makes a blank line.
    var paragraphs: [(text: String, role: ThemeRole)]
    /// Shorter paragraphs for when `paragraphs` do not fit; nil when there are none.
    var compactParagraphs: [(text: String, role: ThemeRole)]?
    /// The keys the dialog accepts, such as `y/Enter disconnect · n/Esc cancel`.
    var choices: String

    static let maxWidth = 72
    /// Ends the last line shown when the text does not fit.
    static let moreMark = "more… (enlarge the terminal)"

    init(title: String, paragraphs: [(text: String, role: ThemeRole)],
         compactParagraphs: [(text: String, role: ThemeRole)]? = nil, choices: String) {
        self.title = title
        self.paragraphs = paragraphs
        self.compactParagraphs = compactParagraphs
        self.choices = choices
    }

    /// Draws the dialog centred in `area`, wrapping text to the dialog's width. When the
    /// text does not fit, the compact paragraphs take its place, and when they do not fit
    /// either, the last row shown is `moreMark`.
    func render(in area: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let width = min(area.width, Self.maxWidth)
        let textWidth = max(1, width - 4)
        let choiceLines = TextWrapper.wrap(choices, width: textWidth)
        // Borders, the blank row above the choices, and the choices.
        let textRows = max(0, area.height - 3 - choiceLines.count)
        let lines = fittedLines(width: textWidth, rows: textRows)
        let height = min(area.height, lines.count + choiceLines.count + 3)

        let frame = area.centered(width: width, height: height)
        let inside = BoxView.render(title: title, in: frame, theme: theme, into: &buffer)
        let (textArea, choiceArea) = inside.splitBottom(choiceLines.count)
        for (offset, line) in lines.prefix(max(0, textArea.height - 1)).enumerated() {
            buffer.write(line.0, x: textArea.x, y: textArea.y + offset, maxWidth: textArea.width, style: theme[line.1])
        }
        for (offset, line) in choiceLines.enumerated() {
            buffer.write(line, x: choiceArea.x, y: choiceArea.y + offset, maxWidth: choiceArea.width,
                         style: theme[.dialog].adding(.bold))
        }
    }

    /// Returns the wrapped lines to draw in `rows` rows: the full paragraphs, else the
    /// compact ones, else the first of either that fit with `moreMark` on the last row.
    private func fittedLines(width: Int, rows: Int) -> [(String, ThemeRole)] {
        let full = Self.wrap(paragraphs, width: width)
        guard full.count > rows, rows > 0 else { return full }

        let shorter = compactParagraphs.map { Self.wrap($0, width: width) } ?? full
        guard shorter.count > rows else { return shorter }

        return Array(shorter.prefix(rows - 1)) + [(TextLayout.truncate(Self.moreMark, toWidth: width), .muted)]
    }

    private static func wrap(_ paragraphs: [(text: String, role: ThemeRole)], width: Int) -> [(String, ThemeRole)] {
        paragraphs.flatMap { paragraph in
            let wrapped = paragraph.text.isEmpty ? [""] : TextWrapper.wrap(paragraph.text, width: width)
            return wrapped.map { ($0, paragraph.role) }
        }
    }
}
