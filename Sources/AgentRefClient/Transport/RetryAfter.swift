import Foundation

/// Parses the `Retry-After` response header (RFC 9110, section 10.2.3).
enum RetryAfter {
    /// Seconds to wait according to `value`, which is either a number of seconds or an
    /// HTTP date such as `Wed, 21 Oct 2026 07:28:00 GMT`; a date in the past gives 0.
    /// Returns nil for a missing or unparseable value.
    static func seconds(from value: String?, now: Date) -> Double? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }

        if let seconds = Double(text), seconds.isFinite {
            return max(0, seconds)
        }
        guard let date = parseHTTPDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Parses the IMF-fixdate format and the two obsolete formats HTTP still allows.
    static func parseHTTPDate(_ text: String) -> Date? {
        let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
