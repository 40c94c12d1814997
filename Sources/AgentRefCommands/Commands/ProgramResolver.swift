import AgentRefClient
import AgentRefDomain

/// Finds a program from what an operator typed: its id, or its exact name.
enum ProgramResolver {
    /// Returns the program id for `text`.
    ///
    /// - Throws: `AgentRefClientError` NOT_FOUND naming `text` when neither an id nor a
    ///   name (compared case-insensitively) matches, or a usage error when several do.
    static func resolve(_ text: String, client: AgentRefHTTPClient) throws -> String {
        if text.hasPrefix("prg_") { return text }

        let programs = try AsyncRunner.run { try await client.allPrograms() }
        if programs.contains(where: { $0.id == text }) { return text }

        let matches = programs.filter { $0.name.lowercased() == text.lowercased() }
        if matches.count > 1 {
            throw UsageError("several programs are named \"\(text)\"; pass the id instead", command: "stripe")
        }
        guard let match = matches.first else {
            throw AgentRefClientError(
                code: AgentRefClientError.notFoundCode, status: 404,
                message: "No program has the id or name \"\(text)\"; run 'agentref programs' to list them"
            )
        }
        return match.id
    }
}
