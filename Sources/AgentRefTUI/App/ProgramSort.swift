import AgentRefDomain
import Foundation

/// The order of the programs list.
///
/// The list is sorted on the client, over the programs loaded so far, because AgentRef's
/// API (hosted or this project's server) takes no sort parameter. With more programs on
/// the server than loaded, a sorted list is the order of the loaded ones only, and the
/// programs screen states that. Rows that compare equal keep the server's order.
struct ProgramSort: Hashable, Sendable {
    /// The column sorted by; nil keeps the server's order (newest first).
    var column: ProgramSortColumn?
    var isDescending = false

    /// Moves to the next column, from the server's order through every column and back.
    /// Each column starts in its natural direction: text A to Z, numbers largest first.
    mutating func cycleColumn() {
        let all = ProgramSortColumn.allCases
        if let column, let index = all.firstIndex(of: column) {
            self.column = index + 1 < all.count ? all[index + 1] : nil
        } else {
            column = all.first
        }
        isDescending = column?.startsDescending ?? false
    }

    /// Reverses the direction of the current column; the server's order has no direction.
    mutating func reverse() {
        guard column != nil else { return }
        isDescending.toggle()
    }

    /// Returns `programs` in this order.
    func sorted(_ programs: [Program]) -> [Program] {
        guard let column else { return programs }

        let indexed = Array(programs.enumerated())
        return indexed.sorted { left, right in
            switch column.compare(left.element, right.element, descending: isDescending) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return left.offset < right.offset
            }
        }.map(\.element)
    }

    /// For example `revenue ↓`, or `server order (newest first)`.
    var label: String {
        guard let column else { return "server order (newest first)" }
        return "\(column.title.lowercased()) \(isDescending ? "↓" : "↑")"
    }
}

/// A column of the programs list that the list can be sorted by.
enum ProgramSortColumn: String, CaseIterable, Hashable, Sendable {
    case name
    case status
    case stripe
    case today
    case revenue
    case commission

    /// The title of the table column, which the header marks with the direction.
    var title: String {
        switch self {
        case .name: "Name"
        case .status: "Status"
        case .stripe: "Stripe"
        case .today: "Today"
        case .revenue: "Revenue"
        case .commission: "Commission"
        }
    }

    /// True for numeric columns, which first sort largest first.
    var startsDescending: Bool {
        switch self {
        case .name, .status, .stripe: false
        case .today, .revenue, .commission: true
        }
    }

    /// Compares two programs by this column in the given direction.
    ///
    /// Revenue and commission compare each program's total in its own currency, in major
    /// units (dollars, yen) as plain numbers: no exchange rate is applied, so 100 JPY
    /// sorts above 50 USD. Other currencies a program earns in do not count, and a
    /// program without a total counts as 0. The Stripe column puts connections that need
    /// attention first when ascending: error, revoked, pending, disconnected, then connected.
    func compare(_ left: Program, _ right: Program, descending: Bool) -> ComparisonResult {
        switch self {
        case .name:
            let (leftName, rightName) = (TextSanitizer.sanitize(left.name), TextSanitizer.sanitize(right.name))
            return Self.directed(leftName.localizedCaseInsensitiveCompare(rightName), descending)
        case .status:
            return Self.directed(left.status.localizedCaseInsensitiveCompare(right.status), descending)
        case .stripe:
            return Self.directed(Self.order(Self.attentionRank(left), Self.attentionRank(right)), descending)
        case .today:
            return Self.directed(Self.order(left.conversionsToday ?? -1, right.conversionsToday ?? -1), descending)
        case .revenue:
            return Self.compareMoney(left, right, \.revenue, descending: descending)
        case .commission:
            return Self.compareMoney(left, right, \.commissionTotal, descending: descending)
        }
    }

    private static func compareMoney(_ left: Program, _ right: Program, _ totals: KeyPath<Program, MoneyTotals?>,
                                     descending: Bool) -> ComparisonResult {
        directed(order(amount(left, totals), amount(right, totals)), descending)
    }

    /// Returns the total in the program's own currency in major units, or 0 when unknown.
    private static func amount(_ program: Program, _ totals: KeyPath<Program, MoneyTotals?>) -> Decimal {
        guard let code = CurrencyCode(program.currency), let money = program[keyPath: totals] else { return 0 }
        return Decimal(money[code].minorUnits) / pow(Decimal(10), code.exponent)
    }

    private static func attentionRank(_ program: Program) -> Int {
        switch program.effectiveStripeStatus {
        case .error: 0
        case .revoked: 1
        case .pending: 2
        case .disconnected: 3
        case .connected: 4
        }
    }

    private static func order<Value: Comparable>(_ left: Value, _ right: Value) -> ComparisonResult {
        if left < right { return .orderedAscending }
        if left > right { return .orderedDescending }
        return .orderedSame
    }

    private static func directed(_ result: ComparisonResult, _ descending: Bool) -> ComparisonResult {
        guard descending else { return result }
        switch result {
        case .orderedAscending: return .orderedDescending
        case .orderedDescending: return .orderedAscending
        case .orderedSame: return .orderedSame
        }
    }
}
