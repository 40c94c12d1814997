import AgentRefDomain
import Foundation

extension SQLiteStore {
    private static let programSelect = """
        SELECT p.*, p.rowid AS position, s.status AS stripe_status, s.stripe_account_id, s.connected_at
        FROM programs p LEFT JOIN stripe_connections s ON s.program_id = p.id
        """

    func insertProgram(_ program: Program) throws {
        try insert(
            """
            INSERT INTO programs (id, merchant_id, name, description, slug, website, landing_page_url, portal_slug,
                status, marketplace_status, commission_type, commission_percent, commission_limit_months,
                commission_hold_days, cookie_duration, payout_threshold, currency, auto_approve_affiliates,
                created_at, updated_at, commission_fixed_amount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                program.id, program.merchantId, program.name, program.description, program.slug, program.website,
                program.landingPageUrl, program.portalSlug, program.status, program.marketplaceStatus,
                program.commissionType.rawValue, program.commissionPercent, program.commissionLimitMonths,
                program.commissionHoldDays, program.cookieDuration, program.payoutThreshold, program.currency,
                program.autoApproveAffiliates, program.createdAt, program.updatedAt, program.commissionFixedAmount,
            ],
            duplicateKey: "program \(program.id)"
        )
    }

    func program(id: String) throws -> Program? {
        try database.queryFirst("\(Self.programSelect) WHERE p.id = ?", [id]).map(readProgram)
    }

    func programs(_ window: ListWindow) throws -> ListSlice<Program> {
        try list(
            select: Self.programSelect, from: "programs p", positionColumn: "p.rowid",
            filter: ("", []), window: window, read: readProgram
        )
    }

    private func readProgram(_ row: SQLiteRow) throws -> Program {
        var program = Program(
            id: try row.string("id"),
            merchantId: try row.string("merchant_id"),
            name: try row.string("name"),
            slug: try row.string("slug"),
            status: try row.string("status"),
            commissionType: CommissionType(rawValue: try row.string("commission_type")) ?? .oneTime,
            commissionPercent: try row.double("commission_percent"),
            commissionLimitMonths: row.optionalInt("commission_limit_months"),
            commissionHoldDays: try row.int("commission_hold_days"),
            cookieDuration: try row.int("cookie_duration"),
            payoutThreshold: try row.int("payout_threshold"),
            currency: try row.string("currency"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at")
        )
        program.description = row.optionalString("description")
        program.website = row.optionalString("website")
        program.landingPageUrl = row.optionalString("landing_page_url")
        program.portalSlug = row.optionalString("portal_slug")
        program.marketplaceStatus = try row.string("marketplace_status")
        program.autoApproveAffiliates = try row.bool("auto_approve_affiliates")
        program.commissionFixedAmount = row.optionalInt64("commission_fixed_amount")

        let status = row.optionalString("stripe_status").flatMap(StripeConnectionStatus.init) ?? .disconnected
        program.stripeStatus = status
        if status == .connected {
            program.stripeAccountId = row.optionalString("stripe_account_id")
            program.stripeConnectedAt = row.optionalDate("connected_at")
        }
        return program
    }

    // MARK: - Affiliates

    private static let affiliateSelect = """
        SELECT a.*, a.rowid AS position,
            (SELECT COUNT(*) FROM clicks k WHERE k.affiliate_id = a.id) AS total_clicks,
            (SELECT COUNT(*) FROM conversions c WHERE c.affiliate_id = a.id) AS total_conversions,
            (SELECT COALESCE(SUM(c.commission), 0) FROM conversions c WHERE c.affiliate_id = a.id) AS total_earnings
        FROM affiliates a
        """

    func insertAffiliate(_ affiliate: Affiliate) throws {
        try insert(
            """
            INSERT INTO affiliates (id, program_id, user_id, code, status, name, email, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                affiliate.id, affiliate.programId, affiliate.userId, affiliate.code, affiliate.status,
                affiliate.name, affiliate.email, affiliate.createdAt,
            ],
            duplicateKey: "affiliate code \(affiliate.code) in program \(affiliate.programId)"
        )
    }

    func affiliate(id: String) throws -> Affiliate? {
        try database.queryFirst("\(Self.affiliateSelect) WHERE a.id = ?", [id]).map(readAffiliate)
    }

    func affiliate(programId: String, code: String) throws -> Affiliate? {
        try database.queryFirst("\(Self.affiliateSelect) WHERE a.program_id = ? AND a.code = ?", [programId, code])
            .map(readAffiliate)
    }

    func affiliates(programId: String, window: ListWindow) throws -> ListSlice<Affiliate> {
        try list(
            select: Self.affiliateSelect, from: "affiliates a", positionColumn: "a.rowid",
            filter: ("a.program_id = ?", [programId]), window: window, read: readAffiliate
        )
    }

    func approvedAffiliateCount(programId: String) throws -> Int {
        try database.queryFirst(
            "SELECT COUNT(*) AS n FROM affiliates WHERE program_id = ? AND status = 'approved'", [programId]
        )?.int("n") ?? 0
    }

    private func readAffiliate(_ row: SQLiteRow) throws -> Affiliate {
        Affiliate(
            id: try row.string("id"),
            userId: try row.string("user_id"),
            programId: try row.string("program_id"),
            code: try row.string("code"),
            status: try row.string("status"),
            totalClicks: try row.int("total_clicks"),
            totalConversions: try row.int("total_conversions"),
            totalEarnings: try row.int64("total_earnings"),
            createdAt: try row.date("created_at"),
            name: row.optionalString("name"),
            email: row.optionalString("email")
        )
    }

    // MARK: - Clicks

    func insertClick(_ click: ReferralClick) throws {
        try insert(
            "INSERT INTO clicks (cid, program_id, affiliate_id, created_at) VALUES (?, ?, ?, ?)",
            [click.cid, click.programId, click.affiliateId, click.createdAt],
            duplicateKey: "click \(click.cid)"
        )
    }

    func clicks(ids: [String]) throws -> [String: ReferralClick] {
        var found: [String: ReferralClick] = [:]
        for id in Set(ids) {
            guard let row = try database.queryFirst("SELECT * FROM clicks WHERE cid = ?", [id]) else { continue }
            found[id] = ReferralClick(
                cid: try row.string("cid"),
                programId: try row.string("program_id"),
                affiliateId: try row.string("affiliate_id"),
                createdAt: try row.date("created_at")
            )
        }
        return found
    }
}
