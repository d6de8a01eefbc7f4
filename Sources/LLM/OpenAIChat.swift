import Foundation

/// OpenAI Chat Completions (and servers that copy it): request bodies and answers.
enum OpenAIChat {
    /// How the answer is constrained: a strict JSON schema, or (when a server rejects that) any JSON object.
    enum Format: Sendable { case jsonSchema, jsonObject }

    static func body(_ request: LLMRequest, model: String, maxTokens: Int, format: Format) -> JSONValue {
        var system = request.system
        if format == .jsonObject {
            // json_object mode enforces syntax only; the schema travels in the prompt instead (and
            // the API wants the word "JSON" in the messages).
            system += "\n\nAnswer with one JSON object matching this JSON Schema:\n" + request.schema.serialized
        }
        var messages: [JSONValue] = [["role": "system", "content": .string(system)]]
        for m in request.messages { messages.append(["role": .string(m.role.rawValue), "content": .string(m.text)]) }
        let responseFormat: JSONValue = switch format {
        case .jsonSchema:
            ["type": "json_schema",
             "json_schema": ["name": .string(request.schemaName), "description": .string(request.schemaDescription),
                             "schema": request.schema, "strict": true]]
        case .jsonObject: ["type": "json_object"]
        }
        var body: [String: JSONValue] = [
            "model": .string(model), "messages": .array(messages), "response_format": responseFormat,
            "max_tokens": .number(Double(maxTokens)), "temperature": 0.2,
        ]
        if request.stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        return .object(body)
    }

    static func headers(apiKey: String) -> [String: String] {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if !apiKey.isEmpty { headers["Authorization"] = "Bearer " + apiKey }
        return headers
    }

    /// The content of a complete (not streamed) answer.
    static func answer(_ json: JSONValue, provider: String) throws -> (text: String, prompt: Int, completion: Int, truncated: Bool) {
        guard let choice = json["choices"]?[0] else {
            throw LLMError.badAnswer(provider: provider, reason: "no choices in the answer")
        }
        if let refusal = choice["message"]?["refusal"]?.string {
            throw LLMError.badAnswer(provider: provider, reason: "the model refused: \(refusal)")
        }
        guard let content = choice["message"]?["content"]?.string else {
            throw LLMError.badAnswer(provider: provider, reason: "the answer has no message content")
        }
        let usage = json["usage"]
        return (content, LLMUsage.tokens(usage?["prompt_tokens"]), LLMUsage.tokens(usage?["completion_tokens"]),
                choice["finish_reason"]?.string == "length")
    }

    /// One `chat.completion.chunk`: a piece of `choices[0].delta.content`, or the final usage.
    static func streamPiece(_ json: JSONValue) -> StreamPiece {
        var piece = StreamPiece()
        piece.text = json["choices"]?[0]?["delta"]?["content"]?.string
        if let usage = json["usage"], !usage.isNull {
            piece.promptTokens = LLMUsage.givenTokens(usage["prompt_tokens"])
            piece.completionTokens = LLMUsage.givenTokens(usage["completion_tokens"])
        }
        if let message = json["error"]?["message"]?.string { piece.error = message }
        return piece
    }

    /// The error message in an error body ({"error": {"message": ...}}).
    static func errorMessage(_ body: String) -> String {
        JSONValue.parse(body)?["error"]?["message"]?.string ?? body
    }

    /// A 400 that says the server cannot do `json_schema` (older models, some compatible servers).
    static func rejectsJSONSchema(status: Int, body: String) -> Bool {
        guard status == 400 || status == 422 else { return false }
        let lower = body.lowercased()
        return lower.contains("response_format") || lower.contains("json_schema")
    }
}
