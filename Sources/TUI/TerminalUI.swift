import Core
import Foundation

/// How the meeting screen starts.
public struct TUIOptions: Sendable {
    /// The folder with `*.theme` files; nil looks in `./Themes` and next to the binary.
    public var themesDirectory: String?
    /// The theme to start with: dark, light, high-contrast, or any theme file's name.
    public var theme: String
    /// Where `e` asks the pipeline to export every component.
    public var exportFolder: String
    /// Ignore colours even if the terminal has them (also when `NO_COLOR` is set).
    public var noColor: Bool

    public init(themesDirectory: String? = nil, theme: String = "dark", exportFolder: String,
                noColor: Bool = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false) {
        self.themesDirectory = themesDirectory
        self.theme = theme
        self.exportFolder = exportFolder
        self.noColor = noColor
    }
}

/// The ncurses meeting screen. It only watches pipeline events and sends commands.
public final class TerminalUI: Sendable {
    public let options: TUIOptions

    public init(options: TUIOptions) {
        self.options = options
    }

    /// The themes and the starting one, checked before the terminal is touched so errors print plainly.
    public func loadThemes() throws(TUIError) -> (catalog: ThemeCatalog, index: Int) {
        let catalog: ThemeCatalog
        if let dir = ThemeCatalog.locate(configured: options.themesDirectory) {
            catalog = try ThemeCatalog.load(directory: dir)
        } else {
            catalog = ThemeCatalog(themes: [Theme.builtIn])
        }
        guard let index = catalog.index(of: options.theme) else {
            throw .unknownTheme(options.theme, available: catalog.names)
        }
        return (catalog, index)
    }

    /// Runs until the user quits (`q`, Ctrl-C), a SIGINT/SIGTERM/SIGHUP arrives, or the calling task is
    /// cancelled (say, because the pipeline threw). When `events` finishes the screen stays until the user quits.
    /// On every path the terminal is restored before this returns, and `.quit` is sent unless cancelled.
    public func run(events: AsyncStream<PipelineEvent>, send: @escaping @Sendable (PipelineCommand) -> Void) async throws {
        let (catalog, themeIndex) = try loadThemes()
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else { throw TUIError.notATerminal }
        let inbox = Inbox()
        let pump = Task {
            for await event in events { inbox.post(event) }
        }
        defer { pump.cancel() }
        var options = self.options
        options.exportFolder = Self.absolute(options.exportFolder)
        let loop = UILoop(catalog: catalog, themeIndex: themeIndex, options: options, inbox: inbox, send: send)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                // ncurses blocks in poll(); a thread of its own keeps the cooperative pool free.
                let thread = Thread {
                    continuation.resume(with: Result { try loop.run() })
                }
                thread.name = "mockpilot-tui"
                thread.start()
            }
        } onCancel: {
            inbox.requestStop(.cancelled)
        }
    }

    /// The export folder as the pipeline will see it, so the confirmation shows where files really go.
    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath + "/" + expanded) as NSString).standardizingPath
    }
}
