/// Which API a model speaks.
public enum LLMProvider: String, Sendable, CaseIterable {
    case openai, anthropic
    /// Any server with OpenAI's Chat Completions shape: Ollama, vLLM, llama.cpp server, LM Studio.
    case compatible

    /// The name shown in notes and errors.
    public var displayName: String {
        switch self {
        case .openai: "OpenAI"
        case .anthropic: "Anthropic"
        case .compatible: "OpenAI-compatible server"
        }
    }

    var keySetting: String {
        switch self {
        case .openai: "llm.openai_api_key"
        case .anthropic: "llm.anthropic_api_key"
        case .compatible: "llm.api_key"
        }
    }

    var keyEnvironment: String {
        switch self {
        case .openai: "OPENAI_API_KEY"
        case .anthropic: "ANTHROPIC_API_KEY"
        case .compatible: "MOCKPILOT_LLM_API_KEY"
        }
    }

    var defaultBaseURL: String {
        switch self {
        case .openai: "https://api.openai.com/v1"
        case .anthropic: "https://api.anthropic.com"
        case .compatible: ""
        }
    }

    var defaultModel: String {
        switch self {
        case .openai: "gpt-4o-mini"
        case .anthropic: "claude-3-5-haiku-latest"
        case .compatible: ""
        }
    }
}
