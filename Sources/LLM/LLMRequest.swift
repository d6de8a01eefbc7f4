/// One turn of the conversation sent to a model.
public struct LLMMessage: Sendable, Hashable {
    public enum Role: String, Sendable { case user, assistant }
    public var role: Role
    public var text: String

    public init(_ role: Role, _ text: String) {
        self.role = role
        self.text = text
    }
}

/// A request for one JSON object matching `schema`.
public struct LLMRequest: Sendable, Hashable {
    public var system: String
    public var messages: [LLMMessage]
    /// The schema's name (OpenAI `json_schema.name`, Anthropic tool name): letters, digits, _ and -.
    public var schemaName: String
    public var schemaDescription: String
    /// A JSON Schema in the subset both APIs' strict modes accept: every property required,
    /// `additionalProperties: false`, optional values as `["type", "null"]`.
    public var schema: JSONValue
    /// Stream the answer (progress callbacks); the result is the same.
    public var stream: Bool

    public init(system: String, messages: [LLMMessage], schemaName: String, schemaDescription: String,
                schema: JSONValue, stream: Bool = false) {
        self.system = system
        self.messages = messages
        self.schemaName = schemaName
        self.schemaDescription = schemaDescription
        self.schema = schema
        self.stream = stream
    }
}

/// A model's answer: the JSON text it produced (not yet trusted) and what it cost.
public struct LLMAnswer: Sendable, Hashable {
    public var text: String
    public var usage: LLMUsage
    /// The model stopped at the token limit; the JSON is probably cut off.
    public var truncated: Bool
}
