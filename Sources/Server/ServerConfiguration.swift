import Foundation

/// How `mockpilot serve` listens and whom it lets in.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the system for a free port; the one chosen is reported once listening.
    public var port: Int
    /// HS256 secret for the bearer tokens; empty means no tokens are asked for (loopback only).
    public var jwtSecret: String
    /// Origins (`scheme://host[:port]`) a browser page may call from.
    public var allowedOrigins: Set<String>
    /// Request bodies beyond this are refused with 413 before they are read further.
    public var maxBodyBytes: Int
    /// Seconds between a stage's heartbeats; three missed make it stuck on `/health`.
    public var heartbeatPeriod: Double
    /// `/stream` meetings at once; one more is refused (each holds its own Whisper session).
    public var maxStreams: Int
    /// A `/stream` audio frame beyond this is refused and the stream closed (1009).
    public var maxFrameBytes: Int
    /// Events each meeting keeps for `/events` clients that reconnect with `Last-Event-ID`.
    public var eventReplay: Int
    /// Whether `/stream` meetings' final transcripts go into the log file (`--log-transcripts`); off,
    /// the log holds ids and times only.
    public var logTranscripts: Bool

    public static let defaultPort = 8787
    public static let defaultMaxBodyBytes = 256 * 1024
    /// Two seconds of PCM16 at 16 kHz: clients send 20-200 ms frames.
    public static let defaultMaxFrameBytes = 64 * 1024
    public static let defaultEventReplay = 1024

    public init(host: String = "127.0.0.1", port: Int = ServerConfiguration.defaultPort, jwtSecret: String = "",
                allowedOrigins: Set<String> = [], maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
                heartbeatPeriod: Double = 10, maxStreams: Int = 4, maxFrameBytes: Int = ServerConfiguration.defaultMaxFrameBytes,
                eventReplay: Int = ServerConfiguration.defaultEventReplay, logTranscripts: Bool = false) {
        self.host = host
        self.port = port
        self.jwtSecret = jwtSecret
        self.allowedOrigins = allowedOrigins
        self.maxBodyBytes = maxBodyBytes
        self.heartbeatPeriod = heartbeatPeriod
        self.maxStreams = maxStreams
        self.maxFrameBytes = maxFrameBytes
        self.eventReplay = eventReplay
        self.logTranscripts = logTranscripts
    }

    /// Refuses what must not start: a bad port, or a host other machines can reach with no secret.
    public func validate() throws(ServerError) {
        guard (0...65535).contains(port) else { throw .badPort(port) }
        guard maxBodyBytes > 0, heartbeatPeriod.isFinite, heartbeatPeriod > 0 else {
            throw .badSetting("the body limit and heartbeat period must be positive")
        }
        guard maxStreams > 0, maxFrameBytes > 0, eventReplay > 0 else {
            throw .badSetting("the stream limit, frame limit and event replay must be positive")
        }
        if !Self.isLoopback(host), jwtSecret.isEmpty { throw .exposedWithoutSecret(host: host) }
        if !jwtSecret.isEmpty, jwtSecret.utf8.count < TokenAuthority.shortestSecret { throw .shortSecret }
    }

    /// 127.0.0.0/8, ::1 and localhost; anything else may be reachable from elsewhere.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in part.count <= 3 && UInt8(part) != nil }
    }
}

/// Why the server could not start, in a line the user can act on.
public enum ServerError: Error, LocalizedError, Equatable {
    case badPort(Int)
    case badSetting(String)
    case exposedWithoutSecret(host: String)
    case shortSecret

    public var errorDescription: String? {
        switch self {
        case .badPort(let port): "--port \(port): use 0 (any free port) to 65535"
        case .badSetting(let reason): reason
        case .exposedWithoutSecret(let host):
            "refusing to listen on \(host) without JWT_SECRET: other machines could reach it; set JWT_SECRET or use --host 127.0.0.1"
        case .shortSecret:
            "JWT_SECRET is shorter than \(TokenAuthority.shortestSecret) bytes, too short for HS256; use e.g. $(head -c 32 /dev/urandom | base64)"
        }
    }
}
