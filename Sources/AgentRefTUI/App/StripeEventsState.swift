import AgentRefClient
import Foundation

/// One program's Stripe events log as loaded so far: events newest first, the counts of
/// rejected deliveries, paging and loading state, and the selected row.
struct StripeEventsState: Equatable, Sendable {
    var programID: String
    /// Events from every page loaded so far, newest first.
    var events: [StripeEventRecord] = []
    /// Deliveries rejected for their signature, by reason, from the latest page.
    var rejectedSignatures: [String: Int] = [:]
    /// Events on the server, from the latest page's `total`.
    var total: Int?
    /// Cursor of the next page; nil when the last page is loaded or nothing is loaded yet.
    var nextCursor: String?
    var hasMore = false
    /// True while a page request is in flight.
    var isLoading = false
    var lastRequestAt: Date?
    var lastLoadedAt: Date?
    /// The last failure to load, in plain words; cleared by the next success.
    var errorMessage: String?
    /// True when the last failure was NOT_FOUND: the server has no events log route (the
    /// hosted API) or the program does not exist.
    var isUnavailable = false
    var selection = ListSelection()

    init(programID: String) {
        self.programID = programID
    }

    /// Events requested per page.
    static let pageSize = 50

    /// Deliveries rejected for any reason.
    var rejectedTotal: Int {
        rejectedSignatures.values.reduce(0, +)
    }

    /// The selected event, if any are loaded.
    var selectedEvent: StripeEventRecord? {
        events.indices.contains(selection.index) ? events[selection.index] : nil
    }

    /// Adds a loaded page. A reload (`replacing`) replaces the events and keeps the same
    /// event selected when it is still there. A further page appends the events not seen yet.
    mutating func apply(_ log: StripeEventLog, replacing: Bool, at now: Date) {
        let selectedID = selectedEvent?.eventId
        if replacing {
            events = log.events.items
        } else {
            let known = Set(events.map(\.eventId))
            events += log.events.items.filter { !known.contains($0.eventId) }
        }
        rejectedSignatures = log.rejectedSignatures
        total = log.events.total
        nextCursor = log.events.nextCursor
        hasMore = log.events.hasMore && log.events.nextCursor != nil
        isLoading = false
        lastLoadedAt = now
        errorMessage = nil
        isUnavailable = false

        if let selectedID, let index = events.firstIndex(where: { $0.eventId == selectedID }) {
            selection.index = index
        }
    }
}
