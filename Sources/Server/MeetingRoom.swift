import ServiceLifecycle

/// The `/stream` meetings of this server, by session id: their event logs (which `/events` reads,
/// also for a while after a meeting ended, so a late or reconnecting client still gets its end)
/// and the audio of those still streaming. As a service it is shut down before the HTTP
/// application: every stream's input ends, its meeting finishes what it heard, and followers of
/// `/events` get the last events, so no connection holds the shutdown up.
actor MeetingRoom: Service {
    /// Ended meetings whose events are still served; the oldest is forgotten first.
    static let endedKept = 16

    let maxStreams: Int
    let replay: Int
    /// Every checked component of this server, from `/stream` meetings and `POST /generate`, as
    /// `/events?session=all` serves them to the live preview; it ends when the server stops.
    let components: EventLog
    private var logs: [String: EventLog] = [:]
    private var inputs: [String: StreamedAudio] = [:]
    /// Seats taken by streams that are still opening their meeting.
    private var opening = 0
    private var ended: [String] = []
    private var shuttingDown = false
    /// The code of the components in `components`, by spec id, for the preview to build; as
    /// many as the log replays.
    private var published: RecentTable<String, String>

    init(maxStreams: Int, replay: Int) {
        self.maxStreams = maxStreams
        self.replay = replay
        components = EventLog(capacity: replay)
        published = RecentTable(capacity: replay)
    }

    /// Takes a seat for a new stream, or false when `maxStreams` are live (or the server is stopping).
    func reserve() -> Bool {
        guard !shuttingDown, inputs.count + opening < maxStreams else { return false }
        opening += 1
        return true
    }

    /// Gives back a seat taken by `reserve` whose meeting never opened.
    func release() { opening = max(0, opening - 1) }

    /// The meeting of a reserved seat is open: its log, which `/events?session=` serves from now on.
    func opened(session: String, input: StreamedAudio) -> EventLog {
        opening = max(0, opening - 1)
        let log = EventLog(capacity: replay)
        logs[session] = log
        inputs[session] = input
        if shuttingDown { input.finish() }
        return log
    }

    /// The stream's meeting has finished; the seat is free.
    func closed(session: String) {
        inputs[session] = nil
        ended.append(session)
        if ended.count > Self.endedKept {
            let forgotten = ended.removeFirst()
            logs[forgotten] = nil
        }
    }

    /// A checked component for `/events?session=all` (`line`) and the preview (`jsx`).
    func publish(specID: String, jsx: String, line: String) async {
        published.set(jsx, for: specID)
        await components.append(line)
    }

    /// The code of a published component.
    func publishedCode(specID: String) -> String? { published[specID] }

    func log(session: String) -> EventLog? {
        session == Self.everySession ? components : logs[session]
    }

    /// The session name `/events` takes for `components`; a meeting's id is dated ("2026-11-25-1432-ab12"), never this.
    static let everySession = "all"

    func run() async {
        try? await gracefulShutdown()
        shuttingDown = true
        for input in inputs.values { input.finish() }
        // Each meeting finishes (its pending work, then `finished`), which ends its log.
        for log in logs.values { await log.waitUntilFinished() }
        await components.finish()
    }
}
