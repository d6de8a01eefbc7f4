import CodeGen
import Core
import Foundation
import JSX

/// Where a generated component came from.
public enum GenerationSource: String, Sendable, Hashable {
    /// The model's first answer passed every check.
    case model
    /// The first answer failed; the answer to one repair round passed.
    case repaired
    /// The model failed or answered badly twice; the offline template was used.
    case template
}

/// The result of one generation: what to write, where it came from, what to tell the user.
public struct LLMGeneration: Sendable, Hashable {
    /// nil only when the template could not be built either (a bad token in the spec).
    public var response: GenerateResponse?
    public var source: GenerationSource
    /// Lines for the user (status line, stderr): who wrote the component and what went wrong.
    public var notes: [String]
    /// Token counts and latency of every model call made (nil when none was answered).
    public var usage: LLMUsage?
    /// Why the template was used (nil when the model's component was): the checker refused the
    /// last answer, or the model gave none that could be checked.
    public var failure: ComponentFailure?
}

/// Writes a component with a model, checks it with the JSX checker and sanitiser, allows one
/// repair round, and falls back to the template generator. Model output is never returned
/// unchecked: every `.model`/`.repaired` response has passed `JSXChecker.check` with no findings.
///
/// A wrong `spec_id` in an answer is corrected, not rejected: the id is MockPilot's own label
/// for the version being written, which the model only echoes; the component itself is what
/// is checked. The correction is shown in the notes.
public struct LLMComponentGenerator: Sendable {
    public let client: LLMClient
    public let checker: JSXChecker
    public let templates: TemplateGenerator

    public init(client: LLMClient, checker: JSXChecker, templates: TemplateGenerator) {
        self.client = client
        self.checker = checker
        self.templates = templates
    }

    /// `tokens` are the brand tokens (colours, radius, font) to follow; `current` the component's
    /// current source when this is a refinement. `progress` gets streamed progress (and turns streaming on).
    public func generate(spec: DesignSpec, tokens: [String: String], current: String?,
                         progress: (@Sendable (LLMProgress) -> Void)? = nil) async -> LLMGeneration {
        let who = "\(client.configuration.model) (\(client.configuration.provider.displayName))"
        let prompt = Prompts.component(specJSON: Self.json(spec), tokensJSON: JSONValue.object(tokens.mapValues { .string($0) }).serialized,
                                       current: current)
        var usage: LLMUsage?
        // First answer.
        let first: LLMAnswer
        do {
            first = try await client.complete(request(prompt, stream: progress != nil), progress: progress)
        } catch {
            return fallback(spec, usage: nil, failure: .modelFailed(error.localizedDescription),
                            notes: ["\(who) failed: \(error.localizedDescription)"])
        }
        usage = first.usage
        let firstCheck = validate(first, spec: spec)
        switch firstCheck {
        case .success(let (response, notes)):
            return LLMGeneration(response: response, source: .model,
                                 notes: ["component by \(who) (\(first.usage.summary))"] + notes, usage: usage)
        case .failure(let problems):
            // One repair round, carrying the checker's findings back.
            let repairPrompt = prompt + "\n\n" + Prompts.repair(previous: first.text, problems: problems.list)
            let second: LLMAnswer
            do {
                second = try await client.complete(request(repairPrompt, stream: progress != nil), progress: progress)
            } catch {
                return fallback(spec, usage: usage, failure: .modelFailed(error.localizedDescription),
                                notes: ["\(who)'s component was rejected (\(problems.short)); the repair request failed: \(error.localizedDescription)"])
            }
            usage = first.usage + second.usage
            switch validate(second, spec: spec) {
            case .success(let (response, notes)):
                return LLMGeneration(response: response, source: .repaired,
                                     notes: ["\(who)'s first answer was rejected (\(problems.short)); repaired in one round (\(second.usage.summary))"] + notes,
                                     usage: usage)
            case .failure(let again):
                let why = again.list == problems.list ? "the same problems both times: \(problems.short)" : "\(problems.short); then \(again.short)"
                // The checker's refusal when it had findings; otherwise the answer was not a component at all.
                let failure: ComponentFailure = again.findings.isEmpty ? .modelFailed(again.short) : .checkerRejected(findings: again.findings)
                return fallback(spec, usage: usage, failure: failure, notes: ["\(who)'s component was rejected twice (\(why))"])
            }
        }
    }

