import AgentRefDomain
import Foundation
import ServiceKit

extension APIRoutes {
    func registerAffiliates(into router: inout Router) {
        router.add("GET", "\(Self.prefix)/programs/:id/affiliates") { request in
            let program = try context.requireProgram(request.parameter("id"))
            let page = try PageRequest.parse(request)
            let slice = try context.store.affiliates(programId: program.id, window: page.window)
            return try request.writer.list(slice, request: page)
        }

        router.add("POST", "\(Self.prefix)/programs/:id/affiliates") { request in
            let program = try context.requireProgram(request.parameter("id"))
            let affiliate = try makeAffiliate(try JSONBody.parse(request), program: program)
            do {
                try context.store.insertAffiliate(affiliate)
            } catch StoreError.duplicate {
                throw APIError.conflict(
                    "affiliate code \(affiliate.code) already exists in program \(program.id); choose another code",
                    details: .object(["field": .string("code")])
                )
            }
            context.logger.info("affiliate created", [.programID: program.id, .affiliateID: affiliate.id])
            return try request.writer.object(affiliate, status: 201)
        }
    }

    private func makeAffiliate(_ body: JSONBody, program: Program) throws -> Affiliate {
        let code = try body.requiredString("code", maxLength: 64)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        guard code.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            throw APIError.validation(
                "code must contain only ASCII letters, digits, - and _, got \"\(code)\"", field: "code"
            )
        }
        let email = try body.optionalString("email", maxLength: 320)
        if let email, !email.contains("@") {
            throw APIError.validation("email must be an address such as jane@example.com, got \"\(email)\"", field: "email")
        }

        return Affiliate(
            id: IdentifierGenerator.make(prefix: "aff"),
            userId: IdentifierGenerator.make(prefix: "usr"),
            programId: program.id,
            code: code,
            status: "approved",
            createdAt: context.clock.now(),
            name: try body.optionalString("name", maxLength: 200),
            email: email
        )
    }
}
