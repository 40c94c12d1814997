/// The purpose of a piece of the screen, so a theme can give it a style. Each case is a
/// key of a theme file's `styles` object.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    /// Ordinary text on the screen background; other roles inherit its colours.
    case base
    /// Secondary text such as labels and explanations.
    case muted
    /// The title bar at the top.
    case title
    /// Table column headers.
    case header
    /// The selected table row.
    case selection
    /// URLs and values the operator acts on.
    case accent
    /// Good states such as a live Stripe connection.
    case success
    /// States that need attention soon, such as a pending authorization.
    case warning
    /// Failures: revoked or broken connections, errors, refunds' lost commission.
    case danger
    /// Refund rows of the live feed.
    case reversal
    /// The status line above the key hints.
    case statusBar
    /// The key hint bar at the bottom.
    case footer
    /// Key names in the key hint bar.
    case keyHint
    /// Key hints and help entries that cannot be used right now.
    case disabled
    /// The offline banner.
    case banner
    /// Body of dialogs and overlays.
    case dialog
    /// Frames of dialogs and overlays.
    case border
    /// The filter input.
    case filter
    /// QR code: foreground for dark modules, background for light ones.
    case qrCode
}
