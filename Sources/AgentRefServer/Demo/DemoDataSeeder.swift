import AgentRefDomain
import AgentRefLog
import Foundation

/// Seeds sample programs and affiliates for trying the dashboard: four programs, all
/// disconnected from Stripe, in USD, EUR, JPY and KWD with different commission types.
///
/// The data includes hostile text on purpose: a program name with CJK characters and an
/// emoji, and an affiliate name with an ANSI escape sequence and a BEL control character,
/// which the dashboard must display harmlessly. Ids are fixed, so seeding again adds nothing.
struct DemoDataSeeder {
    let context: ServerContext

    struct DemoProgram {
        var id: String
        var name: String
        var currency: String
        var commissionType: CommissionType
        var percent: Double
        var limitMonths: Int?
        var affiliates: [(code: String, name: String)]
    }

    static let programs: [DemoProgram] = [
        DemoProgram(
            id: "prg_demo_northwind", name: "Northwind Coffee Club", currency: "USD", commissionType: .recurring,
            percent: 20, limitMonths: nil,
            affiliates: [("jane20", "Jane Doe"), ("brewmaster", "Sam Brewer"), ("latteart", "Lena Ortiz"),
                         ("coffeecast", "Coffee Cast Podcast")]
        ),
        DemoProgram(
            id: "prg_demo_harbor", name: "Harbor Yoga Online", currency: "EUR", commissionType: .recurringLimited,
            percent: 15, limitMonths: 12,
            affiliates: [("namaste", "Anna Keller"), ("flowwithfinn", "Finn Berg"), ("zenzoe", "Zoë Laurent"),
                         ("yogabox", "YogaBox Magazine"), ("stretch", "Marta Nowak")]
        ),
        DemoProgram(
            id: "prg_demo_ramen", name: "東京ラーメン Club 🍜", currency: "JPY", commissionType: .oneTime,
            percent: 10, limitMonths: nil,
            affiliates: [("sato", "佐藤 花子"), ("noodlefan", "Kenji Mori"), ("umami", "Umami Weekly"),
                         ("tabearuki", "食べ歩き Blog")]
        ),
        DemoProgram(
            id: "prg_demo_lantern", name: "Lantern Ledger Pro", currency: "KWD", commissionType: .recurring,
            percent: 25, limitMonths: nil,
            affiliates: [("fahad", "Fahad Al-Sabah"), ("ledgerlab", "Ledger Lab"), ("mallory", "Mallory \u{1B}[31mRED\u{1B}[0m\u{07}"),
                         ("numbers", "Numbers Daily"), ("audit", "Audit Hour"), ("dinar", "Dinar Digest")]
        ),
    ]

    /// Inserts the demo programs and affiliates that do not exist yet.
    ///
    /// - Returns: The number of programs inserted.
    @discardableResult
    func seed() throws -> Int {
        var inserted = 0
        try context.store.transaction {
            for demo in Self.programs {
                if try seed(demo) { inserted += 1 }
            }
        }
        context.logger.info("demo data seeded", [.count: String(inserted)])
        return inserted
    }

    /// Inserts `count` generated programs named `Generated Program 001` and on, with
    /// currencies and commission types in turn and no affiliates, skipping those that
    /// exist. Their ids are fixed, so seeding again adds nothing.
    ///
    /// - Returns: The number of programs inserted.
    @discardableResult
    func seedGeneratedPrograms(count: Int) throws -> Int {
        guard count > 0 else { return 0 }

        let digits = max(3, String(count).count)
        var inserted = 0
        try context.store.transaction {
            for number in 1...count {
                let program = generatedProgram(number, digits: digits)
                guard try context.store.program(id: program.id) == nil else { continue }
                try context.store.insertProgram(program)
                inserted += 1
            }
        }
        context.logger.info("generated programs seeded", [.count: String(inserted)])
        return inserted
    }

    private func generatedProgram(_ number: Int, digits: Int) -> Program {
        let currencies = ["USD", "EUR", "JPY", "KWD", "GBP"]
        let types: [CommissionType] = [.oneTime, .recurring, .recurringLimited]
        let padded = String(repeating: "0", count: max(0, digits - String(number).count)) + String(number)
        let type = types[number % types.count]
        let now = context.clock.now()
        return Program(
            id: "prg_gen_\(padded)", merchantId: context.merchantId, name: "Generated Program \(padded)",
            slug: "generated-\(padded)", commissionType: type, commissionPercent: Double(5 + number % 20),
            commissionLimitMonths: type == .recurringLimited ? 12 : nil,
            currency: currencies[number % currencies.count], createdAt: now, updatedAt: now
        )
    }

    private func seed(_ demo: DemoProgram) throws -> Bool {
        let now = context.clock.now()
        let isNew = try context.store.program(id: demo.id) == nil
        if isNew {
            var program = Program(
                id: demo.id, merchantId: context.merchantId, name: demo.name,
                slug: ProgramInput.slug(from: demo.name, fallback: demo.id),
                commissionType: demo.commissionType, commissionPercent: demo.percent,
                commissionLimitMonths: demo.limitMonths, currency: demo.currency, createdAt: now, updatedAt: now
            )
            program.description = "Demo program seeded by agentref serve --demo-data"
            try context.store.insertProgram(program)
        }

        for (index, affiliate) in demo.affiliates.enumerated() {
            let id = "aff_\(demo.id.dropFirst(4))_\(index + 1)"
            guard try context.store.affiliate(id: id) == nil else { continue }
            try context.store.insertAffiliate(Affiliate(
                id: id, userId: "usr_\(id.dropFirst(4))", programId: demo.id, code: affiliate.code,
                createdAt: now, name: affiliate.name, email: "\(affiliate.code)@example.com"
            ))
        }
        return isNew
    }
}
