import Foundation
import Testing
import TestSupport
@testable import Server

/// The live preview in a real browser: headless Chromium (driven over the DevTools protocol by
/// Client/preview_browser.py) opens `/preview` on a real server, and a component made after the
/// page opened (`POST /generate`, or a `/stream` meeting) appears in it, rendered by React in its
/// sandboxed frame.
@Suite(.serialized) struct LivePreviewTests {
    struct Seen {
        var state: String
        var cards: [String]
        var frames: [String]
        var problems: [String]
        var generate: Int?
        var address: String
        var backgrounds: [String]
        /// The text of each component frame Chromium runs in a process of its own.
        var inside: [String]
    }

    static func open(_ server: RunningServer, spec: String, wanted: String) async throws -> Seen {
        let token = try await server.token(lifetime: 600)
        let python = try await StreamClient.blocking { try ReferencePython.websockets() }
        let output = try await StreamClient.blocking {
            try Program.run(python, [StreamClient.folder + "/preview_browser.py", server.url, token, spec, wanted])
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] else {
            throw TestFailure("the browser driver printed no result: \(output.prefix(400))")
        }
        return Seen(state: object["state"] as? String ?? "", cards: object["cards"] as? [String] ?? [],
                    frames: object["frames"] as? [String] ?? [], problems: object["problems"] as? [String] ?? [],
                    generate: object["generate"] as? Int, address: object["address"] as? String ?? "",
                    backgrounds: (object["backgrounds"] as? [Any])?.compactMap { $0 as? String } ?? [],
                    inside: object["inside"] as? [String] ?? [])
    }

    @Test func aGeneratedComponentAppearsInTheOpenPage() async throws {
        // The Tailwind CLI the server styles components with (fetched once, as the render check does).
        _ = try Program.run("/bin/bash", [Repository.root.path + "/scripts/tools.sh"])
        try await RunningServer.with { server in
            let spec = #"{"spec_id": "c7.v1", "component": "button", "label": "Pay with zanzibar"}"#
            let seen = try await Self.open(server, spec: spec, wanted: "Pay with zanzibar")
            #expect(seen.state == "following", "the page never followed /events: \(seen)")
            #expect(seen.generate == 200)
            #expect(seen.problems.isEmpty, "\(seen.problems)")
            #expect(seen.cards.contains { $0.contains("c7.v1") }, "\(seen.cards)")
            #expect(seen.frames.contains { $0.contains("Pay with zanzibar") }, "\(seen.frames)")
            // The button has a background (the template's bg-indigo-600) only if the Tailwind CSS
            // came with it. Chromium runs a sandboxed frame in a process of its own, so it is read there.
            #expect(seen.backgrounds.contains { !$0.isEmpty && $0 != "rgba(0, 0, 0, 0)" }, "\(seen.backgrounds)")
            // The token is read from the fragment and taken out of the address bar.
            #expect(!seen.address.contains("token"), "\(seen.address)")
        }
    }

    /// A `/stream` meeting (the eval set's spoken dev-001, Whisper tiny.en) makes its component
    /// while the page is open: it appears without a file being read.
    @Test func aMeetingsComponentAppearsInTheOpenPage() async throws {
        _ = try Program.run("/bin/bash", [Repository.root.path + "/scripts/tools.sh"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("live-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let line = try #require(try StreamClient.spokenLines().first { $0.wav.hasSuffix("dev-001.wav") })
        try await RunningServer.with(stages: try StreamClient.stages(writingInto: directory)) { server in
            let seen = try await Self.open(server, spec: "stream:" + line.wav, wanted: "")
            #expect(seen.state == "following", "the page never followed /events: \(seen)")
            #expect(seen.generate == 0, "the stream client failed")
            #expect(seen.problems.isEmpty, "\(seen.problems)")
            // The meeting's component: its card (named as the folder names it) and what it rendered.
            let published = await server.server.room.components.retained(after: 0)
            #expect(!published.isEmpty && seen.cards.count == published.count, "\(seen.cards)")
            #expect(seen.cards.contains { $0.contains(" · ") && $0.hasSuffix("-c1.v1") }, "\(seen.cards)")
            #expect(seen.inside.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, "\(seen.inside)")
        }
    }
}
