/// Whether and how keenly the key hint bar shows a binding. When the hints do not fit,
/// the bar drops `secondary` ones first, then `primary` ones, each from the end of the
/// binding table. It keeps `always` ones.
enum FooterSlot: Hashable, Sendable {
    /// Only in help.
    case hidden
    case secondary
    case primary
    case always
}
