/// One context's bindings as the help overlay lists them.
struct HelpSection: Sendable {
    var context: BindingContext
    var bindings: [KeyBinding]

    /// Returns every context that has bindings, in `BindingContext` order, except
    /// `tooSmall`, where help cannot be shown.
    static func all() -> [HelpSection] {
        BindingContext.allCases.compactMap { context in
            guard context != .tooSmall else { return nil }
            let bindings = KeyBindings.table.filter { $0.contexts.contains(context) }
            return bindings.isEmpty ? nil : HelpSection(context: context, bindings: bindings)
        }
    }
}

/// A line of the help overlay.
enum HelpLine: Hashable, Sendable {
    case heading(String)
    /// A binding's keys (empty on continuation lines) and a piece of its description.
    case binding(keys: String, text: String, isDisabled: Bool)
    case blank

    /// Columns of the key column.
    static let keyColumnWidth = 16

    /// Builds the help text for `state` at `width` columns. Each context gets a heading,
    /// marked active when its keys work on the screen below the overlay, then its bindings
    /// with wrapped descriptions and the reason when a binding cannot be used now.
    static func lines(for state: AppState, width: Int) -> [HelpLine] {
        var behind = state
        behind.overlay = nil
        let active = Set(KeyBindings.activeContexts(in: behind))
        let textWidth = max(10, width - keyColumnWidth)

        let keyLines = HelpSection.all().flatMap { section -> [HelpLine] in
            let isActive = active.contains(section.context)
            var lines: [HelpLine] = [.heading(section.context.title + (isActive ? " (active)" : ""))]
            for binding in section.bindings {
                let reason = isActive ? binding.disabledReason(behind) : nil
                let text = binding.description + (reason.map { " (unavailable: \($0))" } ?? "")
                lines += wrapped(keys: binding.keyLabel, text, width: textWidth, isDisabled: reason != nil)
            }
            return lines + [.blank]
        }
        return keyLines + mouseLines(isEnabled: state.isMouseEnabled, width: textWidth)
    }

    /// Builds the mouse section: what clicks and the wheel do, and the trade-off with selecting text.
    private static func mouseLines(isEnabled: Bool, width: Int) -> [HelpLine] {
        guard isEnabled else {
            let text = "Off, so the terminal selects and copies text as usual. Start with --mouse to click rows "
                + "and key hints and to scroll with the wheel."
            return [.heading("Mouse")] + wrapped(keys: "mouse", text, width: width, isDisabled: true)
        }
        return [.heading("Mouse (on, from --mouse)")]
            + wrapped(keys: "click", "Select a row; click the selected program to open it; click a key hint to "
                + "use it", width: width, isDisabled: false)
            + wrapped(keys: "wheel", "Move the selection, or scroll help", width: width, isDisabled: false)
            + wrapped(keys: "Shift+drag", "Select text with the terminal, which the dashboard takes the mouse from "
                + "otherwise (works in most terminals)", width: width, isDisabled: false)
    }

    private static func wrapped(keys: String, _ text: String, width: Int, isDisabled: Bool) -> [HelpLine] {
        TextWrapper.wrap(text, width: width).enumerated().map { index, piece in
            .binding(keys: index == 0 ? keys : "", text: piece, isDisabled: isDisabled)
        }
    }
}
