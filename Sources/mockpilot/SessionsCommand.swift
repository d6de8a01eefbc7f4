import ArgumentParser
import Foundation
import Store

/// `mockpilot sessions`: the meetings the session database remembers.
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List recorded meetings: id, start time, source, utterance and component counts, speakers.",
        discussion: "Meetings are kept for store.retention_days (7 unless the config says less), then deleted with all they hold."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/mockpilot/mockpilot.sqlite).", valueName: "file"))
    var db: String?

    func run() async throws {
        let path = db ?? Store.defaultPath()
        guard let store = try await Store.existing(at: path, retention: Double(try global.settings().retentionDays) * 86_400) else {
            print("No sessions yet (no database at \(path)).")
            return
        }
        let sessions = try await store.sessions()
        if sessions.isEmpty {
            print("No sessions yet in \(path).")
            return
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        var rows = [["ID", "STARTED", "SOURCE", "UTTERANCES", "COMPONENTS", "VERSIONS", "TITLE", "SPEAKERS"]]
        for s in sessions {
            rows.append([s.id, formatter.string(from: s.started), s.source, String(s.utteranceCount),
                         String(s.componentCount), String(s.versionCount), s.title ?? "", s.speakers.joined(separator: ", ")])
        }
        print(Self.table(rows, rightAligned: [3, 4, 5]), terminator: "")
    }

    /// Columns padded to their widest cell; counts right-aligned.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        var text = ""
        for row in rows {
            let cells = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return rightAligned.contains(c) ? pad + cell : cell + pad
            }
            text += cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            text += "\n"
        }
        return text
    }
}
