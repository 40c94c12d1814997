import AgentRefDomain
import Foundation
import ServiceKit

extension APIRoutes {
    func registerPrograms(into router: inout Router) {
        router.add("GET", "\(Self.prefix)/programs") { request in
            let page = try PageRequest.parse(request)
            let slice = try context.store.programs(page.window).map(withTotals)
            return try request.writer.list(slice, request: page)
        }

        router.add("POST", "\(Self.prefix)/programs") { request in
            let program = try ProgramInput.parse(try JSONBody.parse(request)).makeProgram(
                id: IdentifierGenerator.make(prefix: "prg"), merchantId: context.merchantId, at: context.clock.now()
            )
            try context.store.insertProgram(program)
            context.logger.info("program created", [.programID: program.id])
            return try request.writer.object(try withTotals(try context.requireProgram(program.id)), status: 201)
        }

        router.add("GET", "\(Self.prefix)/programs/:id") { request in
            var program = try withTotals(try context.requireProgram(request.parameter("id")))
            program.readiness = try context.readiness(of: program)
            return try request.writer.object(program)
        }

        router.add("GET", "\(Self.prefix)/programs/:id/stats") { request in
            let program = try context.requireProgram(request.parameter("id"))
            return try request.writer.object(try stats(of: program))
        }
    }

    /// Fills the list's extension fields of the program: today's conversions, revenue and commission.
    private func withTotals(_ program: Program) throws -> Program {
        let totals = try context.store.conversionTotals(programId: program.id, since: context.clock.startOfDay())
        var filled = program
        filled.conversionsToday = totals.countSince
        filled.revenue = totals.revenue
        filled.commissionTotal = totals.commissions
        return filled
    }

    private func stats(of program: Program) throws -> ProgramStats {
        let totals = try context.store.conversionTotals(programId: program.id, since: context.clock.startOfDay())
        var stats = ProgramStats(
            programId: program.id,
            programName: program.name,
            status: program.status,
            totalRevenue: totals.revenueAcrossCurrencies,
            totalConversions: totals.count,
            totalCommissions: totals.commissionsAcrossCurrencies,
            pendingCommissions: totals.pendingCommissions,
            activeAffiliates: try context.store.approvedAffiliateCount(programId: program.id),
            conversionsByStatus: Dictionary(uniqueKeysWithValues: totals.countsByStatus.map { ($0.key.rawValue, $0.value) })
        )
        stats.revenueByCurrency = totals.revenue
        stats.commissionsByCurrency = totals.commissions
        stats.conversionsToday = totals.countSince
        stats.unattributedPayments = try context.store.unattributedPaymentCount(programId: program.id)
        return stats
    }
}
