/// The disconnect confirmation: what stops, what stays, and after confirming, the result.
enum DisconnectDialog {
    static func render(_ dialog: DisconnectDialogState, state: AppState, theme: Theme, into buffer: inout CellBuffer) {
        let body = FrameLayout(state: state).body
        view(dialog).render(in: body, theme: theme, into: &buffer)
    }

    static func view(_ dialog: DisconnectDialogState) -> DialogView {
        let name = dialog.programName
        switch dialog.phase {
        case .confirming:
            return DialogView(
                title: "Disconnect Stripe from \(name)?",
                paragraphs: [
                    ("What stops: the webhook registration on the Stripe account is removed and Stripe access is "
                        + "withdrawn, so new payments are no longer tracked and earn no commission.", .warning),
                    ("", .dialog),
                    ("What stays: existing conversions and commissions, the program and its affiliates. "
                        + "You can connect again later with c.", .dialog),
                ],
                choices: "y/Enter disconnect · n/Esc cancel"
            )
        case .inProgress:
            return DialogView(
                title: "Disconnecting Stripe from \(name)…",
                paragraphs: [("Waiting for the server to remove the webhook registration.", .dialog)],
                choices: "n/Esc closes this dialog; the result then shows on the message line"
            )
        case .succeeded:
            return DialogView(
                title: "Stripe disconnected",
                paragraphs: [
                    ("✓ Stripe is disconnected from \(name).", .success),
                    ("The webhook registration was removed and new payments are no longer tracked. Existing "
                        + "conversions and commissions are kept.", .dialog),
                ],
                choices: "Enter/Esc closes"
            )
        case .failed(let message):
            return DialogView(
                title: "Disconnect failed",
                paragraphs: [
                    ("✗ Disconnecting Stripe from \(name) failed: \(message)", .danger),
                    ("", .dialog),
                    ("Press Esc, then d to try again.", .dialog),
                ],
                choices: "Enter/Esc closes"
            )
        }
    }
}
