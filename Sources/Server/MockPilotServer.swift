import Core
import Foundation
import Hummingbird
import HummingbirdWebSocket
import JSX
import CodeGen
import Logging
import Logs
import ServiceLifecycle

/// `mockpilot serve`: the stage commands as HTTP routes on Hummingbird, with bearer tokens, a
/// CORS allowlist, heartbeats and Prometheus metrics. It is a set of services (one per stage and
/// the HTTP application) that a `ServiceGroup` runs and shuts down together.
public struct MockPilotServer: Sendable {
    let configuration: ServerConfiguration
    let stages: ServerStages
    let board: HeartbeatBoard
    let metrics = ServerMetrics()
    let codegen: StageQueue
    let insights: StageQueue
    let intents: StageQueue
    let insightBackend: InsightBackend
    let intentBackend: IntentBackend
    let templates: TemplateGenerator
    let checker: JSXChecker
    let authority: TokenAuthority?
    let logger: Logger
    /// What of each `/stream` meeting goes into the log file, as `run` logs its meeting.
    let meetingLog: MeetingLog
    /// The `/stream` meetings and their event logs.
    let room: MeetingRoom
    /// Builds published components for the live preview's frames.
    let previewBuilder: PreviewBuilder

    /// Validates `configuration` first (see `ServerConfiguration.validate`); `clock` times heartbeats.
    public init(configuration: ServerConfiguration, stages: ServerStages, clock: any MeetingClock = WallClock(),
                logger: Logger) async throws(ServerError) {
        try configuration.validate()
        self.configuration = configuration
        self.stages = stages
        self.logger = logger
        meetingLog = MeetingLog(logger: logger, transcripts: configuration.logTranscripts)
        board = HeartbeatBoard(period: configuration.heartbeatPeriod, clock: clock)
        codegen = StageQueue(name: "codegen", board: board)
        insights = StageQueue(name: "insights", board: board)
        intents = StageQueue(name: "intents", board: board)
        insightBackend = InsightBackend(databasePath: stages.postDatabase, modelsDirectory: stages.modelsDirectory)
        intentBackend = IntentBackend(brands: stages.brands, threshold: stages.intentThreshold,
                                      modelsDirectory: stages.modelsDirectory, logger: logger)
        templates = TemplateGenerator(brands: stages.brands)
        checker = JSXChecker(allowedImports: stages.allowedImports)
        room = MeetingRoom(maxStreams: configuration.maxStreams, replay: configuration.eventReplay)
        previewBuilder = PreviewBuilder(capacity: configuration.eventReplay)
        authority = configuration.jwtSecret.isEmpty ? nil : try await TokenAuthority(secret: configuration.jwtSecret)
    }

    /// Whether requests must carry a token (only when a secret is set).
    public var requiresTokens: Bool { authority != nil }

    /// The stages, the HTTP application and the meeting room, in start order. The room shuts down
    /// first (streams end, their meetings finish, `/events` followers get the end), then the
    /// application, so requests in flight finish on stages that are still running. `onListening` gets the URL once
    /// the socket is bound (with the real port when 0 was asked for).
    public func services(onListening: @escaping @Sendable (String) async -> Void = { _ in }) -> [any Service] {
        let address = ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                               serverName: "mockpilot")
        let host = configuration.host.contains(":") && !configuration.host.hasPrefix("[") ? "[\(configuration.host)]" : configuration.host
        let router = makeRouter()
        // The library's frame limit is above ours, so `stream` sees an oversized frame and can say why.
        let upgrade = HTTP1WebSocketUpgradeChannel.Configuration(
            ws: WebSocketServerConfiguration(maxFrameSize: configuration.maxFrameBytes * 4))
        let application = Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: upgrade),
                                      configuration: address, onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            await onListening("http://\(host):\(port)")
        }, logger: logger)
        return [codegen, insights, intents, application, room]
    }

    func makeRouter() -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        // Middleware applies to the routes added after it: all of it first.
        router.add(middleware: ResponseMiddleware(metrics: metrics))
        router.add(middleware: CORSAllowlist(allowedOrigins: configuration.allowedOrigins))
        if let authority { router.add(middleware: BearerAuthentication(authority: authority)) }
        router.ws(RouterPath(Route.stream.path)) { request, _ in
            try self.shouldUpgradeStream(request)
        } onUpgrade: { inbound, outbound, _ in
            await self.stream(inbound, outbound)
        }
        for route in Route.allCases where route != .stream {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await self.respond(route, to: request, context: context)
            }
        }
        return router
    }

    private func respond(_ route: Route, to request: Request, context: BasicWebSocketRequestContext) async throws -> Response {
        switch route {
        case .generate: try await generate(request)
        case .search: try await search(request)
        case .classify: try await classify(request)
        case .extract: try await extract(request)
        case .health: health()
        case .metrics: metricsText()
        case .openAPI: openAPI()
        case .events: try await events(request)
        case .sessions: try await sessions()
        case .sessionExport: try await export(context)
        case .preview: previewPage()
        case .previewFile: try previewFile(context)
        case .previewComponent: try await previewComponent(context)
        case .stream: throw APIError.upgradeRequired("/stream is a WebSocket")   // routed by `ws` above
        }
    }

    /// The body, at most `maxBodyBytes` of it.
    func body(of request: Request) async throws -> Data {
        let limit = configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.tooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: limit)
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
