import Foundation

/// A thread-safe queue of actions. Tasks that call the service post their results here,
/// and the main loop drains it on every pass.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [AppAction] = []

    func post(_ action: AppAction) {
        lock.lock()
        defer { lock.unlock() }
        actions.append(action)
    }

    /// Removes and returns every queued action, oldest first.
    func drain() -> [AppAction] {
        lock.lock()
        defer { lock.unlock() }
        let drained = actions
        actions = []
        return drained
    }
}
