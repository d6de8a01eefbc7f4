import Foundation
import Testing
import TestSupport
@testable import Server

/// The live preview in a real browser: headless Chromium (driven over the DevTools protocol by
/// Client/preview_browser.py) opens `/preview` on a real server, and a component made after the
/// page opened (`POST /generate`) appears in it, rendered by React in its sandboxed frame.
@Suite(.serialized) struct LivePreviewTests {
    struct Seen {
        var state: String
        var cards: [String]
        var frames: [String]
        var problems: [String]
        var generate: Int?
        var address: String
        var backgrounds: [String]
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
                    backgrounds: (object["backgrounds"] as? [Any])?.compactMap { $0 as? String } ?? [])
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
}
