import Core
import Foundation

/// Asks a model about utterances the rules could not place with confidence. Only the band
/// between `floor` and `threshold` goes to the model: clear cases stay offline and fast, and
/// talk the rules found nothing in is not worth a request.
public struct LLMIntentClassifier: Sendable {
    public let client: LLMClient
    /// Rules' confidence at or above this: the rules decide alone.
    public var threshold: Double
    /// Rules' confidence at or below this: not a design intent, no request.
    public var floor: Double

    public init(client: LLMClient, threshold: Double = 0.75, floor: Double = 0.35) {
        self.client = client
        self.threshold = threshold
        self.floor = floor
    }

    /// The model's reading of the window, when it asked.
    public struct Answer: Sendable, Hashable {
        /// An intent, only when the model says design and its confidence is above the threshold.
        public var intent: IntentMsg?
        public var modelConfidence: Double
        public var usage: LLMUsage
    }

    /// An IntentMsg for the last utterance of `window`, or nil (no request made, or the model
    /// was not confident enough). Throws `LLMError` when the model could not be asked. Either way
    /// the rules' own guess is not published: it is under the threshold, so more likely chatter
    /// than a request, and a component nobody asked for costs the meeting more than a missed one
    /// (the `g` key generates at once).
    public func classify(window: [Utterance], rulesConfidence: Double) async throws -> IntentMsg? {
        try await ask(window: window, rulesConfidence: rulesConfidence)?.intent
    }

    /// Like `classify`, with the model's confidence and the call's usage; nil when no request was made.
    public func ask(window: [Utterance], rulesConfidence: Double) async throws -> Answer? {
        guard let last = window.last, rulesConfidence < threshold, rulesConfidence > floor else { return nil }
        let answer = try await client.complete(request(window: window))
        guard let json = JSONValue.parse(answer.text) else {
            throw LLMError.badAnswer(provider: client.configuration.provider.displayName, reason: "the intent answer is not JSON")
        }
        let confidence = min(1, max(0, json["confidence"]?.number ?? 0))
        guard json["design"]?.bool == true, confidence > threshold else {
            return Answer(intent: nil, modelConfidence: confidence, usage: answer.usage)
        }
        let words: (String) -> [String] = { key in (json[key]?.array ?? []).compactMap(\.string) }
        let intent = IntentMsg(utteranceID: last.id, component: json["component"]?.string.flatMap(ComponentKind.init(rawValue:)),
                               styles: words("styles"), brandRefs: words("brand_refs"), confidence: confidence,
                               speaker: last.msg.speaker, colors: words("colors"), cue: json["cue"]?.bool ?? false,
                               refine: json["refine"]?.bool ?? false,
                               refersTo: json["refers_to"]?.string.flatMap(ComponentKind.init(rawValue:)), text: last.msg.text)
        // A new component with no kind is not something codegen can act on.
        if intent.component == nil && !intent.refine {
            return Answer(intent: nil, modelConfidence: confidence, usage: answer.usage)
        }
        return Answer(intent: intent, modelConfidence: confidence, usage: answer.usage)
    }

    func request(window: [Utterance]) -> LLMRequest {
        let lines = window.map { u in "\(u.msg.speaker ?? "speaker"): \(u.msg.text)" }.joined(separator: "\n")
        return LLMRequest(system: Prompts.intentSystem,
                          messages: [LLMMessage(.user, "Transcript window (the last line is the one to classify):\n" + lines)],
                          schemaName: "design_intent", schemaDescription: "The UI-design intent in the last utterance",
                          schema: Self.schema)
    }

    static let schema: JSONValue = {
        let kinds: JSONValue = .array(ComponentKind.allCases.map { .string($0.rawValue) } + [.null])
        let strings: JSONValue = ["type": "array", "items": ["type": "string"]]
        return ["type": "object", "additionalProperties": false,
                "required": ["design", "component", "styles", "brand_refs", "colors", "cue", "refine", "refers_to", "confidence"],
                "properties": [
                    "design": ["type": "boolean", "description": "true when the utterance asks for or changes a UI component"],
                    "component": ["type": ["string", "null"], "enum": kinds],
                    "styles": strings, "brand_refs": strings, "colors": strings,
                    "cue": ["type": "boolean", "description": "an explicit request to build or mock up"],
                    "refine": ["type": "boolean", "description": "changes the previous component"],
                    "refers_to": ["type": ["string", "null"], "enum": kinds],
                    "confidence": ["type": "number", "description": "0 to 1"],
                ]]
    }()
}
