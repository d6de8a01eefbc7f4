@testable import TUI

/// Presses `keys` on `screen` in order, as the terminal delivers them, and returns every action
/// they asked of the meeting: what the key tests read.
func press(_ keys: [Key], on screen: inout Screen) -> [ScreenAction] {
    var all: [ScreenAction] = []
    for key in keys {
        _ = screen.handle(key)
        all += screen.takeActions()
    }
    return all
}
