import ArgumentParser
import Brands
import CodeGen
import Config
import Core
import Foundation
import Insight
import JSX
import LLM
import Logging
import Server
import ServiceLifecycle
import Whisper

/// `mockpilot serve`: the stage commands over HTTP (see the Server target), as one `ServiceGroup`
/// that SIGINT/SIGTERM shut down gracefully (requests in flight finish); a second signal ends at once.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve live meetings (WebSocket audio in, events out) and generate, search, classify and extract over HTTP.",
        discussion: """
        Routes: GET /stream (WebSocket: {"format":"pcm16"}, then 16 kHz mono PCM16 frames; each \
        connection is a meeting), GET /events?session=ID (its events as Server-Sent Events), \
        POST /generate, GET /search?query=&k=, POST /classify, POST /extract, GET /sessions, \
        GET /sessions/ID/export (a tar), GET /health, GET /metrics, GET /openapi.json. With JWT_SECRET set, every route but /health and /metrics \
        needs `Authorization: Bearer <token>` (`mockpilot token` prints one; /stream and /events also \
        take ?token= for browsers). Browsers may call it only \
        from the origins in [server] allowed_origins. It listens on 127.0.0.1 unless --host says \
        otherwise, and refuses any other host without JWT_SECRET. Prints the URL once listening. \
        Each request and stage failure is a line in $XDG_STATE_HOME/mockpilot/mockpilot.log.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var logging: LogOptions

    @Option(help: "The port (0: any free port; the one chosen is printed).")
    var port: Int = ServerConfiguration.defaultPort

    @Option(help: "The address to listen on; a non-loopback one needs JWT_SECRET.")
    var host: String = "127.0.0.1"

    @Option(help: "The Themes folder holding design_mapper.yaml (default: found next to the binary).")
    var themes: String?

    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("The post database /search reads (default: $XDG_DATA_HOME/mockpilot/mockpilot.sqlite).", valueName: "file"))
    var database: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw CleanExit.failure("--port \(port): use 0 (any free port) to 65535") }
    }

    func run() async throws {
        let settings = try global.settings()
        let configuration = ServerConfiguration(host: host, port: port, jwtSecret: settings.jwtSecret,
                                                allowedOrigins: Set(settings.allowedOrigins), logTranscripts: logging.logTranscripts)
        do {
            try configuration.validate()
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        let brands: BrandTable
        do {
            brands = try ExtractCommand.loadBrands(themes: themes ?? (settings.themesDirectory.isEmpty ? nil : settings.themesDirectory))
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        let stages = ServerStages(brands: brands, allowedImports: Set(settings.allowedImports),
                                  postDatabase: database ?? PostStore.defaultPath(dataHome: Paths.dataHome()),
                                  sessionDatabase: settings.databasePath, retentionDays: settings.retentionDays,
                                  modelsDirectory: Paths.models(), intentThreshold: settings.intentThreshold,
                                  modelGenerator: try modelGenerator(settings: settings, brands: brands),
                                  meetings: meetingStages(settings: settings))
        // Every request and stage failure goes to the log file; warnings and failures also to
        // stderr (the terminal is the server's own), the URL to stdout.
        let logger = logging.logger(label: "mockpilot.serve", standardError: true)
        let server = try await MockPilotServer(configuration: configuration, stages: stages, logger: logger)
        if !server.requiresTokens {
            warn("no JWT_SECRET: requests are not authenticated (loopback only)")
        }
        let services = server.services { url in
            FileHandle.standardOutput.write(Data("mockpilot serve: listening on \(url)\n".utf8))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger))
        let running = Task { try await group.run() }
        let stop = SignalShutdown.install(group: group, running: running)
        defer { stop.cancel() }
        do {
            try await running.value
        } catch is CancellationError {
            return
        } catch {
            // NIO's errors say what failed only in their description ("bind(...): Address already in use").
            throw CleanExit.failure("cannot serve on \(host):\(port): \(String(describing: error))")
        }
    }

    /// What `/stream` meetings need; without a Whisper model the rest still serves, and /stream says why not.
    private func meetingStages(settings: Settings) -> MeetingStages? {
        do {
            return MeetingStages(settings: settings, whisper: try WhisperModel.load(directory: settings.modelDirectory))
        } catch {
            warn("/stream is off: \(error.localizedDescription)")
            return nil
        }
    }

    /// `[llm] backend` as `generate` sets it up (the same checker rules); nil for templates only.
    private func modelGenerator(settings: Settings, brands: BrandTable) throws -> LLMComponentGenerator? {
        do {
            guard let configuration = try LLMConfiguration.configured(
                backend: settings.llmBackend, model: settings.llmModel, baseURL: settings.llmBaseURL,
                openAIKey: settings.openAIKey, anthropicKey: settings.anthropicKey, compatibleKey: settings.compatibleKey,
                timeoutSeconds: settings.llmTimeoutSeconds)
            else { return nil }
            for line in configuration.notes { warn(line) }
            return LLMComponentGenerator(client: LLMClient(configuration: configuration),
                                         checker: JSXChecker(allowedImports: Set(settings.allowedImports)),
                                         templates: TemplateGenerator(brands: brands))
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
    }
}
