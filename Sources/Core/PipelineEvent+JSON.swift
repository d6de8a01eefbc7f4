import Foundation

/// `run --no-tui` prints each event as one JSON object with a "type" field.
extension PipelineEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case type, utterance, intent, triggered, spec, component, specID = "spec_id", kind, reason, queued
        case status, message, insight, model, label, name, cause
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .transcript(let u):
            try c.encode(u.isFinal ? "transcript" : "partial", forKey: .type)
            try c.encode(u, forKey: .utterance)
        case .intent(let i, let triggered):
            try c.encode("intent", forKey: .type)
            try c.encode(i, forKey: .intent)
            try c.encode(triggered, forKey: .triggered)
        case .suggestion(let i, let reason):
            try c.encode("suggestion", forKey: .type)
            try c.encode(i, forKey: .intent)
            try c.encode(reason, forKey: .reason)
        case .spec(let s):
            try c.encode("spec", forKey: .type)
            try c.encode(s, forKey: .spec)
        case .component(let w):
            try c.encode("component", forKey: .type)
            try c.encode(w, forKey: .component)
        case .componentFailed(let id, let kind, let reason):
            try c.encode("component_failed", forKey: .type)
            try c.encode(id, forKey: .specID)
            try c.encode(kind, forKey: .kind)
            try c.encode(reason.description, forKey: .reason)
            try c.encode(reason.cause, forKey: .cause)
        case .slow(let queued):
            try c.encode("slow", forKey: .type)
            try c.encode(queued, forKey: .queued)
        case .status(let s):
            try c.encode("status", forKey: .type)
            try c.encode(s, forKey: .status)
        case .warning(let m):
            try c.encode("warning", forKey: .type)
            try c.encode(m, forKey: .message)
        case .notice(let m):
            try c.encode("notice", forKey: .type)
            try c.encode(m, forKey: .message)
        case .insight(let s):
            try c.encode("insight", forKey: .type)
            try c.encode(s, forKey: .insight)
        case .model(let activity):
            try c.encode("model", forKey: .type)
            try c.encode(activity, forKey: .model)
        case .speaker(let label, let name):
            try c.encode("speaker", forKey: .type)
            try c.encode(label, forKey: .label)
            try c.encode(name, forKey: .name)
        case .finished:
            try c.encode("finished", forKey: .type)
        }
    }
}
