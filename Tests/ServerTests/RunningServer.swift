import Brands
import Core
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import Synchronization
import TestSupport
@testable import Server

/// A real server on 127.0.0.1 (port 0: the system picks a free one), run as its `ServiceGroup`,
/// and a client that talks to it over real HTTP.
struct RunningServer {
    let url: String
    let server: MockPilotServer
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static let secret = "test-secret-that-is-long-enough-for-hs256"

    static func stages(allowedImports: Set<String> = ["react"], postDatabase: String = "/nonexistent/posts.sqlite") throws -> ServerStages {
        let brands = try BrandTable.load(themesDirectory: Repository.root.appendingPathComponent("Themes").path, userFile: nil)
        return ServerStages(brands: brands, allowedImports: allowedImports, postDatabase: postDatabase,
                            sessionDatabase: "/nonexistent/sessions.sqlite", modelsDirectory: ModelPaths.folder, intentThreshold: 0.75)
    }

    static func start(secret: String = RunningServer.secret, allowedOrigins: Set<String> = [], maxBodyBytes: Int = 64 * 1024,
                      stages: ServerStages? = nil, clock: any MeetingClock = WallClock(), logger given: Logger? = nil) async throws -> RunningServer {
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, jwtSecret: secret, allowedOrigins: allowedOrigins,
                                                maxBodyBytes: maxBodyBytes)
        let logger = given ?? Logger(label: "server-tests") { _ in SwiftLogNoOpLogHandler() }
        let server = try await MockPilotServer(configuration: configuration, stages: try stages ?? Self.stages(), clock: clock, logger: logger)
        let (urls, listening) = AsyncStream.makeStream(of: String.self)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: server.services { listening.yield($0) }, logger: logger))
        let task = Task {
            defer { listening.finish() }
            try await group.run()
        }
        for await url in urls {
            return RunningServer(url: url, server: server, group: group, task: task)
        }
        try await task.value
        throw TestFailure("the server ended without listening")
    }

    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    /// Starts a server, runs `body` against it, and stops it whatever happened.
    static func with<T>(secret: String = RunningServer.secret, allowedOrigins: Set<String> = [], maxBodyBytes: Int = 64 * 1024,
                        stages: ServerStages? = nil, clock: any MeetingClock = WallClock(), logger: Logger? = nil,
                        _ body: (RunningServer) async throws -> T) async throws -> T {
        let running = try await start(secret: secret, allowedOrigins: allowedOrigins, maxBodyBytes: maxBodyBytes,
                                      stages: stages, clock: clock, logger: logger)
        do {
            let result = try await body(running)
            try await running.stop()
            return result
        } catch {
            try? await running.stop()
            throw error
        }
    }

    /// A token this server accepts.
    func token(lifetime: TimeInterval = 60, now: Date = Date(), secret: String = RunningServer.secret) async throws -> String {
        try await TokenAuthority(secret: secret).token(lifetime: lifetime, now: now)
    }

    /// One request; `token: nil` sends no Authorization header.
    func send(_ method: String, _ path: String, body: Data? = nil, token: String?, headers: [String: String] = [:]) async throws -> Reply {
        guard let target = URL(string: url + path) else { throw TestFailure("bad path \(path)") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// A request with a good token.
    func authorised(_ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        try await send(method, path, body: body.map { Data($0.utf8) }, token: try await token(), headers: headers)
    }
}

/// What came back.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    var array: [[String: Any]] { ((try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]]) ?? [] }
    /// The `error` of a JSON error body.
    var error: String { object["error"] as? String ?? "" }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A clock the test moves by hand.
final class ManualClock: MeetingClock {
    private let seconds = Mutex(0.0)
    func now() -> Double { seconds.withLock { $0 } }
    func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
