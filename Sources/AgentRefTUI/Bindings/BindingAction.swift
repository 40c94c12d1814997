/// The action of a key binding, which `AppReducer` performs.
enum BindingAction: String, Hashable, Sendable, CaseIterable {
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case moveToTop
    case moveToBottom
    case open
    case back
    case quit
    case toggleHelp
    case startFilter
    case finishFilter
    case clearFilter
    case deleteFilterCharacter
    case openStripeSettings
    case openStripeEvents
    case cycleSort
    case reverseSort
    case connectStripe
    case disconnectStripe
    case openFeed
    case refresh
    case togglePause
    case copyAuthURL
    case openAuthURL
    case confirm
    case cancel
}
