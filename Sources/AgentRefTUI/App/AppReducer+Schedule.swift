import Foundation

/// Work driven by time: polling the screen shown and expiring messages.
extension AppReducer {
    static func scheduledEffects(_ state: inout AppState) -> [Effect] {
        if let message = state.message, message.isExpired(at: state.now) {
            state.message = nil
        }

        switch state.screen {
        case .programs:
            guard isDue(state.programs.lastRequestAt, RefreshSchedule.programsInterval, state) else { return [] }
            return reloadPrograms(&state)
        case .stripeSettings(let programID):
            let lastRequest = state.stripe[programID]?.lastRequestAt
            guard isDue(lastRequest, RefreshSchedule.stripeSettingsInterval, state) else { return [] }
            return requestStripeConnection(programID, &state)
        case .connect:
            return pollConnectFlow(&state)
        case .stripeEvents(let programID):
            let lastRequest = state.eventLogs[programID]?.lastRequestAt
            guard isDue(lastRequest, RefreshSchedule.stripeEventsInterval, state) else { return [] }
            return reloadStripeEvents(programID, &state)
        case .feed:
            return []
        }
    }

    private static func isDue(_ lastRequest: Date?, _ interval: Double, _ state: AppState) -> Bool {
        guard let lastRequest else { return true }
        return state.now.timeIntervalSince(lastRequest) >= interval
    }
}
