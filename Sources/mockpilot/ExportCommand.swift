import ArgumentParser
import Foundation
import Store

/// `mockpilot export SESSION --to DIR`: a finished meeting as a folder a preview app can open.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session's components, transcript.md and manifest to a folder.",
        discussion: """
        The latest version of each component goes to DIR/src/components (with index.js), earlier \
        versions to DIR/versions. Files in DIR that MockPilot did not write are never replaced.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The session id, as `mockpilot sessions` lists it.")
    var session: String

    @Option(help: "The folder to write into (created if missing).")
    var to: String

    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/mockpilot/mockpilot.sqlite).", valueName: "file"))
    var db: String?

    func run() async throws {
        let path = db ?? Store.defaultPath()
        guard let store = try await Store.existing(at: path, retention: Double(try global.settings().retentionDays) * 86_400) else {
            throw StoreError.unknownSession(id: session, path: path)
        }
        let count = try await store.export(session: session, to: to)
        print("Exported \(count.components) components (\(count.versions) versions) and \(count.utterances) utterances to \(to)")
    }
}