    private func request(_ prompt: String, stream: Bool) -> LLMRequest {
        LLMRequest(system: Prompts.componentSystem, messages: [LLMMessage(.user, prompt)], schemaName: "react_component",
                   schemaDescription: "One React + Tailwind component for the DesignSpec", schema: Self.schema, stream: stream)
    }

    private func fallback(_ spec: DesignSpec, usage: LLMUsage?, failure: ComponentFailure, notes: [String]) -> LLMGeneration {
        do {
            return LLMGeneration(response: try templates.generate(spec), source: .template,
                                 notes: notes + ["used the template component instead"], usage: usage, failure: failure)
        } catch {
            return LLMGeneration(response: nil, source: .template,
                                 notes: notes + ["the template could not be built either: \(error.localizedDescription)"], usage: usage,
                                 failure: failure)
        }
    }

    /// Problems that sent an answer back, with a short form for notes.
    struct Problems: Error {
        var list: [String]
        /// The JSX checker's own findings among them (empty when the answer never reached it).
        var findings: [String] = []
        var short: String {
            let shown = list.prefix(3).joined(separator: "; ")
            return list.count > 3 ? shown + "; and \(list.count - 3) more" : shown
        }
    }

    /// The answer as a checked GenerateResponse (plus notes), or the problems to send back.
    func validate(_ answer: LLMAnswer, spec: DesignSpec) -> Result<(GenerateResponse, [String]), Problems> {
        if answer.truncated { return .failure(Problems(list: ["the answer was cut off at the token limit"])) }
        guard let json = JSONValue.parse(answer.text), json.object != nil else {
            return .failure(Problems(list: ["the answer is not a JSON object"]))
        }
        var problems: [String] = []
        let jsx = json["jsx"]?.string
        let tailwind = json["tailwind"]?.array?.compactMap(\.string)
        let exports = json["named_exports"]?.array?.compactMap(\.string)
        if jsx == nil { problems.append("the answer has no \"jsx\" string") }
        if tailwind == nil { problems.append("the answer has no \"tailwind\" array of strings") }
        if exports == nil { problems.append("the answer has no \"named_exports\" array of strings") }
        guard let jsx, let tailwind, let exports, problems.isEmpty else { return .failure(Problems(list: problems)) }
        if jsx.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .failure(Problems(list: ["\"jsx\" is empty"])) }
        let diagnostics = checker.check(jsx)
        problems += diagnostics.map { "line \($0.description)" }
        if exports.isEmpty { problems.append("\"named_exports\" is empty: export the component by name") }
        // Exports are read from the syntax tree; a file that does not parse has its syntax error above.
        if diagnostics.allSatisfy({ $0.rule != nil }), let declared = checker.exports(of: jsx) {
            for name in exports where !declared.names.contains(name) {
                problems.append("named export \(name) is not exported by the jsx")
            }
            if !declared.hasDefault {
                // src/components/index.js and the preview import every file's default export.
                problems.append("the jsx has no default export: end it with `export default \(exports.first ?? "Component");`")
            }
        }
        if !problems.isEmpty { return .failure(Problems(list: problems, findings: diagnostics.map(\.description))) }
        var notes: [String] = []
        let answeredID = json["spec_id"]?.string ?? ""
        if answeredID != spec.specID {
            notes.append("the model answered spec_id \"\(answeredID.prefix(40))\"; corrected to \(spec.specID)")
        }
        return .success((GenerateResponse(specID: spec.specID, jsx: jsx, tailwind: tailwind, namedExports: exports), notes))
    }

    /// `export function Name`, `export const Name`, `export class Name` or `export { Name }`, read
    /// from the syntax tree (a commented-out export does not count).
    static func declaresExport(_ name: String, in source: String) -> Bool {
        JSXChecker().exports(of: source)?.names.contains(name) ?? false
    }

    static func json(_ spec: DesignSpec) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(spec), as: UTF8.self)) ?? "{}"
    }

    static let schema: JSONValue = [
        "type": "object", "additionalProperties": false,
        "required": ["spec_id", "jsx", "tailwind", "named_exports"],
        "properties": [
            "spec_id": ["type": "string", "description": "the spec_id of the DesignSpec"],
            "jsx": ["type": "string", "description": "the whole component module source"],
            "tailwind": ["type": "array", "items": ["type": "string"]],
            "named_exports": ["type": "array", "items": ["type": "string"]],
        ],
    ]
}
