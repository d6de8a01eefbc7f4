import Core
import Foundation

/// The screen's thread: sleeps in `poll` on the keyboard and the inbox's wake pipe, applies keys
/// and events to the `Screen`, and paints at most ~30 frames a second, only when something changed.
struct UILoop: Sendable {
    let catalog: ThemeCatalog
    let themeIndex: Int
    let options: TUIOptions
    let inbox: Inbox
    let send: @Sendable (PipelineCommand) -> Void

    static let frameInterval = 1.0 / 30
    /// With nothing to do, wake this often anyway: ncurses notices a resize only when asked for a key.
    static let idleWake = 0.25

    func run() throws {
        let terminal = try NcursesTerminal(theme: catalog.themes[themeIndex], useColor: !options.noColor)
        // SIGINT, SIGTERM and SIGHUP stop the screen, so the terminal is restored before the process goes.
        let signals = StopSignals([SIGINT, SIGTERM, SIGHUP]) { [inbox] in inbox.requestStop(.signal($0)) }
        defer {
            terminal.stop()
            signals.cancel()
        }
        let clock = WallClock()
        let frames = FrameLog(path: ProcessInfo.processInfo.environment["MOCKPILOT_TUI_FRAME_LOG"])
        var screen = Screen(catalog: catalog, themeIndex: themeIndex, exportFolder: options.exportFolder,
                            size: terminal.size)
        var dirty = true
        var lastFrame = -1.0
        var shownNotice: Notice?

        while true {
            let now = clock.now()
            var timeout = dirty ? max(0, lastFrame + Self.frameInterval - now) : Self.idleWake
            if let expiry = screen.nextExpiry { timeout = min(timeout, max(0, expiry - now)) }
            wait(seconds: timeout)
            inbox.drainWakeups()
            screen.now = clock.now()

            while let key = terminal.readKey() {
                if key == .resize { screen.size = terminal.size }
                _ = screen.handle(key)
                dirty = true
                for action in screen.takeActions() {
                    switch action {
                    case .send(let command): send(command)
                    case .quit: return
                    case .themeChanged: terminal.apply(theme: screen.theme)
                    }
                }
            }
            let batch = inbox.take()
            for event in batch.events { screen.apply(event) }
            if !batch.events.isEmpty { dirty = true }
            if let stop = batch.stop {
                if stop != .cancelled { send(.quit) }
                return
            }
            if screen.activeNotice != shownNotice { dirty = true }

            let t = clock.now()
            if dirty && t - lastFrame >= Self.frameInterval {
                let start = clock.now()
                let buffer = screen.render()
                let drawn = clock.now()
                let painted = terminal.present(buffer)
                frames.record(render: drawn - start, present: clock.now() - drawn, painted: painted, size: screen.size,
                              events: screen.model.eventCount)
                lastFrame = t
                dirty = false
                shownNotice = screen.activeNotice
            }
        }
    }

    /// Blocks until a key, an inbox wake-up, or the timeout.
    private func wait(seconds: Double) {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: inbox.wakeRead, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, nfds_t(fds.count), Int32((seconds * 1000).rounded(.up)))
    }
}
