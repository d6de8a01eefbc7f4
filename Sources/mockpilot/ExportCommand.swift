import ArgumentParser
import Foundation
import Output
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
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.unknownSession(id: session, path: path)
        }
        let store = try Store(path: path)
        // A meeting past its retention is gone, even when no meeting has run since it expired.
        try await store.purgeExpired(retention: Double(try global.settings().retentionDays) * 86_400)
        let components = try await store.components(session: session)
        let utterances = try await store.utterances(session: session)
        try SessionExport.write(components: components, utterances: utterances, to: to, session: session)
        let distinct = Set(components.map(\.componentID)).count
        print("Exported \(distinct) components (\(components.count) versions) and \(utterances.count) utterances to \(to)")
    }
}
