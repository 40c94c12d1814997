import Foundation

/// The server's time source, in whole milliseconds so stored and returned timestamps match.
///
/// Tests move it forward to expire OAuth states without waiting.
final class ServerClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    func now() -> Date {
        let shifted = Date().addingTimeInterval(lock.withLock { offset })
        return Date(millisecondsSince1970: shifted.millisecondsSince1970)
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { offset += seconds }
    }

    /// Midnight UTC of the current day.
    func startOfDay() -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.startOfDay(for: now())
    }
}
