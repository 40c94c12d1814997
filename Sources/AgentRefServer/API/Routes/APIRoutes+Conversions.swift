import AgentRefDomain
import ServiceKit

extension APIRoutes {
    func registerConversions(into router: inout Router) {
        router.add("GET", "\(Self.prefix)/conversions") { request in
            let page = try PageRequest.parse(request)
            let slice = try context.store.conversions(try conversionFilter(request), window: page.window)
            return try request.writer.list(slice, request: page)
        }

        router.add("GET", "\(Self.prefix)/conversions/recent") { request in
            let limit = try QueryParameter.integer(request, "limit", in: 1...PageRequest.maxPageSize, default: 10)
            let window = ListWindow(start: .offset(0), limit: limit)
            let slice = try context.store.conversions(ConversionFilter(), window: window)
            return try request.writer.object(slice.items)
        }

        router.add("GET", "\(Self.prefix)/conversions/stats") { request in
            let programId = try QueryParameter.string(request, "programId").map { try context.requireProgram($0).id }
            let totals = try context.store.conversionTotals(programId: programId, since: context.clock.startOfDay())
            return try request.writer.object(ConversionStatsPayload(totals))
        }

        router.add("GET", "\(Self.prefix)/conversions/events") { request in
            let programId = try QueryParameter.string(request, "programId").map { try context.requireProgram($0).id }
            let after = try sequenceParameter(request, "after") ?? 0
            let limit = try QueryParameter.integer(request, "limit", in: 1...PageRequest.maxPageSize, default: 20)

            let entries = try context.store.feedEntries(after: after, programId: programId, limit: limit)
            let remaining = try context.store.feedEntryCount(after: after, programId: programId)
            let slice = ListSlice(items: entries, total: remaining, itemsBefore: 0, lastPosition: nil)
            let lastSequence = entries.last?.sequence ?? after
            var extra: [String: JSONValue] = ["lastSequence": .number(Double(lastSequence))]
            if slice.hasMore { extra["nextAfter"] = .number(Double(lastSequence)) }
            return try request.writer.list(slice, request: PageRequest(window: ListWindow(start: .offset(0), limit: limit)), extra: extra)
        }

        router.add("GET", "\(Self.prefix)/conversions/stream") { request in
            try stream.open(request)
        }
    }

    private func conversionFilter(_ request: HTTPRequest) throws -> ConversionFilter {
        var filter = ConversionFilter()
        filter.programId = try QueryParameter.string(request, "programId").map { try context.requireProgram($0).id }
        filter.affiliateId = QueryParameter.string(request, "affiliateId")
        if let status = QueryParameter.string(request, "status") {
            guard let parsed = ConversionStatus(rawValue: status) else {
                let allowed = ConversionStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.validation("status must be one of \(allowed), got \"\(status)\"", field: "status")
            }
            filter.status = parsed
        }
        return filter
    }

    /// Reads a feed sequence number from the query; returns nil when absent.
    func sequenceParameter(_ request: HTTPRequest, _ name: String) throws -> Int64? {
        guard let text = QueryParameter.string(request, name) else { return nil }
        guard let value = Int64(text), value >= 0 else {
            throw APIError.validation("\(name) must be a feed sequence number (0 or more), got \"\(text)\"", field: name)
        }
        return value
    }
}

/// The `data` of `GET /conversions/stats`: AgentRef's fields plus per-currency extensions.
struct ConversionStatsPayload: Encodable {
    var total: Int
    var pending: Int
    var approved: Int
    var totalRevenue: Int64
    var totalCommissions: Int64
    var revenueByCurrency: MoneyTotals
    var commissionsByCurrency: MoneyTotals
    var conversionsByStatus: [String: Int]

    init(_ totals: ConversionTotals) {
        total = totals.count
        pending = totals.countsByStatus[.pending] ?? 0
        approved = totals.countsByStatus[.approved] ?? 0
        totalRevenue = totals.revenueAcrossCurrencies
        totalCommissions = totals.commissionsAcrossCurrencies
        revenueByCurrency = totals.revenue
        commissionsByCurrency = totals.commissions
        conversionsByStatus = Dictionary(uniqueKeysWithValues: totals.countsByStatus.map { ($0.key.rawValue, $0.value) })
    }
}
