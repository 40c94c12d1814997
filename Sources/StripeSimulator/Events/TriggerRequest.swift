import AgentRefDomain
import Foundation

/// The body of `POST /_sim/trigger`, validated:
/// `{"scenario":…,"account":"acct_…","cid":"cid_…","cidPlacement":[…],"amount":2900,
/// "currency":"usd","customerEmail":…,"target":{"charge"|"paymentIntent"|"subscription":…}}`.
struct TriggerRequest: Sendable {
    /// Ids of earlier objects a refund, renewal or cancellation acts on.
    struct Target: Sendable {
        var charge: String?
        var paymentIntent: String?
        var subscription: String?
    }

    /// Stripe's largest amount in minor units (eight digits).
    static let maxAmount: Int64 = 99_999_999

    var scenario: SimulatorScenario
    /// The account named in the request; see `resolvedAccount(in:)` for the default.
    var account: SimulatedAccount?
    var cid: String?
    /// Nil means the scenario's default placement.
    var cidPlacement: Set<CIDPlacement>?
    /// Minor units; nil means the scenario's default (2900, or the rest of a charge for refunds).
    var amount: Int64?
    /// Lower-case ISO 4217 code; nil means the account's default currency.
    var currency: String?
    var customerEmail: String?
    var target = Target()

    /// Parses and validates a JSON body.
    ///
    /// - Throws: `StripeAPIError` 400 naming the invalid field and what to send instead.
    init(body: Data) throws {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body), let fields = value.objectValue else {
            throw StripeAPIError.invalidParameter(
                "body", #"The request body must be a JSON object such as {"scenario":"checkout-payment"}."#
            )
        }
        let parser = TriggerFieldParser(fields: fields)

        scenario = try parser.scenario()
        try parser.rejectFields(notUsedBy: scenario)
        account = try parser.account()
        cid = try parser.string("cid")
        cidPlacement = try parser.cidPlacement()
        amount = try parser.amount()
        currency = try parser.currency()
        customerEmail = try parser.email()
        target = try parser.target()
    }

    /// Returns the account to run on: the one named in the request, else the account of
    /// the target object, else the first merchant (the one the authorize page preselects).
    func resolvedAccount(in state: SimulatorState) -> SimulatedAccount {
        if let account { return account }

        let targetID = target.charge ?? target.paymentIntent ?? target.subscription
        let owner = targetID.flatMap { state.objects[$0]?.account }.flatMap(SimulatedAccount.merchant(id:))
        return owner ?? SimulatedAccount.merchants[0]
    }
}

/// Field-by-field checks of a trigger body.
private struct TriggerFieldParser {
    let fields: [String: JSONValue]

    /// Returns the fields `scenario` reads. A field only another scenario reads is rejected
    /// rather than ignored, so a caller never believes it took effect.
    static func allowedFields(for scenario: SimulatorScenario) -> Set<String> {
        let common: Set<String> = ["scenario", "account"]
        switch scenario {
        case .checkoutPayment, .checkoutSubscription, .directCharge:
            return common.union(["cid", "cidPlacement", "amount", "currency", "customerEmail"])
        case .refund:
            return common.union(["amount", "target"])
        case .subscriptionRenewal, .subscriptionCanceled:
            return common.union(["target"])
        }
    }

    func scenario() throws -> SimulatorScenario {
        let names = SimulatorScenario.allCases.map(\.rawValue).joined(separator: ", ")
        guard let name = fields["scenario"]?.stringValue else {
            throw StripeAPIError.invalidParameter("scenario", "Missing field scenario; send one of \(names).")
        }
        guard let scenario = SimulatorScenario(rawValue: name) else {
            throw StripeAPIError.invalidParameter("scenario", "Unknown scenario '\(name)'; send one of \(names).")
        }
        return scenario
    }

    func rejectFields(notUsedBy scenario: SimulatorScenario) throws {
        let allowed = Self.allowedFields(for: scenario)
        for name in fields.keys.sorted() where !allowed.contains(name) && fields[name] != .null {
            throw StripeAPIError.invalidParameter(
                name, "Field \(name) is not used by scenario \(scenario.rawValue); it takes "
                    + allowed.sorted().joined(separator: ", ") + "."
            )
        }
    }

    func account() throws -> SimulatedAccount? {
        guard let id = try string("account") else { return nil }
        guard let account = SimulatedAccount.merchant(id: id) else {
            let known = SimulatedAccount.merchants.map(\.id).joined(separator: ", ")
            throw StripeAPIError.invalidParameter("account", "Unknown account '\(id)'; send one of \(known).")
        }
        return account
    }

    /// Returns a string field, or nil when it is absent, null or empty.
    func string(_ name: String) throws -> String? {
        guard let value = fields[name], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw StripeAPIError.invalidParameter(name, "Field \(name) must be a string.")
        }
        return text.isEmpty ? nil : text
    }

    func cidPlacement() throws -> Set<CIDPlacement>? {
        guard let value = fields["cidPlacement"], value != .null else { return nil }
        let names = CIDPlacement.allCases.map(\.rawValue).joined(separator: ", ")
        guard let items = value.arrayValue else {
            throw StripeAPIError.invalidParameter("cidPlacement", "Field cidPlacement must be an array of \(names).")
        }
        return Set(try items.map { item in
            guard let placement = item.stringValue.flatMap(CIDPlacement.init(rawValue:)) else {
                throw StripeAPIError.invalidParameter(
                    "cidPlacement", "Unknown cidPlacement entry \(item.stringValue ?? "(not a string)"); use \(names)."
                )
            }
            return placement
        })
    }

    func amount() throws -> Int64? {
        guard let value = fields["amount"], value != .null else { return nil }
        guard let amount = value.int64Value, (1...TriggerRequest.maxAmount).contains(amount) else {
            throw StripeAPIError.invalidParameter(
                "amount", "Field amount must be a whole number of minor units from 1 to \(TriggerRequest.maxAmount)."
            )
        }
        return amount
    }

    func currency() throws -> String? {
        guard let text = try string("currency") else { return nil }
        guard let code = CurrencyCode(text) else {
            throw StripeAPIError.invalidParameter(
                "currency", "Invalid currency '\(text)'; send three letters such as usd."
            )
        }
        return code.rawValue.lowercased()
    }

    func email() throws -> String? {
        guard let text = try string("customerEmail") else { return nil }
        guard text.contains("@"), !text.contains(where: \.isWhitespace) else {
            throw StripeAPIError.invalidParameter("customerEmail", "Invalid customerEmail '\(text)'; send an address.")
        }
        return text
    }

    func target() throws -> TriggerRequest.Target {
        guard let value = fields["target"], value != .null else { return TriggerRequest.Target() }
        guard let members = value.objectValue else {
            throw StripeAPIError.invalidParameter(
                "target", #"Field target must be an object such as {"charge":"ch_…"} or {"subscription":"sub_…"}."#
            )
        }
        let nested = TriggerFieldParser(fields: members)
        for name in members.keys.sorted() where !["charge", "paymentIntent", "subscription"].contains(name) {
            throw StripeAPIError.invalidParameter(
                "target.\(name)", "Unknown field target.\(name); target takes charge, paymentIntent or subscription."
            )
        }
        return TriggerRequest.Target(
            charge: try nested.string("charge"),
            paymentIntent: try nested.string("paymentIntent"),
            subscription: try nested.string("subscription")
        )
    }
}
