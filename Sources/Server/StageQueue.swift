import ServiceLifecycle

/// One stage of the server (code generation, insights, intents) as a service: requests become
/// jobs done one at a time, in order, so two cores are not fought over by many MiniLM runs at once.
/// The stage beats before and after each job and every period while idle; a job that never ends
/// leaves the stage's heartbeat behind, and `/health` says it is stuck.
final class StageQueue: Service, Sendable {
    /// A job is told whether it may run (false: the stage has stopped, answer so).
    private enum Item: Sendable {
        case tick
        case job(@Sendable (_ run: Bool) async -> Void)
    }

    let name: String
    private let board: HeartbeatBoard
    private let items: AsyncStream<Item>
    private let continuation: AsyncStream<Item>.Continuation
    /// Jobs waiting beyond this many are refused with 503 at once, instead of queueing without end.
    static let capacity = 64

    init(name: String, board: HeartbeatBoard) {
        self.name = name
        self.board = board
        (items, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingOldest(Self.capacity))
        board.register(name)
    }

    /// Runs `work` on this stage and returns what it returned; 503 when the stage is full or stopped.
    func perform<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (waiting: CheckedContinuation<T, any Error>) in
            let item = Item.job { run in
                guard run else { return waiting.resume(throwing: APIError.shuttingDown) }
                do {
                    waiting.resume(returning: try await work())
                } catch {
                    waiting.resume(throwing: error)
                }
            }
            switch continuation.yield(item) {
            case .enqueued: break
            case .dropped: waiting.resume(throwing: APIError.unavailable("the \(name) stage has \(Self.capacity) requests waiting; try again"))
            case .terminated: waiting.resume(throwing: APIError.shuttingDown)
            @unknown default: waiting.resume(throwing: APIError.shuttingDown)
            }
        }
    }

    func run() async throws {
        let (name, board, continuation) = (self.name, self.board, self.continuation)
        let period = board.period
        board.beat(name)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                // Idle beats go through the queue, so a stage busy with a job that never ends misses them.
                while !Task.isCancelled {
                    do { try await Task.sleep(for: .seconds(period)) } catch { return }
                    continuation.yield(.tick)
                }
            }
            await withGracefulShutdownHandler {
                // After a shutdown the jobs already queued are still done; new ones are refused.
                for await item in items {
                    board.beat(name)
                    if case .job(let job) = item {
                        await job(!Task.isCancelled)
                        board.beat(name)
                    }
                }
            } onGracefulShutdown: {
                continuation.finish()
            }
            group.cancelAll()
        }
        board.remove(name)
    }
}
