import AgentRefDomain

extension SimulatorState {
    /// Returns the object `id` of `kind` (such as `charge`) on `account`, or nil.
    func object(id: String, kind: String, account: String) -> JSONValue? {
        guard let stored = objects[id], stored.account == account, stored.kind == kind else { return nil }
        return stored.object
    }

    /// Returns the most recently created object of `kind` on `account` that passes `isIncluded`.
    func latestObject(
        kind: String, account: String, where isIncluded: (JSONValue) -> Bool = { _ in true }
    ) -> JSONValue? {
        objects.values
            .filter { $0.account == account && $0.kind == kind && isIncluded($0.object) }
            .max { $0.sequence < $1.sequence }?
            .object
    }

    /// Inserts `object` or replaces the stored object with the same id, keeping its place
    /// in creation order.
    mutating func save(_ object: JSONValue, account: String) {
        guard let id = object["id"]?.stringValue else { return }
        let sequence = objects[id]?.sequence ?? takeSequence()
        objects[id] = StoredObject(account: account, sequence: sequence, object: object)
    }
}
