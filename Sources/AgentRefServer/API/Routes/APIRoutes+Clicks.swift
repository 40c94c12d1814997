import AgentRefDomain
import ServiceKit

extension APIRoutes {
    func registerClicks(into router: inout Router) {
        router.add("POST", "\(Self.prefix)/clicks") { request in
            let body = try JSONBody.parse(request)
            let programId = try body.requiredString("programId", maxLength: 100)
            let code = try body.requiredString("affiliateCode", maxLength: 64)

            let program = try context.requireProgram(programId)
            guard let affiliate = try context.store.affiliate(programId: program.id, code: code) else {
                throw APIError.notFound("Affiliate code \(code) not found in program \(program.id)")
            }
            let click = ReferralClick(
                cid: IdentifierGenerator.make(prefix: "cid"),
                programId: program.id,
                affiliateId: affiliate.id,
                createdAt: context.clock.now()
            )
            try context.store.insertClick(click)
            return try request.writer.object(click, status: 201)
        }
    }
}
