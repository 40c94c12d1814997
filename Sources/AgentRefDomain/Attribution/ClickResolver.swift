import Foundation

/// Chooses the click that credits a payment among the click ids found in Stripe objects.
///
/// A candidate counts when a click with that id exists, belongs to the program and is no
/// older than the program's `cookieDuration` days at the time of payment. The first
/// candidate that counts wins.
public enum ClickResolver {
    /// The click that credits the payment, or why none does.
    public enum Resolution: Hashable, Sendable {
        case attributed(ReferralClick, ClickIDCandidate)
        case unattributed(reason: String)
    }

    /// - Parameters:
    ///   - clicks: Stored clicks by id, for (at least) the candidates' values.
    ///   - paidAt: When the payment was made, in Unix seconds.
    public static func resolve(
        _ candidates: [ClickIDCandidate],
        clicks: [String: ReferralClick],
        program: Program,
        paidAt: Int64
    ) -> Resolution {
        guard !candidates.isEmpty else {
            return .unattributed(reason: "no agentref_cid in client_reference_id or metadata")
        }

        var reasons: [String] = []
        for candidate in candidates {
            guard let click = clicks[candidate.value] else {
                reasons.append("\(candidate.field) \(candidate.value) matches no referral click")
                continue
            }
            guard click.programId == program.id else {
                reasons.append("click \(click.cid) belongs to program \(click.programId)")
                continue
            }
            guard !isExpired(click, program: program, paidAt: paidAt) else {
                reasons.append("click \(click.cid) is older than the program's \(program.cookieDuration)-day window")
                continue
            }
            return .attributed(click, candidate)
        }
        return .unattributed(reason: reasons.joined(separator: "; "))
    }

    static func isExpired(_ click: ReferralClick, program: Program, paidAt: Int64) -> Bool {
        let ageSeconds = Double(paidAt) - click.createdAt.timeIntervalSince1970
        return ageSeconds > Double(program.cookieDuration) * 86_400
    }
}
