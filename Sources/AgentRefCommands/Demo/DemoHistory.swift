import Foundation

/// One step of the simulated traffic.
enum DemoAction: Equatable {
    case subscribe
    case buyOnce
    case buyWithoutClick
    case renew(subscription: String)
    /// Refund `amount` minor units of `charge`.
    case refund(charge: String, amount: Int64)
    case cancel(subscription: String)
}

/// Purchases of the simulated customers so far, per program, so later steps can renew,
/// refund or cancel something real.
struct DemoHistory {
    private struct Purchases {
        var subscriptions: [String] = []
        var charges: [(id: String, amount: Int64)] = []
    }

    private var purchases: [String: Purchases] = [:]

    /// Picks the next step: mostly new purchases, sometimes a renewal, refund or
    /// cancellation of an earlier one.
    mutating func nextAction(for programID: String) -> DemoAction {
        let known = purchases[programID] ?? Purchases()
        let roll = Int.random(in: 0..<100)

        if roll < 12, let subscription = known.subscriptions.randomElement() {
            return .renew(subscription: subscription)
        }
        if roll < 20, let charge = known.charges.randomElement() {
            let partial = Bool.random() && charge.amount > 1
            return .refund(charge: charge.id, amount: partial ? charge.amount / 2 : charge.amount)
        }
        if roll < 24, let subscription = known.subscriptions.randomElement() {
            return .cancel(subscription: subscription)
        }
        if roll < 30 {
            return .buyWithoutClick
        }
        return roll < 65 ? .subscribe : .buyOnce
    }

    mutating func remember(_ objects: [String: String], amount: Int64, program programID: String) {
        var known = purchases[programID] ?? Purchases()
        if let subscription = objects["subscription"] { known.subscriptions.append(subscription) }
        if let charge = objects["charge"] { known.charges.append((charge, amount)) }
        purchases[programID] = known
    }

    mutating func forgetCharge(_ charge: String, program programID: String) {
        purchases[programID]?.charges.removeAll { $0.id == charge }
    }

    mutating func forgetSubscription(_ subscription: String, program programID: String) {
        purchases[programID]?.subscriptions.removeAll { $0 == subscription }
    }
}

/// Plausible prices per currency, in minor units.
enum DemoPrices {
    static func random(for currency: String) -> Int64 {
        switch currency.uppercased() {
        case "JPY", "KRW": [980, 1_500, 3_200, 4_800].randomElement()!
        case "KWD", "BHD", "OMR": [2_500, 4_750, 9_900, 12_000].randomElement()!
        default: [900, 1_900, 2_900, 4_900, 9_900].randomElement()!
        }
    }
}
