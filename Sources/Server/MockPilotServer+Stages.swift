import Brands
import CodeGen
import Core
import Foundation
import Hummingbird
import Insight
import LLM
import Logging

/// The stage routes: each reads its body as the matching command reads a line, and answers with
/// the command's JSON shape (Core's messages, `search`'s and `classify`'s objects).
extension MockPilotServer {
    /// A query longer than this is not a search: MiniLM reads 256 tokens at most anyway.
    static let longestQuery = 2_000

    /// DesignSpec in, `{spec_id, jsx, tailwind, named_exports}` out, after the same JSX check as
    /// `generate` and `run`; a spec that cannot be made, or whose component fails the check, is 422.
    func generate(_ request: Request) async throws -> Response {
        let text = try await jsonText(of: request)
        let spec: DesignSpec
        do {
            spec = try SpecLines.decode(text, file: "body", line: 1)
        } catch let error as CodeGenError {
            throw APIError.unprocessable(error.localizedDescription)
        }
        let (templates, checker, metrics) = (self.templates, self.checker, self.metrics)
        let (model, brands, logger) = (stages.modelGenerator, stages.brands, self.logger)
        let response = try await codegen.perform { () async throws -> GenerateResponse in
            let response: GenerateResponse
            do {
                if let model {
                    response = try await Self.generate(spec, with: model, brands: brands, logger: logger, metrics: metrics)
                } else {
                    response = try templates.generate(spec)
                }
            } catch let error as CodeGenError {
                throw APIError.unprocessable(error.localizedDescription)
            }
            let diagnostics = checker.check(response.jsx)
            guard diagnostics.isEmpty else {
                metrics.checkerRejections.increment()
                logger.error("stage failure", metadata: ["stage": "checker", "spec_id": "\(spec.specID)",
                                                         "findings": "\(diagnostics.count)"])
                throw APIError.unprocessable("\(spec.specID) failed the JSX check, so it is not returned",
                                             details: diagnostics.map(\.description))
            }
            metrics.componentsWritten.increment()
            return response
        }
        await publish(ComponentEvt(specID: response.specID, jsx: response.jsx, ts: Date().timeIntervalSince1970), name: nil)
        return Self.json(try JSONLines.encode(response))
    }

    /// As `generate --backend`: brand tokens first, the spec's own over them; the model's answer
    /// has had its own check and one repair round, else it is the template (the notes say which).
    static func generate(_ spec: DesignSpec, with model: LLMComponentGenerator, brands: BrandTable,
                         logger: Logger, metrics: ServerMetrics) async throws -> GenerateResponse {
        var tokens: [String: String] = [:]
        for ref in spec.brandRefs { tokens.merge(brands.brand(named: ref)?.tokens ?? [:]) { _, new in new } }
        tokens.merge(spec.themeTokens) { _, new in new }
        let start = ContinuousClock.now
        let result = await model.generate(spec: spec, tokens: tokens, current: nil)
        metrics.modelLatency.record(duration: ContinuousClock.now - start)
        for note in result.notes { logger.info("\(spec.specID): \(note)") }
        if result.source == .template {
            metrics.countKeptTemplate(result.failure)
            let refused = if case .checkerRejected = result.failure { true } else { false }
            logger.error("stage failure", metadata: [
                "stage": .string(refused ? "checker" : "model"), "spec_id": "\(spec.specID)",
                "reason": .string(refused ? "the checker refused the model's code twice; the template's version is returned"
                                          : "the model failed; the template's version is returned")])
        }
        guard let response = result.response else {
            throw APIError.unprocessable("\(spec.specID): no component could be generated")
        }
        return response
    }

    /// `GET /search?query=&k=`: the nearest stored posts, nearest first, as `mockpilot search` prints them.
    func search(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters.get("query")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !query.isEmpty else { throw APIError.badRequest("give a query: /search?query=stripe+button&k=50") }
        guard query.count <= Self.longestQuery else {
            throw APIError.badRequest("the query is longer than \(Self.longestQuery) characters")
        }
        var k = 50
        if let given = request.uri.queryParameters.get("k") {
            guard let number = Int(given), (1...1000).contains(number) else {
                throw APIError.badRequest("k must be a whole number from 1 to 1000, got '\(given.prefix(40))'")
            }
            k = number
        }
        let (backend, limit) = (insightBackend, k)
        return Self.json(try await insights.perform { try await backend.search(query, k: limit) })
    }

    /// `{"id", "text", "subreddit"|"hashtag"}` in, `{post_id, tags}` out, as `mockpilot classify` prints it.
    func classify(_ request: Request) async throws -> Response {
        let text = try await jsonText(of: request)
        let record: TextRecord
        do {
            let records = try TextInput.parse(text, source: "body")
            guard records.count == 1, let first = records.first else {
                throw APIError.unprocessable("send one post, a JSON object with a \"text\"")
            }
            record = first
        } catch let error as InsightError {
            throw APIError.unprocessable(error.localizedDescription)
        }
        let backend = insightBackend
        return Self.json(try await insights.perform { await backend.classify(record) })
    }

    /// TranscriptMsg JSON Lines (or plain text lines) in, the IntentMsgs found, as a JSON array.
    func extract(_ request: Request) async throws -> Response {
        let data = try await body(of: request)
        guard let text = String(data: data, encoding: .utf8) else { throw APIError.badRequest("the body is not UTF-8 text") }
        let backend = intentBackend
        let found = try await intents.perform { try await backend.extract(text) }
        let lines = try found.map { try JSONLines.encode($0) }
        return Self.json("[" + lines.joined(separator: ",") + "]")
    }

    /// The body as one line of JSON: malformed JSON is 400, and a pretty-printed object is
    /// folded onto one line so the line readers the commands use can read it.
    func jsonText(of request: Request) async throws -> String {
        let data = try await body(of: request)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw APIError.badRequest("the body is not valid JSON")
        }
        guard object is [String: Any] else { throw APIError.unprocessable("the body must be a JSON object") }
        let folded = try JSONSerialization.data(withJSONObject: object)
        return String(decoding: folded, as: UTF8.self)
    }
}
