import AgentRefDomain
import Foundation

/// The programs list: one row per program with Stripe state, today's conversions and
/// money per currency.
enum ProgramsScreen {
    static let columns: [TableColumn<Program>] = [
        TableColumn("Name", minWidth: 12, flex: 3) { TableCell($0.name) },
        TableColumn("Status", minWidth: 8, maxWidth: 10) { program in
            TableCell(program.status, role: program.status == "active" ? nil : .warning)
        },
        TableColumn("Stripe", minWidth: 14, maxWidth: 23) { program in
            let status = program.effectiveStripeStatus
            return TableCell(StripeStatusText.text(status), role: StripeStatusText.role(status))
        },
        TableColumn("Today", alignment: .right, minWidth: 5) { program in
            TableCell(program.conversionsToday.map(String.init) ?? "—")
        },
        TableColumn("Revenue", alignment: .right, minWidth: 12, flex: 2, shownFromWidth: 64) { program in
            TableCell.totals(program.revenue, first: CurrencyCode(program.currency))
        },
        TableColumn("Commission", alignment: .right, minWidth: 12, flex: 2, shownFromWidth: 84) { program in
            TableCell.totals(program.commissionTotal, first: CurrencyCode(program.currency))
        },
        TableColumn("Rate", minWidth: 8, maxWidth: 24, shownFromWidth: 110) { program in
            TableCell(rateText(program), role: .muted)
        },
    ]

    static func crumbs(_ state: AppState) -> [String] {
        ["AgentRef", "Programs"]
    }

    static func render(_ state: AppState, theme: Theme, into buffer: inout CellBuffer) {
        let layout = ListScreenLayout.programs(state)
        if let filterRect = layout.filter {
            FilterBar.render(state.programs.filter, matches: state.programs.visibleItems.count,
                             of: state.programs.items.count, in: filterRect, theme: theme, into: &buffer)
        }

        var table = TableView(columns: columns, rows: state.programs.visibleItems, selection: state.programs.selection)
        let sort = state.programs.sort
        table.sortIndicator = sort.column.map { (title: $0.title, isDescending: sort.isDescending) }
        table.render(header: layout.tableHeader, body: layout.tableRows, theme: theme, into: &buffer)
        if let empty = emptyText(state.programs) {
            buffer.write(empty, x: layout.tableRows.x + 2, y: layout.tableRows.y, maxWidth: layout.tableRows.width - 2,
                         style: theme[.muted])
        }
        buffer.write(summary(state.programs), x: layout.summary.x + 1, y: layout.summary.y,
                     maxWidth: layout.summary.width - 1, style: theme[.muted])
    }

    /// For example `20% recurring, 12 months`, or `USD 5.00 fixed one time` for a program
    /// paying a fixed amount per payment.
    static func rateText(_ program: Program) -> String {
        let percent = program.commissionPercent.rounded() == program.commissionPercent
            ? String(Int(program.commissionPercent)) + "%" : String(program.commissionPercent) + "%"
        let type = program.commissionType.rawValue.replacingOccurrences(of: "_", with: " ")
        let limit = program.commissionLimitMonths.map { ", \($0) months" } ?? ""
        return "\(fixedAmountText(program) ?? percent) \(type)\(limit)"
    }

    private static func fixedAmountText(_ program: Program) -> String? {
        guard let fixed = program.commissionFixedAmount, let currency = CurrencyCode(program.currency) else { return nil }
        return Money(minorUnits: fixed, currency: currency).description + " fixed"
    }

    private static func emptyText(_ list: ProgramsListState) -> String? {
        guard list.visibleItems.isEmpty else { return nil }
        if list.lastLoadedAt == nil { return list.isLoading ? "Loading programs…" : "No programs loaded yet." }
        if !list.filter.text.isEmpty {
            return "No loaded program name contains \"\(list.filter.text)\". Esc clears the filter."
        }
        return "No programs yet. Create one with the API (POST /api/v1/programs)."
    }

    static func summary(_ list: ProgramsListState) -> String {
        let total = list.total ?? list.items.count
        var parts = [list.items.count < total ? "\(list.items.count) of \(total) programs loaded" : "\(total) programs"]
        if !list.filter.text.isEmpty { parts.append("\(list.visibleItems.count) match the filter") }
        if list.sort.column != nil {
            let scope = list.hasUnloadedPrograms ? " (the loaded ones; more load as you scroll)" : ""
            parts.append("sorted by \(list.sort.label)\(scope)")
        }
        if list.isMovingToEnd {
            parts.append("loading to the end…")
        } else if list.isLoading, list.lastLoadedAt != nil {
            parts.append("loading…")
        }
        return parts.joined(separator: " · ")
    }
}
