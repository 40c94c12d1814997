import AgentRefDomain
import AgentRefLog
import Foundation

extension ConversionFeedRunner {
    /// Polls `GET /conversions/events` when the server has it, else diffs `GET /conversions`,
    /// until the task is cancelled.
    func runPolling() async {
        if await !client.routes.isMissing(.conversionEvents) {
            guard await pollEvents() else { return }
        }
        await pollConversions()
    }

    /// Polls the events route.
    ///
    /// - Returns: True when the route is missing and the caller should diff conversions
    ///   instead, false when the task was cancelled.
    private func pollEvents() async -> Bool {
        var details = logMetadata()
        details[.feedMode] = "events"
        logger.info("feed polling", details)
        var after = resumeSequence

        while !Task.isCancelled {
            do {
                if after == nil { after = try await catchUpWithBacklog() }
                after = try await readEvents(after: after ?? 0)
                consecutiveFailures = 0
                publish(.polling(intervalSeconds: options.pollInterval))
                guard await sleep(seconds: options.pollInterval) else { return false }
            } catch let error as AgentRefClientError {
                if error.code == AgentRefClientError.cancelledCode { return false }
                if await isRouteMissing(error) {
                    await client.routes.markMissing(.conversionEvents)
                    return true
                }
                guard await waitAfterFailure(error, minimumDelay: options.pollInterval) else { return false }
            } catch {
                return false
            }
        }
        return false
    }

    /// Reads every entry after `after`, delivering them, and returns the last sequence read.
    private func readEvents(after: Int64) async throws -> Int64 {
        var cursor = after
        while true {
            let page = try await client.conversionEvents(programID: programID, after: cursor, limit: options.eventsPageSize)
            page.items.forEach(deliver)
            cursor = page.items.map(\.sequence).max().map { max($0, cursor) } ?? cursor

            guard page.hasMore, !page.items.isEmpty else { return cursor }
        }
    }

    /// On the first poll, reads the whole event list to find where it ends and delivers the
    /// last `backlog` entries.
    ///
    /// - Returns: The last sequence on the server, or 0 when it has no entries.
    // NOTE: the events route cannot return the newest entries first, so the first poll reads
    // every page. With a long history that costs many requests of the shared pace.
    private func catchUpWithBacklog() async throws -> Int64 {
        var cursor: Int64 = 0
        var recent: [ConversionFeedEntry] = []

        while true {
            let page = try await client.conversionEvents(programID: programID, after: cursor, limit: options.eventsPageSize)
            recent = Array((recent + page.items).suffix(backlog))
            cursor = page.items.map(\.sequence).max().map { max($0, cursor) } ?? cursor

            guard page.hasMore, !page.items.isEmpty else { break }
        }

        recent.forEach(deliver)
        return cursor
    }

    /// Polls the hosted API's conversion list and reports the differences between polls.
    private func pollConversions() async {
        var details = logMetadata()
        details[.feedMode] = "conversions"
        logger.info("feed polling", details)

        var detector = ConversionChangeDetector(firstSequence: (lastDeliveredSequence ?? 0) + 1)
        var hasWindow = false

        while !Task.isCancelled {
            do {
                if hasWindow {
                    let window = try await readNewConversions(knownTo: detector)
                    detector.changes(in: window, now: clock.now()).forEach(deliver)
                } else {
                    let window = try await client.allConversions(
                        programID: programID,
                        pageSize: min(100, max(options.conversionsPageSize, backlog)),
                        maxItems: max(options.conversionsPageSize, backlog)
                    )
                    detector.recordInitial(window, backlog: backlog).forEach(deliver)
                    hasWindow = true
                }
                consecutiveFailures = 0
                publish(.polling(intervalSeconds: options.pollInterval))
                guard await sleep(seconds: options.pollInterval) else { return }
            } catch let error as AgentRefClientError {
                if error.code == AgentRefClientError.cancelledCode { return }
                guard await waitAfterFailure(error, minimumDelay: options.pollInterval) else { return }
            } catch {
                return
            }
        }
    }

    /// Reads the newest page of conversions, then older pages while every conversion on the
    /// last page read is new, up to `maxCatchUpPages` extra pages.
    private func readNewConversions(knownTo detector: ConversionChangeDetector) async throws -> [Conversion] {
        var position = ListPosition.first(limit: options.conversionsPageSize)
        var conversions: [Conversion] = []
        var extraPages = 0

        while true {
            let page = try await client.conversions(programID: programID, at: position)
            conversions += page.items

            let reachedKnown = page.items.contains { detector.contains($0.id) }
            guard !reachedKnown, extraPages < options.maxCatchUpPages,
                  let next = ListPosition.next(after: page, requested: position)
            else { return conversions }

            position = next
            extraPages += 1
        }
    }
}
