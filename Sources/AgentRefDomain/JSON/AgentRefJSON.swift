import Foundation

/// JSON coders that both the client and the server use, so timestamps and key order
/// match on the wire.
///
/// Dates are ISO 8601 strings in UTC with milliseconds (`2026-12-04T16:12:59.123Z`);
/// decoding also accepts them without the fraction.
public enum AgentRefJSON {
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatTimestamp(date))
        }
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "invalid timestamp \"\(text)\": expected ISO 8601 such as 2026-01-31T12:00:00Z"
                )
            }
            return date
        }
        return decoder
    }

    /// Formats a date as ISO 8601 in UTC with milliseconds, rounded to the nearest millisecond.
    ///
    /// Foundation's format style truncates the fraction, and a `Date` made from whole
    /// milliseconds is often a hair below them, so it would print one millisecond early and
    /// the same instant could print two ways.
    public static func formatTimestamp(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - seconds * 1000)
        let whole = Date(timeIntervalSince1970: seconds).formatted(
            Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        )
        return whole.dropLast() + String(format: ".%03d", fraction) + "Z"
    }

    /// Parses ISO 8601 with or without fractional seconds; returns nil for anything else.
    public static func parseTimestamp(_ text: String) -> Date? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? withFraction.parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
