import AgentRefClient
import AgentRefDomain

/// The live feed's filter, parsed from the text typed after `/`.
///
/// The text is split at spaces into terms, and an entry must match every term. A term
/// `program:VALUE`, `affiliate:VALUE` or `type:VALUE` matches when that column contains
/// VALUE; any other term matches when one of the three does. Matching ignores case. A
/// field term without a value (`type:` while typing) matches everything.
struct FeedFilter: Hashable, Sendable {
    enum Field: String, CaseIterable, Hashable, Sendable {
        case program
        case affiliate
        case type

        /// The prefix typed before a value, such as `type:`.
        var prefix: String { rawValue + ":" }
    }

    struct Term: Hashable, Sendable {
        /// The column the term applies to; nil for any of them.
        var field: Field?
        var value: String
    }

    var terms: [Term]

    init(text: String) {
        terms = text.split(separator: " ", omittingEmptySubsequences: true).map { word in
            let lowered = word.lowercased()
            for field in Field.allCases where lowered.hasPrefix(field.prefix) {
                return Term(field: field, value: String(word.dropFirst(field.prefix.count)))
            }
            return Term(field: nil, value: String(word))
        }
    }

    /// A line naming the prefixes, for the filter row while nothing is typed.
    static let usage = "program:NAME affiliate:CODE type:EVENT, or any words"

    /// True when `entry` matches every term.
    func matches(_ entry: ConversionFeedEntry) -> Bool {
        let values = Self.values(of: entry)
        return terms.allSatisfy { term in
            guard !term.value.isEmpty else { return true }
            let fields = term.field.map { [$0] } ?? Field.allCases
            return fields.contains { field in
                values[field, default: []].contains { $0.localizedCaseInsensitiveContains(term.value) }
            }
        }
    }

    /// Returns the texts each field matches against: what the feed shows and the ids behind it.
    private static func values(of entry: ConversionFeedEntry) -> [Field: [String]] {
        let conversion = entry.conversion
        let program = [conversion.programName, conversion.programId].compactMap { $0 }
        let affiliate = [conversion.affiliateCode, conversion.affiliateId].compactMap { $0 }
        let type = [FeedRowText.event(entry), entry.type.rawValue] + stripeEventTypes(of: entry)
        return [
            .program: program.map(TextSanitizer.sanitize),
            .affiliate: affiliate.map(TextSanitizer.sanitize),
            .type: type.map(TextSanitizer.sanitize),
        ]
    }

    /// Returns the Stripe event behind the entry: the conversion's own event for a new one,
    /// `charge.refunded` for a refund, none for other updates.
    private static func stripeEventTypes(of entry: ConversionFeedEntry) -> [String] {
        switch entry.type {
        case .created: [entry.conversion.stripeEventType].compactMap { $0 }
        case .refunded: ["charge.refunded"]
        case .updated: []
        }
    }
}
