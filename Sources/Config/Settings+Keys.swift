import Foundation

extension Settings {
    typealias Value = TOMLReader.Value

    /// One settable key: its dotted name and how a value is stored.
    struct Key: Sendable {
        let name: String
        let apply: @Sendable (inout Settings, Value) -> String?   // nil, or why the value is wrong
        let show: @Sendable (Settings) -> String
    }

    /// `path: true`: a folder or file path, which must not be empty (empty would mean the current folder).
    static func string(_ name: String, _ keyPath: WritableKeyPath<Settings, String> & Sendable,
                       oneOf allowed: [String]? = nil, path isPath: Bool = false) -> Key {
        let path = keyPath
        return Key(name: name, apply: { s, v in
            guard case .string(let text) = v else { return "expected a quoted string" }
            if isPath && text.trimmingCharacters(in: .whitespaces).isEmpty { return "expected a folder path, got an empty string" }
            if let allowed, !allowed.contains(text) { return "expected one of \(allowed.joined(separator: ", ")), got '\(text)'" }
            s[keyPath: path] = text
            return nil
        }, show: { "\"\($0[keyPath: path])\"" })
    }

    static func bool(_ name: String, _ path: WritableKeyPath<Settings, Bool> & Sendable) -> Key {
        Key(name: name, apply: { s, v in
            guard case .bool(let b) = v else { return "expected true or false" }
            s[keyPath: path] = b
            return nil
        }, show: { "\($0[keyPath: path])" })
    }

    static func int(_ name: String, _ path: WritableKeyPath<Settings, Int> & Sendable, _ range: ClosedRange<Int>) -> Key {
        Key(name: name, apply: { s, v in
            guard case .integer(let n) = v else { return "expected a whole number" }
            guard range.contains(n) else { return "expected \(range.lowerBound)...\(range.upperBound), got \(n)" }
            s[keyPath: path] = n
            return nil
        }, show: { "\($0[keyPath: path])" })
    }

    static func number(_ name: String, _ path: WritableKeyPath<Settings, Double> & Sendable, _ range: ClosedRange<Double>) -> Key {
        Key(name: name, apply: { s, v in
            let d: Double
            switch v {
            case .integer(let n): d = Double(n)
            case .float(let f): d = f
            default: return "expected a number"
            }
            guard range.contains(d) else { return "expected \(range.lowerBound)...\(range.upperBound), got \(d)" }
            s[keyPath: path] = d
            return nil
        }, show: { "\($0[keyPath: path])" })
    }

    static func strings(_ name: String, _ path: WritableKeyPath<Settings, [String]> & Sendable) -> Key {
        Key(name: name, apply: { s, v in
            guard case .array(let items) = v else { return "expected an array of strings like [\"a\", \"b\"]" }
            var out: [String] = []
            for item in items {
                guard case .string(let text) = item else { return "expected an array of strings" }
                out.append(text)
            }
            s[keyPath: path] = out
            return nil
        }, show: { "[" + $0[keyPath: path].map { "\"\($0)\"" }.joined(separator: ", ") + "]" })
    }

    static let keys: [Key] = [
        string("input.source", \.inputSource),
        bool("input.realtime", \.realtime),
        string("speech.model", \.model),
        string("speech.language", \.language),
        int("speech.threads", \.threads, 1...64),
        number("speech.vad_threshold", \.vadThreshold, 0.05...0.99),
        string("speech.vad", \.vad, oneOf: ["energy", "silero"]),
        bool("speech.design_prompt", \.designPrompt),
        number("speech.design_bias", \.designBias, 0...10),
        bool("speech.speakers", \.speakers),
        number("intent.threshold", \.intentThreshold, 0...1),
        number("intent.model_floor", \.intentModelFloor, 0...1),
        number("trigger.silence_seconds", \.silenceSeconds, 0.1...60),
        number("trigger.debounce_seconds", \.debounceSeconds, 0...600),
        string("output.folder", \.outputFolder, path: true),
        string("output.export_folder", \.exportFolder, path: true),
        strings("output.allowed_imports", \.allowedImports),
        string("store.database", \.database),
        int("store.retention_days", \.retentionDays, 1...7),
        string("ui.theme", \.theme),
        string("ui.themes_dir", \.themesDirectory),
        string("llm.backend", \.llmBackend, oneOf: ["none", "openai", "anthropic", "compatible"]),
        string("llm.model", \.llmModel),
        string("llm.base_url", \.llmBaseURL),
        string("llm.openai_api_key", \.openAIKey),
        string("llm.anthropic_api_key", \.anthropicKey),
        string("llm.api_key", \.compatibleKey),
        number("llm.timeout_seconds", \.llmTimeoutSeconds, 1...600),
        string("insights.reddit_client_id", \.redditClientID),
        string("insights.reddit_client_secret", \.redditClientSecret),
        string("insights.reddit_username", \.redditUsername),
        strings("insights.subreddits", \.subreddits),
        string("insights.instagram_token", \.instagramToken),
        string("insights.instagram_account_id", \.instagramAccountID),
        number("insights.mine_interval_minutes", \.mineIntervalMinutes, 0...1440),
        string("hooks.post_generate", \.postGenerateHook),
        string("hooks.on_insight", \.onInsightHook),
        strings("server.allowed_origins", \.allowedOrigins),
        string("services.redis_url", \.redisURL),
        string("services.weaviate_url", \.weaviateURL),
        string("services.mongodb_uri", \.mongoURI),
        string("services.jwt_secret", \.jwtSecret),
    ]

    /// The original design's environment variables, and the setting each overrides.
    static let designEnvironment: [(variable: String, key: String)] = [
        ("OPENAI_API_KEY", "llm.openai_api_key"), ("ANTHROPIC_API_KEY", "llm.anthropic_api_key"),
        ("REDDIT_CLIENT_ID", "insights.reddit_client_id"), ("REDDIT_CLIENT_SECRET", "insights.reddit_client_secret"),
        ("INSTAGRAM_ACCESS_TOKEN", "insights.instagram_token"), ("INSTAGRAM_USER_ID", "insights.instagram_account_id"),
        ("REDIS_URL", "services.redis_url"), ("WEAVIATE_URL", "services.weaviate_url"),
        ("MONGODB_URI", "services.mongodb_uri"), ("JWT_SECRET", "services.jwt_secret"),
    ]

    /// `MOCKPILOT_OUTPUT_FOLDER` -> "output.folder": section and key upper-cased, joined by "_".
    static func environmentName(of key: String) -> String {
        "MOCKPILOT_" + key.replacingOccurrences(of: ".", with: "_").uppercased()
    }
}
