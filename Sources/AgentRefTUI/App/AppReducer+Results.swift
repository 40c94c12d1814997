import AgentRefClient

/// Failed requests and the outcomes of copying and opening the authorization URL.
extension AppReducer {
    /// Records a failed request. A NOT_FOUND from the events log does not count against the
    /// API's health, because the hosted API has no such route and returns NOT_FOUND for it.
    static func requestFailed(_ request: ServiceRequest, _ error: AgentRefClientError,
                              _ state: inout AppState) -> [Effect] {
        if case .stripeEvents = request, error.isNotFound {
            state.health.recordSuccess(at: state.now)
        } else {
            state.health.recordFailure(error, at: state.now)
        }
        let text = error.description

        switch request {
        case .programs:
            state.programs.isLoading = false
            showMessage("Loading programs failed: \(text)", .error, &state)
        case .program(let id):
            showMessage("Loading program \(id) failed: \(text)", .error, &state)
        case .stripeConnection(let programID):
            state.stripe[programID, default: StripeDetailState()].isLoading = false
            state.stripe[programID]?.errorMessage = text
            state.connect?.isPolling = false
            if case .disconnect(var dialog) = state.overlay, dialog.programID == programID,
               dialog.phase == .succeeded(cleanup: nil) {
                dialog.phase = .succeeded(cleanup: .unknown)
                state.overlay = .disconnect(dialog)
            }
            showMessage("Loading the Stripe connection failed: \(text)", .error, &state)
        case .connectStripe(let programID):
            if state.connect?.programID == programID {
                state.connect?.phase = .failed(reason: "Requesting an authorization URL failed: \(text)")
            }
        case .disconnectStripe(let programID):
            disconnectFailed(programID, text, &state)
        case .stripeEvents(let programID, _):
            stripeEventsFailed(programID: programID, error, &state)
        }
        return []
    }

    private static func disconnectFailed(_ programID: String, _ text: String, _ state: inout AppState) {
        if case .disconnect(var dialog) = state.overlay, dialog.programID == programID {
            dialog.phase = .failed(message: text)
            state.overlay = .disconnect(dialog)
        } else {
            showMessage("Disconnecting Stripe failed: \(text)", .error, &state)
        }
    }

    static func clipboardWritten(characters: Int, _ state: inout AppState) {
        state.connect?.notice = "Sent the URL (\(characters) characters) to the clipboard with OSC 52. "
            + "If pasting gives nothing, the terminal blocks OSC 52: select the URL on screen instead."
    }

    static func urlOpenFinished(_ outcome: URLOpenOutcome, _ state: inout AppState) {
        switch outcome {
        case .opened(let command):
            state.connect?.notice = "Opened the URL with \(command)."
        case .noOpener:
            state.connect?.notice = "Cannot open a browser: $BROWSER is not set and xdg-open is not installed. "
                + "Copy the URL with y or scan the QR code."
        case .failed(let command, let message):
            state.connect?.notice = TextLayout.sentence("Starting \(command) failed: \(message)")
                + " Copy the URL with y instead."
        }
    }
}
