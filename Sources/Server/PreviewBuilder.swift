import Core
import Foundation

/// Builds a checked component into one script for the live preview's frame: the component, React
/// and ReactDOM bundled by esbuild (as scripts/render-check.sh bundles them, from Debian's
/// node-react), mounted under an error boundary into the frame's `#root`, with the Tailwind CSS of
/// its classes when the Tailwind CLI `scripts/tools.sh` fetches is there. Builds are kept by
/// their code (`POST /generate` may answer one spec id with new code), the newest `capacity` of them.
actor PreviewBuilder {
    /// What the build needs and where it is: `scripts/deps.sh` installs both.
    struct Tools: Sendable {
        /// The esbuild executable (a bare name is looked up on PATH).
        var esbuild = "esbuild"
        /// Where React and ReactDOM are installed as node modules.
        var nodeModules = "/usr/share/nodejs"
        /// The Tailwind v4 standalone CLI (scripts/tools.sh); without it components show unstyled.
        var tailwind = Paths.dataHome() + "/tools/tailwindcss"
    }

    enum Failure: Error {
        case missing(String)
        case failed(String)

        var reason: String {
            switch self {
            case .missing(let what): "the preview needs \(what) (scripts/deps.sh installs it)"
            case .failed(let why): "esbuild could not build the component: \(why)"
            }
        }
    }

    let tools: Tools
    let capacity: Int
    private var built: RecentTable<String, String>

    init(tools: Tools = Tools(), capacity: Int) {
        self.tools = tools
        self.capacity = max(1, capacity)
        built = RecentTable(capacity: self.capacity)
    }

    /// The built script for `jsx` (already checked).
    func script(for jsx: String) async throws(Failure) -> String {
        if let script = built[jsx] { return script }
        let script = try await Self.build(jsx, tools: tools)
        built.set(script, for: jsx)
        return script
    }

    /// The entry mounts the component; the component's own imports (`react` only, as the checker
    /// allows by default) resolve against `tools.nodeModules`.
    static let entry = """
        import React from "react";
        import { createRoot } from "react-dom/client";
        import Component from "./Component.jsx";

        // A component that throws shows its error instead of a blank frame.
        class Boundary extends React.Component {
          constructor(props) { super(props); this.state = { error: null }; }
          static getDerivedStateFromError(error) { return { error }; }
          render() {
            return this.state.error ? React.createElement("pre", null, String(this.state.error.message || this.state.error)) : this.props.children;
          }
        }
        createRoot(document.getElementById("root")).render(React.createElement(Boundary, null, React.createElement(Component)));

        """

    private static func build(_ jsx: String, tools: Tools) async throws(Failure) -> String {
        guard let esbuild = executable(tools.esbuild) else { throw .missing("esbuild") }
        guard FileManager.default.fileExists(atPath: tools.nodeModules + "/react-dom/client.js") else {
            throw .missing("React and ReactDOM in \(tools.nodeModules) (node-react, node-react-dom)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mockpilot-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("component.js")
        let errors = folder.appendingPathComponent("esbuild.log")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(jsx.utf8).write(to: folder.appendingPathComponent("Component.jsx"))
            try Data(entry.utf8).write(to: folder.appendingPathComponent("main.jsx"))
            try Data().write(to: errors)
        } catch {
            throw .failed("could not write its files: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: esbuild)
        process.arguments = [folder.appendingPathComponent("main.jsx").path, "--bundle", "--format=iife", "--jsx=automatic",
                             "--loader:.js=jsx", "--define:process.env.NODE_ENV=\"production\"", "--log-level=error",
                             "--outfile=" + output.path]
        process.environment = ["NODE_PATH": tools.nodeModules, "PATH": "/usr/bin:/bin"]
        process.standardError = try? FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let status: Int32
        do {
            status = try await run(process)
        } catch {
            throw .failed(error.localizedDescription)
        }
        guard status == 0, let script = try? String(contentsOf: output, encoding: .utf8) else {
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw .failed(String(said.prefix(400)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard let css = await styles(in: folder, tools: tools) else { return script }
        // The frame's policy takes inline styles, not stylesheets from elsewhere: the CSS goes in a <style>.
        let literal = String(decoding: (try? JSONEncoder().encode(css)) ?? Data("\"\"".utf8), as: UTF8.self)
        return "(function(){var s=document.createElement(\"style\");s.textContent=\(literal);document.head.appendChild(s);})();\n" + script
    }

    /// The Tailwind CSS of the component's classes (only its own file is scanned), or nil without
    /// the CLI or when it fails: the component still shows, unstyled.
    private static func styles(in folder: URL, tools: Tools) async -> String? {
        guard FileManager.default.isExecutableFile(atPath: tools.tailwind) else { return nil }
        let input = folder.appendingPathComponent("input.css"), output = folder.appendingPathComponent("component.css")
        let source = "@import \"tailwindcss\" source(none);\n@source \"\(folder.appendingPathComponent("Component.jsx").path)\";\n"
        guard (try? Data(source.utf8).write(to: input)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tools.tailwind)
        process.arguments = ["-i", input.path, "-o", output.path]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? await run(process)) == 0 else { return nil }
        return try? String(contentsOf: output, encoding: .utf8)
    }

    /// A build longer than this is stopped (and fails): esbuild and Tailwind take well under a second.
    static let timeLimit = 30.0

    /// Runs `process` to its end on a thread of its own, so no executor thread waits on it; one
    /// that runs past `timeLimit` is terminated, so a request cannot hang on it.
    private static func run(_ process: Process) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    try process.run()
                    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
                    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
                    process.waitUntilExit()
                    watchdog.cancel()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// `name` as an executable path: itself when it has a slash, else the first match on PATH.
    private static func executable(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
