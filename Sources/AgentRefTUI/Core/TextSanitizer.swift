/// Makes text from the server safe to draw on a terminal.
///
/// Text such as a program or affiliate name reaches the screen verbatim, so a hostile
/// value could clear the screen (`ESC [2J`), set the clipboard (`ESC ]52;…`), or reorder
/// what the operator reads with bidirectional overrides. The sanitiser removes escape
/// sequences whole, in 7-bit `ESC …` and 8-bit C1 forms such as `CSI` U+009B. It removes
/// bidi embedding, override and isolate controls and direction marks. Any other control
/// character is shown as U+FFFD, and tabs and line breaks become spaces so one value
/// stays on one line.
///
/// Emoji sequences are simplified, because terminals and tmux disagree about their width
/// and a disagreement shifts every column after them and leaves stale characters behind:
/// a ZWJ sequence (👨‍👩‍👧) keeps its first emoji, variation selectors and skin-tone
/// modifiers are dropped, and a flag's regional indicators become plain letters (🇯🇵 → JP).
public enum TextSanitizer {
    /// Drawn in place of a control character, so its presence stays visible.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Returns `text` without escape sequences, control characters or bidi controls.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsAttention) else { return text }

        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            appendSanitized(scalar, remainder: &scalars, to: &output)
        }
        return simplifyEmojiSequences(String(output))
    }

    /// Rewrites each character that contains a ZWJ, a variation selector, a skin-tone
    /// modifier or a regional indicator into scalars whose widths every terminal agrees on.
    static func simplifyEmojiSequences(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEmojiSequencePart) else { return text }

        var output = String.UnicodeScalarView()
        for character in text {
            let scalars = character.unicodeScalars
            guard scalars.contains(where: isEmojiSequencePart) else {
                output.append(contentsOf: scalars)
                continue
            }
            let beforeJoiner = scalars.prefix { $0.value != 0x200D }
            for scalar in beforeJoiner where !isPresentationModifier(scalar) {
                output.append(regionalIndicatorLetter(scalar) ?? scalar)
            }
        }
        return String(output)
    }

    private static func isEmojiSequencePart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200D || isPresentationModifier(scalar) || (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Variation selectors 15 and 16 and the five skin-tone modifiers.
    private static func isPresentationModifier(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0E || scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value)
    }

    /// The ASCII capital a regional indicator stands for (U+1F1EF → `J`).
    private static func regionalIndicatorLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0x1F1E6...0x1F1FF).contains(scalar.value) else { return nil }
        return Unicode.Scalar(UInt8(0x41 + scalar.value - 0x1F1E6))
    }

    /// True when `text` would be changed by `sanitize`.
    public static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: needsAttention)
    }

    private static func appendSanitized(
        _ scalar: Unicode.Scalar,
        remainder: inout ArraySlice<Unicode.Scalar>,
        to output: inout String.UnicodeScalarView
    ) {
        switch scalar.value {
        case 0x1B:
            skipEscapeSequence(&remainder)
        case 0x9B:
            skipControlSequence(&remainder)
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            skipControlString(&remainder)
        case 0x09, 0x0A, 0x0D:
            output.append(" ")
        case _ where isBidiControl(scalar):
            break
        case _ where isControl(scalar):
            output.append(replacement)
        default:
            output.append(scalar)
        }
    }

    /// Skips what follows an ESC: a CSI sequence, a control string (OSC, DCS, SOS, PM,
    /// APC) or a short sequence of intermediate bytes and one final byte.
    private static func skipEscapeSequence(_ remainder: inout ArraySlice<Unicode.Scalar>) {
        guard let next = remainder.popFirst() else { return }

        switch next {
        case "[":
            skipControlSequence(&remainder)
        case "]", "P", "X", "^", "_":
            skipControlString(&remainder)
        default:
            var current = next
            while (0x20...0x2F).contains(current.value), let following = remainder.popFirst() {
                current = following
            }
        }
    }

    /// Skips CSI parameters and intermediates up to and including the final byte
    /// (0x40–0x7E), or to the end of the text when it never comes.
    private static func skipControlSequence(_ remainder: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = remainder.popFirst() {
            if (0x40...0x7E).contains(scalar.value) { return }
            if !(0x20...0x3F).contains(scalar.value) {
                // Not part of a CSI sequence: the sequence was malformed, so keep what follows.
                remainder.insert(scalar, at: remainder.startIndex)
                return
            }
        }
    }

    /// Skips a control string up to its terminator: BEL, ST (U+009C) or `ESC \`.
    private static func skipControlString(_ remainder: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = remainder.popFirst() {
            switch scalar.value {
            case 0x07, 0x9C:
                return
            case 0x1B:
                if remainder.first == "\\" { remainder.removeFirst() }
                return
            default:
                continue
            }
        }
    }

    private static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isBidiControl(scalar) || isEmojiSequencePart(scalar)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM and the Arabic letter mark.
    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return true
        default:
            return false
        }
    }
}
