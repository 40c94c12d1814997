import AgentRefDomain
import ServiceKit

extension APIRoutes {
    func registerStripe(into router: inout Router) {
        router.add("POST", "\(Self.prefix)/programs/:id/connect-stripe") { request in
            let program = try context.requireProgram(request.parameter("id"))
            let body = try JSONBody.parse(request, allowEmpty: true)
            _ = try body.optionalChoice("method", as: ConnectMethodChoice.self)
            return try request.writer.object(try connector.requestAuthorization(for: program))
        }

        router.add("DELETE", "\(Self.prefix)/programs/:id/connect-stripe") { request in
            let program = try context.requireProgram(request.parameter("id"))
            return try request.writer.object(try connector.disconnect(program))
        }

        router.add("GET", "\(Self.prefix)/programs/:id/stripe") { request in
            let program = try context.requireProgram(request.parameter("id"))
            let connection = try context.store.stripeConnection(programId: program.id)
            let unattributed = try context.store.unattributedPaymentCount(programId: program.id)
            let cleanups = try context.store.stripeCleanups(programId: program.id)
            return try request.writer.object(connection.detail(unattributedPayments: unattributed, cleanups: cleanups))
        }

        router.add("GET", "\(Self.prefix)/programs/:id/stripe/events") { request in
            let program = try context.requireProgram(request.parameter("id"))
            let page = try PageRequest.parse(request)
            let slice = try context.store.stripeEvents(programId: program.id, window: page.window)
            let rejected = try rejectedSignatures(programId: program.id)
            var extra: [String: JSONValue] = [
                "rejectedSignatures": .object(rejected.counts.mapValues { .number(Double($0)) }),
            ]
            if let last = rejected.last {
                extra["lastRejectedSignatureAt"] = .string(AgentRefJSON.formatTimestamp(last))
            }
            return try request.writer.list(slice, request: page, extra: extra)
        }
    }
}
