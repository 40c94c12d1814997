import AgentRefClient
import Foundation

/// The status line on every screen: server URL, health of the API and of the live
/// stream, and last refresh.
enum StatusLine {
    /// A part of the status line and the role of its text; nil uses the bar's own style.
    typealias Segment = (text: String, role: ThemeRole?)

    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let style = theme[.statusBar]
        buffer.fill(rect, style: style)

        var x = rect.x + 1
        for (index, segment) in fitting(segments(state), width: rect.width - 2).enumerated() {
            if index > 0 { x += buffer.write(" · ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: style) }
            let segmentStyle = segment.role.map { role in
                CellStyle(foreground: theme[role].foreground, background: style.background,
                          attributes: theme[role].attributes)
            } ?? style
            x += buffer.write(segment.text, x: x, y: rect.y, maxWidth: rect.maxX - x, style: segmentStyle)
        }
    }

    /// `segments` without the refresh time when they do not fit, and with the server URL
    /// truncated when they still do not.
    private static func fitting(_ segments: [Segment], width: Int) -> [Segment] {
        func totalWidth(_ parts: [Segment]) -> Int {
            parts.reduce(0) { $0 + DisplayWidth.of($1.text) } + 3 * max(0, parts.count - 1)
        }

        var parts = segments
        if totalWidth(parts) > width, parts.count > 2, parts[parts.count - 1].text.hasPrefix("refreshed") {
            parts.removeLast()
        }
        let excess = totalWidth(parts) - width
        if excess > 0 {
            let urlWidth = max(1, DisplayWidth.of(parts[0].text) - excess)
            parts[0].text = TextLayout.truncate(parts[0].text, toWidth: urlWidth)
        }
        return parts
    }

    /// Returns the status line's parts, each with the role of its text (nil for the bar's own style).
    static func segments(_ state: AppState) -> [Segment] {
        var parts: [Segment] = [(state.serverURL, nil)]
        parts.append(apiSegment(state.health))
        parts.append(state.feed.map { feedSegment($0, now: state.now) } ?? ("live off", .muted))
        if let refreshed = lastRefresh(state) {
            parts.append(("refreshed \(TimeText.clock(refreshed, in: state.timeZone))", nil))
        }
        return parts
    }

    private static func apiSegment(_ health: APIHealth) -> (text: String, role: ThemeRole?) {
        if health.isOffline { return ("API unreachable", .danger) }
        if health.isFailing { return ("API error", .danger) }
        if health.lastSuccessAt != nil { return ("API ok", .success) }
        return ("API connecting", .warning)
    }

    /// Describes the live feed's connection in words, for example `live streaming`,
    /// `live polling every 5 s` or `live disconnected, retrying in 12 s`, counting down to
    /// `feed.retryAt` from `now`.
    static func feedSegment(_ feed: FeedState, now: Date) -> (text: String, role: ThemeRole?) {
        switch feed.connection {
        case .connecting:
            return ("live connecting", .warning)
        case .streaming:
            return ("live streaming", .success)
        case .polling(let interval):
            return ("live polling every \(TimeText.age(interval))", .success)
        case .disconnected:
            return ("live disconnected, \(retryText(feed.retryAt, now: now))", .danger)
        case .rejected:
            return ("live rejected: API key not accepted", .danger)
        }
    }

    /// For example `retrying in 12 s`, or `retrying now` once the time has come.
    private static func retryText(_ retryAt: Date?, now: Date) -> String {
        let remaining = (retryAt?.timeIntervalSince(now) ?? 0).rounded(.up)
        return remaining > 0 ? "retrying in \(TimeText.age(remaining))" : "retrying now"
    }

    /// Returns when the data on the screen shown was last loaded.
    private static func lastRefresh(_ state: AppState) -> Date? {
        switch state.screen {
        case .programs:
            return state.programs.lastLoadedAt
        case .feed:
            return state.feed?.lastUpdateAt ?? state.programs.lastLoadedAt
        case .stripeSettings(let programID), .connect(let programID):
            return state.stripe[programID]?.lastLoadedAt ?? state.programs.lastLoadedAt
        case .stripeEvents(let programID):
            return state.eventLogs[programID]?.lastLoadedAt
        }
    }
}
