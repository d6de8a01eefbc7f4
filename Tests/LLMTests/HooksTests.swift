import Foundation
import Testing
@testable import LLM

@Suite struct HooksTests {
    @Test func postGenerateGetsTheComponentOnStdin() async {
        let jsx = "export function A() { return <div>é</div>; }\n"
        let result = await Hooks.postGenerate(command: "wc -c", jsx: jsx)
        #expect(result.exitCode == 0 && !result.failed)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(jsx.utf8.count))
        #expect(result.summary == "hook `wc -c` passed: \(jsx.utf8.count)")
    }

    @Test func nonZeroExitMarksTheComponentAndShowsStderr() async {
        let result = await Hooks.postGenerate(command: "echo 'line 1: no semicolons' >&2; exit 3", jsx: String(repeating: "x", count: 200_000))
        #expect(result.exitCode == 3 && result.failed)
        #expect(result.stderr == "line 1: no semicolons\n")
        #expect(result.summary == "hook `echo 'line 1: no semicolons' >&2; exit 3` exited 3: line 1: no semicolons")
    }

    @Test func aHookPastItsTimeoutIsStoppedWithEverythingItStarted() async {
        let started = Date()
        let result = await Hooks.postGenerate(command: "sleep 30; echo late", jsx: "x", timeout: 1)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.timedOut && result.failed && result.exitCode == nil)
        // Had the sleep it started been left running, its pipes would hold the hook for 30 s.
        #expect(elapsed < 20, "took \(elapsed) s")
        #expect(!result.stdout.contains("late"))
        #expect(result.summary.contains("was stopped after 1."))
    }

    /// A slow hook must not hold the output of hooks started beside it (inherited descriptors).
    @Test func hooksRunningTogetherDoNotWaitForEachOther() async {
        async let slow = Hooks.postGenerate(command: "sleep 60", jsx: "x", timeout: 20)
        let started = Date()
        let quick = await withTaskGroup(of: HookResult.self) { group in
            for i in 0..<3 { group.addTask { await Hooks.onInsight(command: "cat; echo \(i)", json: "j") } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        // Held by the slow hook's descriptors, they would have waited its full 20 s.
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(Set(quick.map(\.stdout)) == ["j0\n", "j1\n", "j2\n"])
        #expect(await slow.timedOut)
    }

    @Test func onInsightGetsTheJSON() async {
        let result = await Hooks.onInsight(command: "cat", json: #"{"sentiment":0.4}"#)
        #expect(result.stdout == #"{"sentiment":0.4}"#)
    }

    @Test func aMissingCommandFailsWithTheShellsMessage() async {
        let result = await Hooks.postGenerate(command: "no-such-linter-xyz", jsx: "x")
        #expect(result.exitCode == 127 && result.failed)
        #expect(result.stderr.contains("not found"))
    }
}

@Suite struct HookEnvironmentTests {
    /// A hook is someone else's program: MockPilot's keys stay with MockPilot, the rest passes.
    @Test func keysAreWithheldFromHooks() async {
        let environment = ["PATH": "/usr/bin:/bin", "OPENAI_API_KEY": "sk-live-aaaa1111", "ANTHROPIC_API_KEY": "sk-ant-bbbb2222",
                           "MOCKPILOT_LLM_OPENAI_API_KEY": "sk-live-cccc3333", "LINTER_MODE": "strict"]
        let result = await Hooks.run(command: "env", input: Data(), timeout: 10, environment: environment)
        #expect(result.exitCode == 0)
        #expect(!result.stdout.contains("sk-live") && !result.stdout.contains("sk-ant"), "\(result.stdout)")
        #expect(result.stdout.contains("LINTER_MODE=strict"))
        #expect(result.stdout.contains("PATH=/usr/bin:/bin"))
    }

    /// REDIS_URL and its kin hold a password inside the URL (`redis://:pw@host`): the hook sees
    /// none of them, nor any other variable holding a URL with a password; plain URLs pass.
    @Test func urlsWithCredentialsAreWithheldFromHooks() async {
        let environment = ["PATH": "/usr/bin:/bin", "REDIS_URL": "redis://:redis-pw-4444@cache.internal:6379/0",
                           "MOCKPILOT_SERVICES_WEAVIATE_URL": "https://weaviate.internal", "WEAVIATE_URL": "https://weaviate.internal",
                           "MOCKPILOT_LLM_BASE_URL": "https://llm-user:llm-pw-5555@llm.internal/v1",
                           "TEAM_DB": "postgres://deploy:db-pw-6666@db.internal/app", "DOCS_URL": "https://docs.example.com/a@b:c",
                           "LINTER_MODE": "strict"]
        let result = await Hooks.run(command: "env", input: Data(), timeout: 10, environment: environment)
        #expect(result.exitCode == 0)
        for secret in ["redis-pw-4444", "llm-pw-5555", "db-pw-6666", "REDIS_URL", "WEAVIATE_URL"] {
            #expect(!result.stdout.contains(secret), "\(secret) reached the hook: \(result.stdout)")
        }
        #expect(result.stdout.contains("DOCS_URL=https://docs.example.com/a@b:c"))
        #expect(result.stdout.contains("LINTER_MODE=strict"))
    }
}
