/// A modal dialog: framed, centred, with wrapped paragraphs and a line of key choices.
struct DialogView {
    var title: String
    /// Paragraphs and the role each is drawn in; an empty text makes a blank line.
    var paragraphs: [(text: String, role: ThemeRole)]
    /// The keys the dialog accepts, such as `y/Enter disconnect · n/Esc cancel`.
    var choices: String

    static let maxWidth = 72

    /// Draws the dialog centred in `area`, wrapping text to the dialog's width.
    func render(in area: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let width = min(area.width, Self.maxWidth)
        let textWidth = max(1, width - 4)
        var lines: [(String, ThemeRole)] = []
        for paragraph in paragraphs {
            let wrapped = paragraph.text.isEmpty ? [""] : TextWrapper.wrap(paragraph.text, width: textWidth)
            lines += wrapped.map { ($0, paragraph.role) }
        }
        let choiceLines = TextWrapper.wrap(choices, width: textWidth)
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
}
