import Core
import GRDB
import Foundation
@testable import Store

/// A database file in a fresh temporary folder (the folder is created by the Store).
struct TempDatabase {
    let folder: String
    var path: String { folder + "/db/mockpilot.sqlite" }

    init() {
        folder = NSTemporaryDirectory() + "mockpilot-store-\(UUID().uuidString.prefix(8))"
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

/// A clock tests move by hand.
final class ManualDate: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ value: Date) { self.value = value }
    func now() -> Date { lock.withLock { value } }
    func advance(days: Double) { lock.withLock { value += days * 24 * 3600 } }
}

func utterance(_ id: String, _ text: String, at ts: Double, speaker: String = "Ann", final: Bool = true) -> Utterance {
    Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: ts, tsEnd: ts + 2, speaker: speaker), isFinal: final)
}

func written(_ componentID: String, version: Int, name: String = "PayButton", jsx: String = "export default 1;\n",
             ts: Double = 1_795_000_000) -> ComponentWritten {
    ComponentWritten(event: ComponentEvt(specID: "\(componentID).v\(version)", jsx: jsx, ts: ts),
                     componentID: componentID, name: name, kind: .button, version: version,
                     path: "/out/src/components/\(name).jsx", latency: 2.5)
}

/// One value from a query on the raw file, through a connection of its own.
func scalar<T: DatabaseValueConvertible & Sendable>(_ path: String, _ sql: String) throws -> T? {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { try T.fetchOne($0, sql: sql) }
}

func indexExists(_ path: String, _ name: String) throws -> Bool {
    let found: String? = try scalar(path, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = '\(name)'")
    return found == name
}
