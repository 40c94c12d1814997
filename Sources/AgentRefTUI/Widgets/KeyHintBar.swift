/// The bottom row: keys of the active contexts with short labels, from the binding table.
enum KeyHintBar {
    /// Draws the hints that fit. Back, help and quit are kept when others must be dropped;
    /// a binding unusable in `state` is drawn in the `disabled` style.
    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        buffer.fill(rect, style: theme[.footer])
        let bindings = fitting(KeyBindings.footerBindings(in: state), width: rect.width - 1)

        var x = rect.x + 1
        for binding in bindings {
            let isDisabled = binding.disabledReason(state) != nil
            let keyStyle = isDisabled ? theme[.disabled] : theme[.keyHint]
            let labelStyle = isDisabled ? theme[.disabled] : theme[.footer]
            x += buffer.write(binding.keys[0].displayName, x: x, y: rect.y, maxWidth: rect.maxX - x, style: keyStyle)
            x += buffer.write(" \(binding.hint)", x: x, y: rect.y, maxWidth: rect.maxX - x, style: labelStyle)
            x += 2
        }
    }

    /// Drops bindings from the end, keeping back, help and quit, until the hints fit in `width`.
    static func fitting(_ bindings: [KeyBinding], width: Int) -> [KeyBinding] {
        var kept = bindings
        let essential: Set<BindingAction> = [.back, .toggleHelp, .quit]
        while totalWidth(kept) > width, let index = kept.lastIndex(where: { !essential.contains($0.action) }) {
            kept.remove(at: index)
        }
        while totalWidth(kept) > width, !kept.isEmpty {
            kept.removeFirst()
        }
        return kept
    }

    private static func totalWidth(_ bindings: [KeyBinding]) -> Int {
        bindings.reduce(0) { $0 + DisplayWidth.of($1.keys[0].displayName) + 1 + DisplayWidth.of($1.hint) + 2 }
    }
}
