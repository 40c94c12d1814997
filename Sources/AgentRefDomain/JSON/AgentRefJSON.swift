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

    /// Formats a date as ISO 8601 in UTC with milliseconds, rounded to the nearest one.
    ///
    /// The milliseconds are computed here because Foundation's formatter truncates, which
    /// turns a `Double` such as `…20.123` (stored as `…20.12299…`) into `.122`.
    public static func formatTimestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let wholeSeconds = seconds.remainder < 0 ? seconds.quotient - 1 : seconds.quotient
        let fraction = (seconds.remainder + 1000) % 1000
        let base = Date(timeIntervalSince1970: TimeInterval(wholeSeconds))
            .formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
        return String(base.dropLast()) + String(format: ".%03dZ", fraction)
    }

    /// Parses ISO 8601 with or without fractional seconds; returns nil for anything else.
    public static func parseTimestamp(_ text: String) -> Date? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? withFraction.parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
