import AgentRefClient
import AgentRefDomain
import Foundation

/// Program Settings > Stripe, the connect flow and the disconnect dialog.
extension AppReducer {
    /// Asks for the connection detail of `programID` unless a request is in flight. A
    /// request older than `RefreshSchedule.requestTimeout` no longer counts as in flight.
    static func requestStripeConnection(_ programID: String, _ state: inout AppState) -> [Effect] {
        var detail = state.stripe[programID] ?? StripeDetailState()
        let sinceLast = detail.lastRequestAt.map { state.now.timeIntervalSince($0) } ?? .infinity
        guard !detail.isLoading || sinceLast >= RefreshSchedule.requestTimeout else { return [] }

        detail.isLoading = true
        detail.lastRequestAt = state.now
        state.stripe[programID] = detail
        return [.loadStripeConnection(programID: programID)]
    }

    static func stripeConnectionLoaded(_ connection: StripeConnection, _ state: inout AppState) -> [Effect] {
        let programID = connection.programId
        var detail = state.stripe[programID] ?? StripeDetailState()
        detail.connection = connection
        detail.isLoading = false
        detail.lastLoadedAt = state.now
        detail.errorMessage = nil
        state.stripe[programID] = detail
        state.health.recordSuccess(at: state.now)

        if var program = state.knownPrograms[programID] {
            program.stripeStatus = connection.status
            program.stripeAccountId = connection.stripeAccountId
            remember(program, &state)
        }
        advanceConnectFlow(with: connection, &state)
        recordCleanup(from: connection, &state)
        return []
    }

    /// Completes the disconnect dialog's result from the detail's cleanup fields. Only a
    /// disconnected detail counts, because one that still shows the connection was
    /// requested before the disconnect.
    private static func recordCleanup(from connection: StripeConnection, _ state: inout AppState) {
        guard case .disconnect(var dialog) = state.overlay, dialog.programID == connection.programId,
              dialog.phase == .succeeded(cleanup: nil), connection.status == .disconnected else { return }

        dialog.phase = .succeeded(cleanup: StripeCleanupOutcome(connection))
        state.overlay = .disconnect(dialog)
    }

    /// Moves the connect screen on when a poll shows the authorization finished or failed.
    private static func advanceConnectFlow(with connection: StripeConnection, _ state: inout AppState) {
        guard var flow = state.connect, flow.programID == connection.programId else { return }

        flow.isPolling = false
        switch (flow.phase, connection.status) {
        case (.waiting, .pending):
            flow.pendingError = connection.errorMessage
            flow.authExpiresAt = connection.authExpiresAt
            expireIfDue(&flow, now: state.now)
        case (.waiting, .connected), (.alreadyConnected, .connected):
            if case .waiting = flow.phase {
                showMessage("Stripe is connected for \(state.programName(flow.programID)).", .success, &state)
                flow.phase = .connected(accountID: connection.stripeAccountId)
            } else {
                flow.phase = .alreadyConnected(accountID: connection.stripeAccountId)
            }
        case (.waiting, .error):
            let detail = connection.errorMessage.map { ": " + TextLayout.sentence($0) }
                ?? "; the server gave no reason."
            flow.phase = .failed(reason: "Connecting failed\(detail)")
        case (.waiting, .revoked):
            let detail = connection.errorMessage.map { ": " + TextLayout.sentence($0) } ?? "."
            flow.phase = .failed(reason: "Stripe access was revoked\(detail)")
        case (.waiting, .disconnected):
            flow.phase = .failed(reason: "The program is disconnected, so this authorization no longer applies.")
        default:
            break
        }
        state.connect = flow
    }

    /// Ends the wait once the authorization link has expired.
    private static func expireIfDue(_ flow: inout ConnectFlowState, now: Date) {
        guard case .waiting = flow.phase, let expiry = flow.authExpiresAt, expiry <= now else { return }
        flow.phase = .expired(at: expiry)
    }

    // MARK: Connect

    /// Requests an authorization URL for the target program and shows the connect screen,
    /// or, on the connect screen after a failure or expiry, starts over on it.
    static func startConnect(_ state: inout AppState) -> [Effect] {
        guard let programID = state.targetProgramID else { return [] }

        state.connect = ConnectFlowState(programID: programID, phase: .requesting, startedAt: state.now)
        if state.screen != .connect(programID: programID) {
            state.stack.append(.connect(programID: programID))
        }
        return [.connectStripe(programID: programID)]
    }

