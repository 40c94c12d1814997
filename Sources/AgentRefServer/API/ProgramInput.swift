import AgentRefDomain
import Foundation

/// The body of `POST /api/v1/programs`, validated.
///
/// `name`, `commissionType` and `commissionPercent` are required; `commissionLimitMonths`
/// is required for `recurring_limited`. `commissionFixedAmount`, an extension of this
/// server, replaces the percentage and makes `commissionPercent` optional (default 0). The
/// other fields of `Program` are optional and take AgentRef's defaults.
struct ProgramInput {
    /// Stripe's largest amount in minor units (eight digits), the limit of a fixed commission.
    static let maxFixedAmount = 99_999_999

    var name: String
    var commissionType: CommissionType
    var commissionPercent: Double
    var commissionFixedAmount: Int64?
    var commissionLimitMonths: Int?
    var commissionHoldDays: Int
    var cookieDuration: Int
    var payoutThreshold: Int
    var currency: String
    var description: String?
    var website: String?
    var landingPageUrl: String?
    var portalSlug: String?
    var status: String
    var marketplaceStatus: String
    var autoApproveAffiliates: Bool

    static func parse(_ body: JSONBody) throws -> ProgramInput {
        let name = try body.requiredString("name", maxLength: 200)
        guard let commissionType = try body.optionalChoice("commissionType", as: CommissionType.self) else {
            throw APIError.validation(
                "commissionType is required: send \"one_time\", \"recurring\" or \"recurring_limited\"", field: "commissionType"
            )
        }
        let limitMonths = try body.optionalInteger("commissionLimitMonths", in: 1...120)
        if commissionType == .recurringLimited, limitMonths == nil {
            throw APIError.validation(
                "commissionLimitMonths is required when commissionType is recurring_limited: send 1 to 120",
                field: "commissionLimitMonths"
            )
        }

        let fixedAmount = try body.optionalInteger("commissionFixedAmount", in: 0...maxFixedAmount)
        let percent = fixedAmount == nil
            ? try body.requiredNumber("commissionPercent", in: 0...100)
            : try body.optionalNumber("commissionPercent", in: 0...100) ?? 0

        return ProgramInput(
            name: name,
            commissionType: commissionType,
            commissionPercent: percent,
            commissionFixedAmount: fixedAmount.map(Int64.init),
            commissionLimitMonths: limitMonths,
            commissionHoldDays: try body.optionalInteger("commissionHoldDays", in: 0...365) ?? 30,
            cookieDuration: try body.optionalInteger("cookieDuration", in: 1...365) ?? 30,
            payoutThreshold: try body.optionalInteger("payoutThreshold", in: 0...100_000_000) ?? 5000,
            currency: try parseCurrency(body),
            description: try body.optionalString("description", maxLength: 2000),
            website: try body.optionalString("website", maxLength: 500),
            landingPageUrl: try body.optionalString("landingPageUrl", maxLength: 500),
            portalSlug: try body.optionalString("portalSlug", maxLength: 100),
            status: try body.optionalChoice("status", as: ProgramStatusChoice.self)?.rawValue ?? "active",
            marketplaceStatus: try body.optionalChoice("marketplaceStatus", as: MarketplaceStatusChoice.self)?.rawValue
                ?? "private",
            autoApproveAffiliates: try body.optionalBool("autoApproveAffiliates") ?? true
        )
    }

    private static func parseCurrency(_ body: JSONBody) throws -> String {
        guard let text = try body.optionalString("currency", maxLength: 10) else { return "USD" }
        guard let code = CurrencyCode(text), code.isISO4217 else {
            throw APIError.validation("currency must be a three-letter ISO 4217 code such as USD, got \"\(text)\"", field: "currency")
        }
        return code.rawValue
    }

    func makeProgram(id: String, merchantId: String, at date: Date) -> Program {
        var program = Program(
            id: id,
            merchantId: merchantId,
            name: name,
            slug: Self.slug(from: name, fallback: id),
            status: status,
            commissionType: commissionType,
            commissionPercent: commissionPercent,
            commissionLimitMonths: commissionLimitMonths,
            commissionHoldDays: commissionHoldDays,
            cookieDuration: cookieDuration,
            payoutThreshold: payoutThreshold,
            currency: currency,
            createdAt: date,
            updatedAt: date
        )
        program.description = description
        program.website = website
        program.landingPageUrl = landingPageUrl
        program.portalSlug = portalSlug
        program.marketplaceStatus = marketplaceStatus
        program.autoApproveAffiliates = autoApproveAffiliates
        program.commissionFixedAmount = commissionFixedAmount
        return program
    }

    /// Lower-case ASCII letters and digits of `name` joined by hyphens, or `fallback` when none remain.
    static func slug(from name: String, fallback: String) -> String {
        let words = name.lowercased().unicodeScalars.split { scalar in
            !(("a"..."z").contains(scalar) || ("0"..."9").contains(scalar))
        }
        let slug = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
        return slug.isEmpty ? fallback : String(slug.prefix(80))
    }
}
