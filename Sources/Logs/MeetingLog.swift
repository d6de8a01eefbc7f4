import Core
import Logging

/// What of a meeting goes into the log, the same for `run` and `serve`: one line per stage
/// failure (a component not written, a model that gave up, a warning), per component written,
/// and the meeting's end; the rest at debug. The words said stay out (utterance ids and times
/// only) unless `transcripts` is set (`--log-transcripts`), so a log can go into a bug report.
public struct MeetingLog: Sendable {
    public let logger: Logger
    public let transcripts: Bool

    public init(logger: Logger, transcripts: Bool = false) {
        self.logger = logger
        self.transcripts = transcripts
    }

    /// `events` unchanged, each logged first: for the one watcher a meeting's stream has.
    public func following(_ events: AsyncStream<PipelineEvent>) -> AsyncStream<PipelineEvent> {
        let (out, continuation) = AsyncStream.makeStream(of: PipelineEvent.self, bufferingPolicy: .unbounded)
        let task = Task {
            for await event in events {
                record(event)
                continuation.yield(event)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return out
    }

    public func record(_ event: PipelineEvent) {
        switch event {
        case .transcript(let utterance):
            guard utterance.isFinal else { return }
            var metadata: Logger.Metadata = ["utterance_id": "\(utterance.id)", "ts_start": "\(utterance.msg.tsStart)",
                                             "ts_end": "\(utterance.msg.tsEnd)"]
            if transcripts {
                metadata["text"] = "\(utterance.msg.text)"
                logger.info("final transcript", metadata: metadata)
            } else {
                logger.debug("final transcript", metadata: metadata)
            }
        case .intent(let intent, let triggered):
            logger.debug("intent", metadata: ["utterance_id": "\(intent.utteranceID)", "component": "\(intent.component?.rawValue ?? "none")",
                                              "confidence": "\(intent.confidence)", "triggered": "\(triggered)"])
        case .suggestion(let intent, _):
            logger.debug("suggestion", metadata: ["utterance_id": "\(intent.utteranceID)", "component": "\(intent.component?.rawValue ?? "none")"])
        case .spec(let spec):
            logger.debug("spec", metadata: ["spec_id": "\(spec.specID)", "component": "\(spec.component.rawValue)"])
        case .component(let written):
            logger.info("component written", metadata: [
                "spec_id": "\(written.event.specID)", "name": "\(written.name)", "version": "\(written.version)",
                "latency_s": "\(written.latency)", "trigger_to_file_s": "\(written.triggerToFile)"])
        case .componentFailed(let specID, let component, let reason):
            logger.error("stage failure", metadata: ["stage": "codegen", "spec_id": "\(specID)", "component": "\(component.rawValue)",
                                                     "reason": "\(reason)"])
        case .model(let activity):
            if activity.phase == .keptTemplate {
                logger.error("stage failure", metadata: ["stage": "model", "spec_id": "\(activity.specID)",
                                                         "reason": "the model failed; the template's version stays"])
            } else {
                logger.debug("model", metadata: ["spec_id": "\(activity.specID)", "phase": "\(activity.phase.rawValue)"])
            }
        case .slow(let queued):
            logger.notice("recognition is behind", metadata: ["queued": "\(queued)"])
        case .warning(let message):
            logger.warning("\(message)")
        case .notice(let message):
            logger.info("\(message)")
        case .insight(let summary):
            logger.debug("insight", metadata: ["posts": "\(summary.count)"])
        case .status, .speaker:
            return
        case .finished:
            logger.info("meeting finished")
        }
    }
}
