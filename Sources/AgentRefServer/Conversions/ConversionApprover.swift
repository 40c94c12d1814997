import AgentRefDomain
import AgentRefLog
import Foundation

/// Moves conversions from `pending` to `approved` once the program's hold period
/// (`commissionHoldDays`, counted from the conversion's creation) has passed, and appends
/// a `conversion.updated` entry to the live feed.
///
/// Only `pending` conversions are approved: a refund during the hold already moved the
/// conversion to `partially_refunded` or `refunded`, and that status stays.
final class ConversionApprover: Sendable {
    /// Conversions approved in one transaction at most, so a long backlog does not hold the
    /// database lock for long; the next round continues at once.
    static let batchSize = 200

    private let context: ServerContext
    private let interval: TimeInterval
    private let loop = BackgroundLoop(name: "conversion-approver")

    /// - Parameter interval: Seconds between rounds; 0 turns approval off.
    init(context: ServerContext, interval: TimeInterval) {
        self.context = context
        self.interval = interval
    }

    func start() {
        guard interval > 0 else { return }
        loop.start { [self] in round() }
    }

    func stop() {
        loop.stop()
    }

    /// Approves every conversion whose hold has passed, on the caller's thread; returns how
    /// many were approved.
    @discardableResult
    func approveDue() -> Int {
        var total = 0
        while true {
            let approved = approveBatch()
            total += approved
            if approved < Self.batchSize { return total }
        }
    }

    private func round() -> TimeInterval? {
        approveDue()
        return interval
    }

    private func approveBatch() -> Int {
        let now = context.clock.now()
        do {
            let approved = try context.store.transaction { () -> [Conversion] in
                let due = try context.store.conversionsPastHold(at: now, limit: Self.batchSize)
                return try due.map { conversion in
                    var updated = conversion
                    updated.status = .approved
                    updated.updatedAt = now
                    try context.store.updateConversion(updated)
                    _ = try context.store.appendFeedEntry(FeedChange(type: .updated, conversion: updated), at: now)
                    return updated
                }
            }
            if !approved.isEmpty {
                context.notifier.notify()
                context.logger.info("conversions approved after hold", [
                    .count: String(approved.count), .conversionID: approved.map(\.id).prefix(5).joined(separator: ","),
                ])
            }
            return approved.count
        } catch {
            context.logger.error("conversion approval failed", [.error: String(describing: error)])
            return 0
        }
    }
}
