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
        GET /preview is a live preview page: every component the server makes appears in it as it is \
        made (no file is written for it), each run in a sandboxed frame; --open prints its URL (with a \
        token in the #fragment when JWT_SECRET is set) and opens it when a display is present. \
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

    @Flag(help: "Print the live preview page's URL once listening (its token lasts 8 hours), and open it if a display is present.")
    var open = false

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
        let (open, secret) = (self.open, settings.jwtSecret)
        let services = server.services { url in
            FileHandle.standardOutput.write(Data("mockpilot serve: listening on \(url)\n".utf8))
            if open { await Self.openPreview(base: url, secret: secret) }
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

    /// A preview link lasts a working day: the page reconnects to `/events` with the same token.
    static let previewTokenLifetime: TimeInterval = 8 * 3600

    /// Prints the preview's URL (the token in the fragment, which the browser never sends) and
    /// hands it to xdg-open when there is a display to open it on.
    static func openPreview(base: String, secret: String) async {
        var url = base + "/preview"
        if !secret.isEmpty {
            do {
                url += "#token=" + (try await TokenAuthority(secret: secret).token(lifetime: previewTokenLifetime))
            } catch {
                warn("no token for the preview: \(error.localizedDescription)")
            }
        }
        FileHandle.standardOutput.write(Data("mockpilot serve: live preview at \(url)\n".utf8))
        let environment = ProcessInfo.processInfo.environment
        guard environment["DISPLAY"]?.isEmpty == false || environment["WAYLAND_DISPLAY"]?.isEmpty == false,
              let opener = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            warn("could not open the preview: \(error.localizedDescription)")
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
