import CodeGen
import Core
import Foundation
import Insight
import TestSupport
import Testing
@testable import Server

/// Each stage route's happy path over real HTTP, in the commands' JSON shapes.
@Suite(.serialized) struct StageRoutesTests {
    @Test func generateAnswersWhatTheTemplatesMakeForTheSpec() async throws {
        let spec = #"{"spec_id": "c7.v1", "component": "button", "styles": ["pill"], "label": "Pay", "brand_refs": ["Stripe"]}"#
        try await RunningServer.with { server in
            let reply = try await server.authorised("POST", "/generate", body: spec)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            let decoded = try JSONDecoder().decode(GenerateResponse.self, from: reply.body)
            let expected = try TemplateGenerator(brands: try RunningServer.stages().brands)
                .generate(try SpecLines.decode(spec, file: "test", line: 1))
            #expect(decoded == expected)
            #expect(decoded.specID == "c7.v1")
            #expect(decoded.namedExports == ["PayButton"])
            #expect(Set(reply.object.keys) == ["spec_id", "jsx", "tailwind", "named_exports"])
        }
    }

    @Test func searchReturnsTheNearestPostsWithSentimentAndDistance() async throws {
        let dir = try temporaryDirectory()
        let database = dir + "/posts.sqlite"
        let insight = try InsightService(databasePath: database, modelsDirectory: ModelPaths.folder)
        let posts = [
            ("1", "I love the Stripe pay button, the gradient is gorgeous"),
            ("2", "The checkout button hover animation is so smooth and lovely!"),
            ("3", "My sourdough starter died again, any tips for bread?"),
        ].map { Post(id: "file:" + $0.0, source: "file", author: "a", community: "r/web_design", text: $0.1, url: "",
                     created: Date(timeIntervalSince1970: 1_732_000_000), score: 1) }
        _ = try await insight.ingest(posts)
        try await RunningServer.with(stages: try RunningServer.stages(postDatabase: database)) { server in
            let reply = try await server.authorised("GET", "/search?query=stripe%20pay%20button&k=2")
            #expect(reply.status == 200)
            let hits = reply.array
            #expect(hits.count == 2)
            #expect(hits.first?["id"] as? String == "file:1")
            let distances = hits.compactMap { $0["embedding_distance"] as? Double }
            #expect(distances.count == 2 && distances == distances.sorted())
            let sentiment = try #require(hits.first?["sentiment"] as? Double)
            #expect(sentiment > 0.3 && sentiment <= 1)
            #expect(hits.allSatisfy { $0["tags"] is [Any] && $0["text"] is String })
        }
    }

    @Test func searchWithoutAPostDatabaseSaysHowToMakeOne() async throws {
        try await RunningServer.with { server in
            let reply = try await server.authorised("GET", "/search?query=button")
            #expect(reply.status == 503)
            #expect(reply.error.contains("mockpilot mine"))
            let reply1 = try await server.authorised("GET", "/search?query=button&k=0")
            #expect(reply1.status == 400)
            let reply2 = try await server.authorised("GET", "/search")
            #expect(reply2.status == 400)
        }
    }

    @Test func classifyAnswersPostIDAndTags() async throws {
        try await RunningServer.with { server in
            let body = #"{"id": "p9", "text": "As a UX designer I spend all day in Figma", "subreddit": "userexperience"}"#
            let reply = try await server.authorised("POST", "/classify", body: body)
            #expect(reply.status == 200)
            #expect(reply.object["post_id"] as? String == "p9")
            let tags = reply.object["tags"] as? [[String: Any]] ?? []
            #expect(tags.contains { $0["tag"] as? String == "Designer" && $0["inferred"] as? Bool == true })
            #expect(tags.allSatisfy { ($0["evidence"] as? String)?.isEmpty == false })
        }
    }

    @Test func extractFindsTheIntentInTranscriptLines() async throws {
        let lines = """
        {"text": "Morning everyone, quick sync today.", "ts_start": 0, "ts_end": 2, "id": "u1"}
        {"text": "Let's build a pill-shaped pay button like Stripe's.", "ts_start": 2, "ts_end": 5, "speaker": "Ana", "id": "u2"}
        """
        try await RunningServer.with { server in
            let reply = try await server.authorised("POST", "/extract", body: lines)
            #expect(reply.status == 200)
            let intents = try JSONDecoder().decode([IntentMsg].self, from: reply.body)
            #expect(intents.count == 1)
            #expect(intents.first?.utteranceID == "u2")
            #expect(intents.first?.component == .button)
            #expect(intents.first?.brandRefs.contains("Stripe") == true)
        }
    }

    private func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("server-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
