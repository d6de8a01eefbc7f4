import Foundation

/// Anthropic Messages: JSON comes back as the input of a tool the model is forced to call.
enum AnthropicMessages {
    static let version = "2023-06-01"

    static func body(_ request: LLMRequest, model: String, maxTokens: Int) -> JSONValue {
        var body: [String: JSONValue] = [
            "model": .string(model), "max_tokens": .number(Double(maxTokens)), "system": .string(request.system),
            "messages": .array(request.messages.map { ["role": .string($0.role.rawValue), "content": .string($0.text)] }),
            "tools": [["name": .string(request.schemaName), "description": .string(request.schemaDescription),
                       "input_schema": request.schema]],
            "tool_choice": ["type": "tool", "name": .string(request.schemaName)],
            "temperature": 0.2,
        ]
        if request.stream { body["stream"] = true }
        return .object(body)
    }

    static func headers(apiKey: String) -> [String: String] {
        ["Content-Type": "application/json", "Accept": "application/json", "x-api-key": apiKey, "anthropic-version": version]
    }

    /// The forced tool call's `input`, serialized, from a complete answer.
    static func answer(_ json: JSONValue, provider: String) throws -> (text: String, prompt: Int, completion: Int, truncated: Bool) {
        let blocks = json["content"]?.array ?? []
        guard let tool = blocks.first(where: { $0["type"]?.string == "tool_use" }), let input = tool["input"] else {
            throw LLMError.badAnswer(provider: provider, reason: "the answer has no tool_use block")
        }
        let usage = json["usage"]
        return (input.serialized, LLMUsage.tokens(usage?["input_tokens"]), LLMUsage.tokens(usage?["output_tokens"]),
                json["stop_reason"]?.string == "max_tokens")
    }

    /// One streamed event: `input_json_delta` pieces of the tool input, token counts from
    /// `message_start` / `message_delta`, or an `error` event.
    static func streamPiece(_ json: JSONValue) -> StreamPiece {
        var piece = StreamPiece()
        switch json["type"]?.string {
        case "content_block_delta":
            if json["delta"]?["type"]?.string == "input_json_delta" { piece.text = json["delta"]?["partial_json"]?.string }
        case "message_start":
            piece.promptTokens = LLMUsage.givenTokens(json["message"]?["usage"]?["input_tokens"])
            piece.completionTokens = LLMUsage.givenTokens(json["message"]?["usage"]?["output_tokens"])
        case "message_delta":
            piece.completionTokens = LLMUsage.givenTokens(json["usage"]?["output_tokens"])
        case "error":
            piece.error = json["error"]?["message"]?.string ?? "stream error"
        default: break
        }
        return piece
    }

    static func errorMessage(_ body: String) -> String {
        JSONValue.parse(body)?["error"]?["message"]?.string ?? body
    }
}
