import Foundation

/// A spinner and elapsed time for work that waits, such as an authorization.
enum Spinner {
    static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// Returns the frame for `elapsed` seconds, advancing ten frames a second.
    static func frame(elapsed: TimeInterval) -> Character {
        let index = Int((max(0, elapsed) * 10).rounded(.down)) % frames.count
        return frames[index]
    }

    /// Elapsed time as `m:ss`, or `h:mm:ss` from an hour on.
    static func elapsedText(_ elapsed: TimeInterval) -> String {
        let seconds = Int(max(0, elapsed))
        let (hours, minutes, remainder) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let paddedSeconds = remainder < 10 ? "0\(remainder)" : "\(remainder)"
        if hours > 0 {
            let paddedMinutes = minutes < 10 ? "0\(minutes)" : "\(minutes)"
            return "\(hours):\(paddedMinutes):\(paddedSeconds)"
        }
        return "\(minutes):\(paddedSeconds)"
    }
}
