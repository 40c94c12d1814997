import Foundation

/// The OSC 52 control sequence, which requests the terminal to put text on the system
/// clipboard: `ESC ] 52 ; c ; <base64 text> BEL`. It works over SSH because the terminal
/// does the copying. Terminals may ignore it, and tmux does unless `set-clipboard on`.
enum OSC52 {
    /// Builds the sequence that copies `text` to the clipboard.
    static func sequence(copying text: String) -> [UInt8] {
        let payload = Data(text.utf8).base64EncodedString()
        return Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
    }
}
