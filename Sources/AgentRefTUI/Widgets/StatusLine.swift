import AgentRefClient
import Foundation

/// The status line on every screen: server URL, API health, feed state and last refresh.
enum StatusLine {
    static func render(_ state: AppState, in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        let style = theme[.statusBar]
        buffer.fill(rect, style: style)

        var x = rect.x + 1
        for (index, segment) in segments(state).enumerated() {
            if index > 0 { x += buffer.write(" · ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: style) }
            let segmentStyle = segment.role.map { role in
                CellStyle(foreground: theme[role].foreground, background: style.background,
                          attributes: theme[role].attributes)
            } ?? style
            x += buffer.write(segment.text, x: x, y: rect.y, maxWidth: rect.maxX - x, style: segmentStyle)
        }
    }

    /// The status line's parts, each with the role of its text (nil: the bar's own style).
    static func segments(_ state: AppState) -> [(text: String, role: ThemeRole?)] {
        var parts: [(text: String, role: ThemeRole?)] = [(state.serverURL, nil)]
        parts.append(apiSegment(state.health))
        if let feed = state.feed {
            parts.append(feedSegment(feed.connection))
        }
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

    /// The feed's connection in words, for example `feed streaming` or `feed polling every 5 s`.
    static func feedSegment(_ connection: FeedConnectionState) -> (text: String, role: ThemeRole?) {
        switch connection {
        case .connecting:
            return ("feed connecting", .warning)
        case .streaming:
            return ("feed streaming", .success)
        case .polling(let interval):
            return ("feed polling every \(TimeText.age(interval))", .success)
        case .disconnected(_, let retry):
            return ("feed disconnected, retrying in \(TimeText.age(retry.rounded(.up)))", .danger)
        }
    }

    /// When the data on the screen shown was last loaded.
    private static func lastRefresh(_ state: AppState) -> Date? {
        switch state.screen {
        case .programs, .feed:
            return state.programs.lastLoadedAt
        case .stripeSettings(let programID), .connect(let programID):
            return state.stripe[programID]?.lastLoadedAt ?? state.programs.lastLoadedAt
        }
    }
}
