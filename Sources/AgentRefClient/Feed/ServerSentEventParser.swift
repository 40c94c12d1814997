import Foundation

/// Parses a `text/event-stream` body as it arrives, following the WHATWG HTML standard's
/// "Parsing an event stream" (section 9.2.6).
///
/// Chunks may split lines, line breaks and UTF-8 sequences anywhere, and a CR at the end of
/// one chunk with its LF at the start of the next counts as one break. Lines end in LF, CR
/// or CRLF. A leading byte order mark is skipped, and lines starting with `:` are comments.
/// The `data` lines of an event are joined with LF. An `id` containing NUL is ignored, and
/// `retry` is used only when it is all ASCII digits. An event still being collected when
/// the stream ends is dropped, as the standard requires.
public struct ServerSentEventParser: Sendable {
    /// The last event ID buffer, which persists across events and is updated even by an
    /// `id` line in a block without `data`.
    public private(set) var lastEventID = ""
    /// The reconnection time from the most recent valid `retry` field, in milliseconds.
    public private(set) var reconnectionTime: Int?
    /// Comment lines read, such as the server's `: keep-alive`.
    public private(set) var commentCount = 0

    private var lineBuffer: [UInt8] = []
    private var dataBuffer = ""
    private var eventTypeBuffer = ""
    private var skipsLineFeed = false
    private var isAtStreamStart = true

    public init() {}

    /// Feeds the next bytes of the body and returns the events they complete, in order.
    public mutating func parse(_ chunk: Data) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []

        for byte in chunk {
            if skipsLineFeed {
                skipsLineFeed = false
                if byte == lineFeed { continue }
            }

            switch byte {
            case carriageReturn:
                skipsLineFeed = true
                finishLine(into: &events)
            case lineFeed:
                finishLine(into: &events)
            default:
                lineBuffer.append(byte)
                skipByteOrderMark()
            }
        }
        return events
    }

    /// Drops a UTF-8 byte order mark that starts the stream, once its three bytes are in,
    /// however the chunks split them.
    private mutating func skipByteOrderMark() {
        guard isAtStreamStart, lineBuffer.count == byteOrderMark.count else { return }

        isAtStreamStart = false
        if lineBuffer == byteOrderMark { lineBuffer.removeAll() }
    }

    private mutating func finishLine(into events: inout [ServerSentEvent]) {
        isAtStreamStart = false
        let line = String(decoding: lineBuffer, as: UTF8.self)
        lineBuffer.removeAll(keepingCapacity: true)

        if line.isEmpty {
            dispatch(into: &events)
        } else if line.hasPrefix(":") {
            commentCount += 1
        } else if let colon = line.firstIndex(of: ":") {
            var value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
            process(field: String(line[..<colon]), value: String(value))
        } else {
            process(field: line, value: "")
        }
    }

    private mutating func process(field: String, value: String) {
        switch field {
        case "event":
            eventTypeBuffer = value
        case "data":
            dataBuffer += value + "\n"
        case "id":
            if !value.contains("\u{0}") { lastEventID = value }
        case "retry":
            if !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                reconnectionTime = Int(value) ?? reconnectionTime
            }
        default:
            break
        }
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            dataBuffer = ""
            eventTypeBuffer = ""
        }
        guard !dataBuffer.isEmpty else { return }

        var data = dataBuffer
        if data.hasSuffix("\n") { data.removeLast() }
        let type = eventTypeBuffer.isEmpty ? "message" : eventTypeBuffer
        events.append(ServerSentEvent(type: type, data: data, lastEventID: lastEventID))
    }
}

private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D
private let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
