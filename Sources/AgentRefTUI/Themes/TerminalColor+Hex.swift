extension TerminalColor {
    /// Parses a theme file's colour: `"#RRGGBB"` (either case) or `"default"`.
    public init?(themeValue: String) {
        if themeValue == "default" {
            self = .terminalDefault
            return
        }
        let digits = themeValue.dropFirst()
        guard themeValue.first == "#", digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        guard let value = UInt32(digits, radix: 16) else { return nil }

        self = .rgb(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// The colour as a theme file writes it.
    public var themeValue: String {
        switch self {
        case .terminalDefault:
            return "default"
        case .rgb(let red, let green, let blue):
            let hex = [red, green, blue].map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }
            return "#" + hex.joined()
        }
    }
}
