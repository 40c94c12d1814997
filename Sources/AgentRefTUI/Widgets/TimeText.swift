import Foundation

/// Times as the dashboard shows them, in a given time zone.
enum TimeText {
    /// `HH:MM:SS`, 24-hour.
    static func clock(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        return [parts.hour, parts.minute, parts.second].map { twoDigits($0 ?? 0) }.joined(separator: ":")
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    static func dateTime(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        let day = "\(parts.year ?? 0)-\(twoDigits(parts.month ?? 0))-\(twoDigits(parts.day ?? 0))"
        return day + " " + clock(date, in: timeZone)
    }

    /// `MM-DD HH:MM:SS`, for tables where the year goes without saying.
    static func shortDateTime(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        return "\(twoDigits(parts.month ?? 0))-\(twoDigits(parts.day ?? 0)) " + clock(date, in: timeZone)
    }

    /// Formats a duration such as `4 s`, `3 min` or `2 h`.
    static func age(_ seconds: TimeInterval) -> String {
        let whole = Int(max(0, seconds))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min" }
        if whole < 86_400 { return "\(whole / 3600) h" }
        return "\(whole / 86_400) d"
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
