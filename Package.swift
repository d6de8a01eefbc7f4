// swift-tools-version:6.1
import PackageDescription

// Data flows one way: capture -> speech -> intent -> trigger -> codegen -> output,
// with insights on the side. Every arrow points toward Core; only the executable
// imports TUI; each C library has one system-library target and one Swift importer.

/// Numeric targets are compiled with optimisation even in debug builds: the tests
/// run real Whisper weights, which would take minutes unoptimised.
let numeric: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "MockPilot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mockpilot", targets: ["mockpilot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `mockpilot serve`: HTTP, JWT, Prometheus metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", exact: "2.8.1"),
        .package(url: "https://github.com/vapor/jwt-kit", exact: "5.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
    ],
    targets: [
        // C libraries from Debian (module maps in Sources/C*/).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CALSA", path: "Sources/CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "COpus", path: "Sources/COpus", pkgConfig: "opus", providers: [.apt(["libopus-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // No pkgConfig: libpulse's .pc adds -pthread and -D_REENTRANT, which SwiftPM refuses with a warning;
        // its headers and libraries are on the default paths.
        .systemLibrary(name: "CPulse", path: "Sources/CPulse", providers: [.apt(["libpulse-dev"])]),
        .systemLibrary(name: "CCBLAS", path: "Sources/CCBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // The process's thread count for numeric work (OpenBLAS itself runs on one thread).
        .target(name: "CThreadCount", path: "Sources/CThreadCount"),

        // Messages, events, clock: the contract every stage speaks.
        .target(name: "Core", resources: [.embedInCode("Resources/filler-words.txt")]),
        .target(name: "Config", dependencies: ["Core"]),
        // Transcript files (WebVTT, SRT, JSON Lines, plain text) -> TranscriptMsg.
        .target(name: "Transcript", dependencies: ["Core"]),
        // Audio in: ALSA, PulseAudio/PipeWire, WAV, Ogg Opus, resampling, voice activity (Silero VAD runs on Tensor).
        .target(name: "Capture", dependencies: ["Core", "CALSA", "CPulse", "COpus", "Tensor"], swiftSettings: numeric),
        // The one place that calls BLAS; also reads safetensors weights (MiniLM, Silero VAD).
        .target(name: "Tensor", dependencies: ["CCBLAS", "CThreadCount"], swiftSettings: numeric),
        .target(name: "Whisper", dependencies: ["Core", "Tensor"], swiftSettings: numeric),
        // The brand table (Themes/design_mapper.yaml) that intent and codegen share.
        .target(name: "Brands", dependencies: ["Core", .product(name: "Yams", package: "Yams")]),
        // Live speech to text: voice activity, partial and final transcripts, design-word prompt.
        .target(name: "Speech", dependencies: ["Core", "Brands", "Capture", "Whisper", "Speaker"],
                resources: [.embedInCode("Resources/design-words.txt"), .embedInCode("Resources/design-talk-words.txt"),
                            .embedInCode("Resources/brand-slot-words.txt"), .embedInCode("Resources/brand-style-words.txt")]),
        // The intent head's weights are compiled in; the sentence embedding is passed in by Pipeline.
        .target(name: "Intent", dependencies: ["Core", "Brands"],
                resources: [.embedInCode("Resources/intent-head.json"), .embedInCode("Resources/unread-head.json"),
                            .embedInCode("Resources/intent-words.json"), .embedInCode("Resources/intent-kinds.json")]),
        .target(name: "Trigger", dependencies: ["Core"],
                resources: [.embedInCode("Resources/referring-words.txt"), .embedInCode("Resources/new-thing-words.txt"),
                            .embedInCode("Resources/attribute-words.txt"), .embedInCode("Resources/part-kinds.txt")]),
        // JavaScript + JSX parser and sanitiser.
        .target(name: "JSX", dependencies: ["Core"], resources: [.embedInCode("Resources/allowlist.json")]),
        .target(name: "CodeGen", dependencies: ["Core", "Brands", "JSX"],
                resources: [.embedInCode("Resources/type-nouns.txt")]),
        .target(name: "Output", dependencies: ["Core"]),
        // Store depends on Output for StoredComponent, the value an export writes.
        .target(name: "Store", dependencies: ["Core", "Output", .product(name: "GRDB", package: "GRDB.swift")]),
        // Wires the stages into one running meeting.
        .target(name: "Pipeline", dependencies: ["Core", "Config", "Brands", "Transcript", "Capture", "Speech", "Speaker", "Intent", "Trigger", "CodeGen", "JSX", "Output", "Store", "Insight", "LLM", "Embedding",
                                                 .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]),
        .target(name: "TUI", dependencies: ["Core", "CNcursesw"]),
        // HTTP over libcurl, for the optional remote sources and models.
        .target(name: "Net", dependencies: ["CCurl"]),
        // Optional model backends (OpenAI, Anthropic, OpenAI-compatible) for intents and code.
        .target(name: "LLM", dependencies: ["Core", "Net", "JSX", "CodeGen"]),
        // MiniLM sentence embeddings on the shared tensor code.
        .target(name: "Embedding", dependencies: ["Tensor"], swiftSettings: numeric),
        // Who is speaking: Resemblyzer's d-vector encoder on the shared tensor code, online clustering.
        .target(name: "Speaker", dependencies: ["Tensor"], swiftSettings: numeric),
        // What people say about a design: sentiment, sources, demographics, vector search.
        .target(name: "Insight", dependencies: ["Core", "Net", "Embedding", "Tensor", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: numeric),
        // The log file (`$XDG_STATE_HOME/mockpilot/mockpilot.log`, rotated) that `run` and `serve` write.
        .target(name: "Logs", dependencies: ["Core", .product(name: "Logging", package: "swift-log")]),
        // `mockpilot serve`: the stage commands as HTTP routes, with JWT, CORS, health and metrics.
        .target(name: "Server", dependencies: ["Core", "Config", "Brands", "Intent", "CodeGen", "JSX", "Insight", "Embedding", "Pipeline", "LLM",
                                               "Capture", "Speech", "Whisper", "Store", "Logs",
                                               .product(name: "Hummingbird", package: "hummingbird"),
                                               .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                                               .product(name: "JWTKit", package: "jwt-kit"),
                                               .product(name: "Prometheus", package: "swift-prometheus"),
                                               .product(name: "Metrics", package: "swift-metrics"),
                                               .product(name: "CoreMetrics", package: "swift-metrics"),
                                               .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                               .product(name: "Logging", package: "swift-log")],
                resources: [.embedInCode("Resources/openapi.json"), .embedInCode("Resources/preview.html"),
                            .embedInCode("Resources/preview.js"), .embedInCode("Resources/preview-frame.html"),
                            .embedInCode("Resources/preview-frame.js")]),
        .executableTarget(
            name: "mockpilot",
            dependencies: [
                "Core", "Config", "Brands", "Transcript", "Capture", "Whisper", "Speech", "Intent", "Trigger", "JSX", "CodeGen",
                "Output", "Store", "Pipeline", "TUI", "Insight", "Embedding", "Net", "LLM", "Tensor", "Server", "Speaker", "Logs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The JSX checker under libFuzzer (-sanitize=fuzzer -DFUZZING), else a replayer; see scripts/fuzz-jsx.sh.
        .executableTarget(name: "fuzz-jsx", dependencies: ["JSX"], path: "Tests/Fuzz"),

        // Test helpers shared by test targets: the repository's paths, the installed models, fixtures
        // (WAVs, file-backed ALSA PCMs, a seeded generator), tools run to their end, stand-ins for remote APIs.
        .target(name: "TestSupport", dependencies: ["Tensor"], path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "TestSupport"]),
        .testTarget(name: "TranscriptTests", dependencies: ["Transcript", "TestSupport"]),
        .testTarget(name: "CaptureTests", dependencies: ["Capture", "TestSupport"]),
        .testTarget(name: "WhisperTests", dependencies: ["Whisper", "Tensor", "Capture", "TestSupport"], swiftSettings: numeric),
        .testTarget(name: "SpeechTests", dependencies: ["Speech", "Capture", "Whisper", "Core", "TestSupport"]),
        .testTarget(name: "IntentTests", dependencies: ["Intent", "Brands", "Embedding", "TestSupport"], exclude: ["Meetings"]),
        .testTarget(name: "TriggerTests", dependencies: ["Trigger"]),
        .testTarget(name: "JSXTests", dependencies: ["JSX", "CodeGen", "Brands", "Core", "TestSupport"], exclude: ["Corpus", "EdgeCases", "RedTeam", "babel-verdicts.js"]),
        .testTarget(name: "CodeGenTests", dependencies: ["CodeGen", "Core", "JSX", "Brands", "TestSupport"]),
        .testTarget(name: "OutputTests", dependencies: ["Output"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Output"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Net", "TestSupport", "Speech", "Capture",
                                                     .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                     .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "TestSupport"]),
        .testTarget(name: "NetTests", dependencies: ["Net", "TestSupport"]),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "TestSupport"]),
        .testTarget(name: "EmbeddingTests", dependencies: ["Embedding", "Tensor", "TestSupport"], swiftSettings: numeric),
        .testTarget(name: "SpeakerTests", dependencies: ["Speaker", "Tensor", "Capture", "TestSupport"], swiftSettings: numeric),
        .testTarget(name: "InsightTests", dependencies: ["Insight", .product(name: "GRDB", package: "GRDB.swift"), "TestSupport"], exclude: ["demographics_labelled.jsonl", "demographics_heldout.jsonl"]),
        .testTarget(name: "LogsTests", dependencies: ["Logs", "Core", .product(name: "Logging", package: "swift-log")]),
        // `serve` over real HTTP on loopback, and the binary's serve and token commands.
        .testTarget(name: "ServerTests", dependencies: ["Server", "Core", "Store", "Logs", "Brands", "CodeGen", "Insight", "LLM", "TestSupport", "Config", "Whisper",
                                                       .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                       .product(name: "Logging", package: "swift-log")],
                    // The /stream tests' Python client and the venv it runs in.
                    exclude: ["Client"]),
        // Drives the built `mockpilot` binary as a user would (files, exit codes, tmux), and reads
        // the session database it wrote with plain SQL.
        .testTarget(name: "EndToEndTests", dependencies: ["Core", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
