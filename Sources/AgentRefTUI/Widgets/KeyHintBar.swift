/// The bottom row: keys of the active contexts with short labels, from the binding table.
enum KeyHintBar {
    /// One hint as drawn: its binding, its label and the columns it covers.
    struct Placement {
        var binding: KeyBinding
        var label: String
        var columns: Range<Int>
    }

    /// Draws the hints that fit. A binding unusable in `state` is drawn in the `disabled` style.
    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        buffer.fill(rect, style: theme[.footer])

        for placement in placements(state, in: rect) {
            let isDisabled = placement.binding.disabledReason(state) != nil
            let keyStyle = isDisabled ? theme[.disabled] : theme[.keyHint]
            let labelStyle = isDisabled ? theme[.disabled] : theme[.footer]
            let x = placement.columns.lowerBound
            let keyWidth = buffer.write(placement.binding.keys[0].displayName, x: x, y: rect.y,
                                        maxWidth: rect.maxX - x, style: keyStyle)
            buffer.write(" \(placement.label)", x: x + keyWidth, y: rect.y, maxWidth: rect.maxX - x - keyWidth,
                         style: labelStyle)
        }
    }

    /// Places the hints that fit in `rect`, left to right. When some had to be dropped,
    /// the help hint reads `more`, because help lists them all.
    static func placements(_ state: AppState, in rect: Rect) -> [Placement] {
        let all = KeyBindings.footerBindings(in: state)
        let kept = fitting(all, width: rect.width - 1)
        let dropsSome = kept.count < all.count

        var x = rect.x + 1
        return kept.map { binding in
            let label = dropsSome && binding.action == .toggleHelp && binding.hint == "help" ? "more" : binding.hint
            let width = DisplayWidth.of(binding.keys[0].displayName) + 1 + DisplayWidth.of(label)
            defer { x += width + 2 }
            return Placement(binding: binding, label: label, columns: x..<(x + width))
        }
    }

    /// Drops `secondary` bindings and then `primary` ones, each from the end, until the
    /// hints fit in `width`. Only when nothing else is left do `always` ones go, from the front.
    static func fitting(_ bindings: [KeyBinding], width: Int) -> [KeyBinding] {
        var kept = bindings
        for slot in [FooterSlot.secondary, .primary] {
            while totalWidth(kept) > width, let index = kept.lastIndex(where: { $0.footer == slot }) {
                kept.remove(at: index)
            }
        }
        while totalWidth(kept) > width, !kept.isEmpty {
            kept.removeFirst()
        }
        return kept
    }

    /// Columns the hints take, with two columns after each one; the label widths of
    /// `help` and `more` are equal, so the result holds for either.
    private static func totalWidth(_ bindings: [KeyBinding]) -> Int {
        bindings.reduce(0) { $0 + DisplayWidth.of($1.keys[0].displayName) + 1 + DisplayWidth.of($1.hint) + 2 }
    }
}
