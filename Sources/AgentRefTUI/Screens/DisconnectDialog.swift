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
                paragraphs: [(whatStops(dialog), .warning), ("", .dialog), (whatStays, .dialog)],
                compactParagraphs: [(shortWhatStops(dialog), .warning), (shortWhatStays, .dialog)],
                choices: "y/Enter disconnect · n/Esc cancel"
            )
        case .inProgress:
            let work = dialog.wasPending ? "cancel the authorization" : "remove the webhook registration on Stripe"
            return DialogView(
                title: "Disconnecting Stripe from \(name)…",
                paragraphs: [("Waiting for the server to \(work).", .dialog)],
                choices: "n/Esc closes this dialog; the result then shows on the message line"
            )
        case .succeeded(let cleanup):
            return DialogView(
                title: "Stripe disconnected",
                paragraphs: [("✓ Stripe is disconnected from \(name).", .success)]
                    + resultParagraphs(dialog, cleanup),
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

    private static func whatStops(_ dialog: DisconnectDialogState) -> String {
        if dialog.wasPending {
            return "What stops: the authorization that is waiting is cancelled, so its link no longer connects. "
                + "Stripe was never connected for this program, so there is no webhook registration to remove."
        }
        return "What stops: the server removes the webhook registration on the Stripe account and withdraws "
            + "Stripe access, so new payments are no longer tracked and earn no commission."
    }

    private static let whatStays = "What stays: existing conversions and commissions, the program and its "
        + "affiliates. You can connect again later with c."

    /// Returns one short line, so that it and `shortWhatStays` fit the smallest terminal
    /// the dashboard draws (40×10).
    private static func shortWhatStops(_ dialog: DisconnectDialogState) -> String {
        dialog.wasPending ? "Stops: the waiting authorization." : "Stops: webhook, access, tracking."
    }

    private static let shortWhatStays = "Stays: conversions, commissions."

    /// Returns the result's paragraphs after the first, which depend on the cleanup on Stripe.
    private static func resultParagraphs(_ dialog: DisconnectDialogState, _ cleanup: StripeCleanupOutcome?)
        -> [(text: String, role: ThemeRole)] {
        let kept = "Existing conversions and commissions are kept."
        if dialog.wasPending {
            return [("The waiting authorization was cancelled, so its link no longer connects. \(kept)", .dialog)]
        }

        let tracking = "New payments are no longer tracked. \(kept)"
        switch cleanup {
        case nil:
            return [(tracking, .dialog), ("Checking whether the webhook registration on Stripe is removed…", .muted)]
        case .done:
            return [("The webhook registration on Stripe was removed and access withdrawn. \(tracking)", .dialog)]
        case .retrying(let message):
            let reason = message.map { " " + TextLayout.sentence(RepeatedURLText.shortened($0)) } ?? ""
            return [
                (tracking, .dialog),
                ("Removing the webhook registration on Stripe has not finished yet.\(reason) "
                    + "Program Settings > Stripe shows when the server has done it.", .warning),
            ]
        case .failed(let message):
            let reason = message.map { " " + TextLayout.sentence(RepeatedURLText.shortened($0)) } ?? ""
            return [(tracking, .dialog), ("Removing the webhook registration on Stripe failed.\(reason)", .danger)]
        case .unknown:
            return [
                (tracking, .dialog),
                ("The server removes the webhook registration on Stripe; Program Settings > Stripe shows "
                    + "whether that is still pending.", .dialog),
            ]
        }
    }
}
