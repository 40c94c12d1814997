import Foundation

/// Faults a server injects into its own API responses, parsed from a specification such as
/// `delay=200ms:0.2,status500:0.1,status429:0.1,drop:0.05`.
///
/// Each comma-separated rule is `KIND[=VALUE][:PROBABILITY]`, the probability from 0 to 1
/// (default 1):
/// - `delay=DURATION` waits before handling, `DURATION` in `ms` or `s` (`200ms`, `1.5s`);
/// - `statusNNN` returns that 4xx or 5xx status instead of handling; `status429=DURATION`
///   sets its `Retry-After` (default 1 s);
/// - `drop` handles the request and then closes the connection without a response; on an
///   event stream it closes the connection instead of sending a piece, with that
///   probability per piece.
public struct FaultPlan: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case delay(seconds: Double)
        case status(code: Int, retryAfterSeconds: Double?)
        case drop
    }

    public struct Rule: Hashable, Sendable {
        public var kind: Kind
        public var probability: Double

        public init(kind: Kind, probability: Double) {
            self.kind = kind
            self.probability = probability
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// The plan as a specification that `parse(_:)` reads back.
    public var description: String {
        rules.map { rule in
            let kind: String
            switch rule.kind {
            case .delay(let seconds): kind = "delay=\(Int((seconds * 1000).rounded()))ms"
            case .status(let code, let retryAfter):
                kind = "status\(code)" + (retryAfter.map { "=\(Int(($0 * 1000).rounded()))ms" } ?? "")
            case .drop: kind = "drop"
            }
            return "\(kind):\(rule.probability)"
        }.joined(separator: ",")
    }

    /// Parses a specification; an empty one gives a plan without rules.
    ///
    /// - Throws: `FaultPlanError` naming the first rule that cannot be read and the form it
    ///   should have.
    public static func parse(_ specification: String) throws -> FaultPlan {
        let items = specification.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return FaultPlan(rules: try items.filter { !$0.isEmpty }.map(parseRule))
    }

    private static func parseRule(_ text: String) throws -> Rule {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let probability = try parts.count == 2 ? parseProbability(parts[1], rule: text) : 1
        let (name, value) = splitValue(parts[0])

        switch name {
        case "delay":
            guard let value else { throw FaultPlanError(rule: text, reason: "delay needs a duration, as in delay=200ms") }
            return Rule(kind: .delay(seconds: try parseDuration(value, rule: text)), probability: probability)
        case "drop":
            guard value == nil else { throw FaultPlanError(rule: text, reason: "drop takes no value") }
            return Rule(kind: .drop, probability: probability)
        default:
            return Rule(kind: try parseStatus(name, value: value, rule: text), probability: probability)
        }
    }

    private static func splitValue(_ text: String) -> (String, String?) {
        let pieces = text.split(separator: "=", maxSplits: 1).map(String.init)
        return (pieces[0].lowercased(), pieces.count == 2 ? pieces[1] : nil)
    }

    private static func parseStatus(_ name: String, value: String?, rule: String) throws -> Kind {
        guard name.hasPrefix("status"), let code = Int(name.dropFirst("status".count)), (400...599).contains(code) else {
            throw FaultPlanError(rule: rule, reason: "unknown fault \"\(name)\"; use delay=DURATION, statusNNN (400 to 599) or drop")
        }
        guard let value else { return .status(code: code, retryAfterSeconds: code == 429 ? 1 : nil) }
        guard code == 429 else { throw FaultPlanError(rule: rule, reason: "only status429 takes a value (its Retry-After)") }
        return .status(code: code, retryAfterSeconds: try parseDuration(value, rule: rule))
    }

    private static func parseProbability(_ text: String, rule: String) throws -> Double {
        guard let value = Double(text), (0...1).contains(value) else {
            throw FaultPlanError(rule: rule, reason: "probability \"\(text)\" must be a number from 0 to 1")
        }
        return value
    }

    /// Reads `200ms` or `1.5s` as seconds.
    static func parseDuration(_ text: String, rule: String) throws -> Double {
        let lowered = text.lowercased()
        let (number, scale): (Substring, Double) = lowered.hasSuffix("ms")
            ? (lowered.dropLast(2), 0.001)
            : lowered.hasSuffix("s") ? (lowered.dropLast(), 1) : ("", 0)
        guard let value = Double(number), value >= 0, value.isFinite, scale > 0 else {
            throw FaultPlanError(rule: rule, reason: "duration \"\(text)\" must be a number with ms or s, as in 200ms")
        }
        return value * scale
    }
}

/// A fault specification that cannot be parsed.
public struct FaultPlanError: Error, CustomStringConvertible {
    public var rule: String
    public var reason: String

    public var description: String {
        "invalid fault rule \"\(rule)\": \(reason)"
    }
}