    static func connectStripeFinished(_ result: ConnectStripeResult, _ state: inout AppState) -> [Effect] {
        state.health.recordSuccess(at: state.now)
        guard var flow = state.connect, flow.programID == result.programId else { return [] }

        flow.serverMessage = result.message
        if result.connected {
            let accountID = state.stripe[result.programId]?.connection?.stripeAccountId
                ?? state.knownPrograms[result.programId]?.stripeAccountId
            flow.phase = .alreadyConnected(accountID: accountID)
            state.connect = flow
            return requestStripeConnection(result.programId, &state)
        }
        guard let url = result.authUrl, !url.isEmpty else {
            flow.phase = .failed(reason: "The server returned no authorization URL. Its message: \(result.message)")
            state.connect = flow
            return []
        }

        flow.phase = .waiting(authURL: url)
        flow.lastPollAt = state.now
        state.connect = flow
        markPending(result.programId, &state)
        return []
    }

    private static func markPending(_ programID: String, _ state: inout AppState) {
        if var program = state.knownPrograms[programID] {
            program.stripeStatus = .pending
            remember(program, &state)
        }
        state.stripe[programID]?.connection?.status = .pending
    }

    /// Polls the connection while the connect screen waits for authorization, and stops
    /// once the authorization link has expired.
    static func pollConnectFlow(_ state: inout AppState) -> [Effect] {
        guard var flow = state.connect, case .waiting = flow.phase else { return [] }
        expireIfDue(&flow, now: state.now)
        guard case .waiting = flow.phase else {
            state.connect = flow
            return []
        }
        let sinceLast = flow.lastPollAt.map { state.now.timeIntervalSince($0) } ?? .infinity
        let interval = flow.isPolling ? RefreshSchedule.requestTimeout : RefreshSchedule.connectPollInterval
        guard sinceLast >= interval else { return [] }

        let effects = requestStripeConnection(flow.programID, &state)
        flow.isPolling = !effects.isEmpty
        flow.lastPollAt = state.now
        state.connect = flow
        return effects
    }

    // MARK: Disconnect

    static func askToDisconnect(_ state: inout AppState) -> [Effect] {
        guard let programID = state.targetProgramID else { return [] }

        let dialog = DisconnectDialogState(programID: programID, programName: state.programName(programID),
                                           status: state.stripeStatus(of: programID))
        state.overlay = .disconnect(dialog)
        return []
    }

    static func confirmDisconnect(_ state: inout AppState) -> [Effect] {
        guard case .disconnect(var dialog) = state.overlay else { return [] }
        guard dialog.phase == .confirming else {
            state.overlay = nil
            return []
        }

        dialog.phase = .inProgress
        state.overlay = .disconnect(dialog)
        return [.disconnectStripe(programID: dialog.programID)]
    }

    static func closeDisconnectDialog(_ state: inout AppState) -> [Effect] {
        state.overlay = nil
        return []
    }

    /// Shows the outcome and requests the connection detail again, whose cleanup fields
    /// tell whether the webhook registration on Stripe is gone. A detail request already in
    /// flight was sent before the disconnect, so a new one goes out regardless.
    static func disconnectStripeFinished(_ result: DisconnectStripeResult, _ state: inout AppState) -> [Effect] {
        state.health.recordSuccess(at: state.now)
        let name = state.programName(result.programId)
        if case .disconnect(var dialog) = state.overlay, dialog.programID == result.programId {
            dialog.phase = result.success
                ? .succeeded(cleanup: nil) : .failed(message: "The server did not confirm the disconnect.")
            state.overlay = .disconnect(dialog)
        } else if result.success {
            showMessage("Stripe is disconnected for \(name).", .success, &state)
        }

        if result.success, var program = state.knownPrograms[result.programId] {
            program.stripeStatus = .disconnected
            program.stripeAccountId = nil
            remember(program, &state)
        }
        state.stripe[result.programId]?.isLoading = false
        return requestStripeConnection(result.programId, &state) + reloadPrograms(&state)
    }
}
