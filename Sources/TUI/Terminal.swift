/// The one door to the real terminal. Everything above it draws into a `ScreenBuffer`,
/// so layout and drawing are tested without a terminal.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Paints the cells that differ from the last frame; returns how many it painted.
    @discardableResult func present(_ buffer: ScreenBuffer) -> Int
    func apply(theme: Theme)
    /// The next key or mouse action already waiting, without blocking.
    func readKey() -> Key?
    /// Leaves curses mode and restores the terminal; safe to call twice.
    func stop()
}
