import Foundation
import Testing
@testable import Server

/// `/health` and `/metrics` over HTTP: open without a token; 503 once a stage has missed its beats.
@Suite(.serialized) struct HealthTests {
    @Test func healthIsOpenAndListsEveryStage() async throws {
        try await RunningServer.with { server in
            let reply = try await server.send("GET", "/health", token: nil)
            #expect(reply.status == 200)
            #expect(reply.object["status"] as? String == "ok")
            let names = (reply.object["services"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == ["codegen", "insights", "intents"])
        }
    }

    @Test func aStuckStageMakesHealth503() async throws {
        // The stages beat every 10 s of the wall clock; the board reads the manual one, so moving
        // it on 31 s is three missed periods with no waiting.
        let clock = ManualClock()
        try await RunningServer.with(clock: clock) { server in
            let reply1 = try await server.send("GET", "/health", token: nil)
            #expect(reply1.status == 200)
            clock.advance(by: 31)
            let reply = try await server.send("GET", "/health", token: nil)
            #expect(reply.status == 503)
            #expect(reply.object["status"] as? String == "stuck")
            let alive = (reply.object["services"] as? [[String: Any]] ?? []).compactMap { $0["alive"] as? Bool }
            #expect(alive == [false, false, false])
            // A job on a stage is a beat: codegen is alive again, the others still stuck.
            let reply2 = try await server.authorised("POST", "/generate", body: #"{"spec_id":"c1.v1","component":"button"}"#)
            #expect(reply2.status == 200)
            let after = try await server.send("GET", "/health", token: nil)
            let services = after.object["services"] as? [[String: Any]] ?? []
            #expect(services.compactMap { $0["alive"] as? Bool } == [true, false, false])
            #expect(after.status == 503)
        }
    }

    @Test func metricsCountRequestsComponentsAndRejections() async throws {
        try await RunningServer.with(stages: try RunningServer.stages(allowedImports: [])) { server in
            // With no import allowed, the checker refuses a modal (it imports useState from React);
            // a button imports nothing and passes.
            let refused = try await server.authorised("POST", "/generate", body: #"{"spec_id":"c1.v1","component":"modal"}"#)
            #expect(refused.status == 422)
            let reply3 = try await server.authorised("POST", "/generate", body: #"{"spec_id":"c2.v1","component":"button"}"#)
            #expect(reply3.status == 200)
            _ = try await server.send("GET", "/health", token: nil)
            let reply = try await server.send("GET", "/metrics", token: nil)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
            let text = reply.text
            #expect(text.contains("mockpilot_checker_rejections_total 1"))
            #expect(text.contains("mockpilot_components_generated_total 1"))
            #expect(text.contains(#"mockpilot_http_requests_total{method="POST",route="/generate",status="422"} 1"#))
            #expect(text.contains(#"mockpilot_http_requests_total{method="GET",route="/health",status="200"} 1"#))
            #expect(text.contains("mockpilot_http_request_duration_seconds_bucket"))
        }
    }
}
