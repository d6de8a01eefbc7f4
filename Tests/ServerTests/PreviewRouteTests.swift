import Core
import Foundation
import Testing
@testable import Server

/// What the live preview is given, on a real server: only components the checker passes are
/// published, the page and its frame need no token but the components do, and each is served
/// under a policy that keeps a component off the network.
@Suite struct PreviewRouteTests {
    @Test func onlyCheckedCodeIsPublished() async throws {
        try await RunningServer.with { server in
            let refused = ComponentEvt(specID: "c1.v1", jsx: #"export default function A() { return <div dangerouslySetInnerHTML={{__html: "<img src=x onerror=alert(1)>"}} />; }"#, ts: 1)
            await server.server.publish(refused, name: "A")
            let reply = try await server.authorised("POST", "/generate", body: #"{"spec_id": "c2.v1", "component": "button", "label": "Go"}"#)
            #expect(reply.status == 200, "\(reply.text)")
            let published = await server.server.room.components.retained(after: 0)
            #expect(published.count == 1)
            let line = try #require(published.first?.line)
            #expect(line.contains(#""spec_id":"c2.v1""#) && !line.contains("dangerouslySetInnerHTML"), "\(line)")
            #expect(try await server.authorised("GET", "/preview/components/c1.v1").status == 404)
            let built = try await server.authorised("GET", "/preview/components/c2.v1")
            #expect(built.status == 200, "\(built.text.prefix(300))")
            #expect(built.headers["content-type"]?.hasPrefix("text/javascript") == true)
            #expect(built.text.contains("createRoot") || built.text.contains("getElementById(\"root\")"))
        }
    }

    @Test func thePageIsOpenTheComponentsAreNot() async throws {
        try await RunningServer.with { server in
            let page = try await server.send("GET", "/preview", token: nil)
            #expect(page.status == 200 && page.text.contains("/preview/preview.js"))
            #expect(page.headers["content-security-policy"]?.contains("connect-src 'self'") == true)
            let frame = try await server.send("GET", "/preview/frame.html", token: nil)
            #expect(frame.status == 200)
            // No connect-src: a component falls back to default-src 'none' and can reach nothing.
            let policy = frame.headers["content-security-policy"] ?? ""
            #expect(policy.hasPrefix("default-src 'none'") && !policy.contains("connect-src"), "\(policy)")
            // The sandboxed frame asks for its loader as `Origin: null`; the data stays behind the allowlist.
            #expect(try await server.send("GET", "/preview/frame.js", token: nil, headers: ["Origin": "null"]).status == 200)
            #expect(try await server.authorised("GET", "/preview/components/c1.v1", headers: ["Origin": "null"]).status == 403)
            #expect(try await server.authorised("GET", "/events?session=all", headers: ["Origin": "null"]).status == 403)
            #expect(try await server.send("GET", "/preview/other.js", token: nil).status == 401)
            #expect(try await server.send("GET", "/preview/components/c1.v1", token: nil).status == 401)
            #expect(try await server.send("GET", "/events?session=all", token: nil).status == 401)
        }
    }

    /// The preview kit, on an origin of `server.allowed_origins`, may frame a component's frame;
    /// an entry that is not a plain origin never reaches the policy, where it could widen it.
    @Test func theFrameMayBeFramedByAnAllowedOriginOnly() async throws {
        let allowed: Set<String> = ["http://127.0.0.1:5173", "http://x.test; script-src *", "*"]
        try await RunningServer.with(allowedOrigins: allowed) { server in
            let frame = try await server.send("GET", "/preview/frame.html", token: nil)
            #expect(frame.status == 200)
            let policy = frame.headers["content-security-policy"] ?? ""
            #expect(policy.hasSuffix("; frame-ancestors 'self' http://127.0.0.1:5173"), "\(policy)")
            #expect(!policy.contains("x.test") && !policy.contains("*"), "\(policy)")
            // The page itself is still framed by no one.
            let page = try await server.send("GET", "/preview", token: nil)
            #expect(page.headers["content-security-policy"]?.hasSuffix("frame-ancestors 'none'") == true)
        }
    }

    /// Without esbuild the preview says what to install instead of failing somewhere in a browser.
    @Test func aMissingBundlerIsNamed() async throws {
        var tools = PreviewBuilder.Tools()
        tools.esbuild = "/nonexistent/esbuild"
        let builder = PreviewBuilder(tools: tools, capacity: 4)
        do {
            _ = try await builder.script(for: "export default function A() { return <p>a</p>; }")
            Issue.record("a build without esbuild succeeded")
        } catch {
            #expect(error.reason == "the preview needs esbuild (scripts/deps.sh installs it)")
        }
    }
}
