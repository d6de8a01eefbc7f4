import Foundation
import TestSupport

/// A scratch home for the insight commands: a data folder whose models are the real ones
/// (linked, so nothing is written beside them), a config file, and the stand-in API server's URLs.
struct InsightFixture {
    let dir: URL
    var db: String { dir.path + "/db.sqlite" }
    var config: String { dir.path + "/mockpilot.conf" }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-insight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/data/models", withDestinationPath: Self.models)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("config"), withIntermediateDirectories: true)
    }

    static var models: String {
        let env = ProcessInfo.processInfo.environment
        if let d = env["MOCKPILOT_DATA_DIR"], !d.isEmpty { return d + "/models" }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return x + "/mockpilot/models" }
        return NSHomeDirectory() + "/.local/share/mockpilot/models"
    }

    func write(config text: String) throws {
        try text.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = dir.path + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The environment a user without any source set up would have, pointed at `server`.
    /// Empty credential variables count as unset, so the developer's own never leak in.
    func environment(server: FakeServer? = nil, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ["MOCKPILOT_DATA_DIR": dir.path + "/data", "XDG_CONFIG_HOME": dir.path + "/config",
                   "REDDIT_CLIENT_ID": "", "REDDIT_CLIENT_SECRET": "", "INSTAGRAM_ACCESS_TOKEN": "", "INSTAGRAM_USER_ID": ""]
        if let server {
            env["MOCKPILOT_REDDIT_API"] = server.base
            env["MOCKPILOT_REDDIT_AUTH"] = server.base
            env["MOCKPILOT_INSTAGRAM_API"] = server.base + "/v19.0"
        }
        env.merge(extra) { _, new in new }
        return env
    }

    /// One value from the SQLite file, read with the sqlite3 command-line shell.
    func query(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func postCount(_ filter: String = "1") throws -> Int { Int(try query("SELECT COUNT(*) FROM insight_post WHERE \(filter)")) ?? -1 }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

extension FakeServer {
    /// How many times each "METHOD path q" was requested.
    func stats() throws -> [String: Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", base + "/__stats"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int]) ?? [:]
    }
}
