import Foundation

/// Renders generated components with Debian's React 18 in headless Chromium (bundled by
/// Debian's esbuild), clicks through the interactive ones and reports what the page shows.
struct RenderCheck {
    struct Report: Decodable {
        /// console.error output and uncaught errors (React warnings included).
        var errors: [String]
        /// Components that rendered nothing.
        var empty: [String]
        /// Interaction steps per kind: "modal opens" -> passed.
        var steps: [String: Bool]
        /// Every <script> element in the final page.
        var scripts: Int
        /// The page's visible text.
        var text: String
    }

    /// Clicks and key presses per kind, each checked by what the DOM shows afterwards.
    static let interactions = #"""
    const wait = () => new Promise(r => setTimeout(r, 30));
    const key = (el, k) => el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    const steps = {};
    async function exercise(kind, root) {
      const q = s => root.querySelector(s);
      if (kind === "modal") {
        q('button[aria-haspopup="dialog"]').click(); await wait();
        steps["modal opens"] = !!q('[role="dialog"][aria-modal="true"]');
        key(q('[role="dialog"]'), "Escape"); await wait();
        steps["modal closes on Escape"] = !q('[role="dialog"]');
      } else if (kind === "toggle") {
        q('[role="switch"]').click(); await wait();
        steps["toggle switches on"] = q('[role="switch"]').getAttribute("aria-checked") === "true";
      } else if (kind === "tabs") {
        root.querySelectorAll('[role="tab"]')[1].click(); await wait();
        steps["second tab selected"] = root.querySelectorAll('[role="tab"]')[1].getAttribute("aria-selected") === "true"
          && root.querySelectorAll('[role="tabpanel"]').length === 1 && q('[role="tabpanel"]').id.endsWith("panel-1");
      } else if (kind === "dropdown") {
        q('button[aria-haspopup="menu"]').click(); await wait();
        steps["menu opens"] = !!q('[role="menu"]') && q('button[aria-haspopup="menu"]').getAttribute("aria-expanded") === "true";
        q('[role="menuitem"]').click(); await wait();
        steps["menu closes after a choice"] = !q('[role="menu"]');
      } else if (kind === "carousel") {
        q('button[aria-label="Previous slide"]').click(); await wait();
        steps["carousel wraps backwards"] = q('[aria-roledescription="slide"]').getAttribute("aria-label") === "3 of 3";
        q('button[aria-label="Next slide"]').click(); await wait();
        steps["carousel wraps forwards"] = q('[aria-roledescription="slide"]').getAttribute("aria-label") === "1 of 3";
      } else if (kind === "tooltip") {
        const before = q('[role="tooltip"]').className.includes("opacity-0");
        q("button").dispatchEvent(new MouseEvent("mouseover", { bubbles: true, relatedTarget: document.body })); await wait();
        steps["tooltip shows on hover"] = before && q('[role="tooltip"]').className.includes("opacity-100");
      } else if (kind === "pricing") {
        const monthly = root.textContent.includes("$29/month");
        q('[role="switch"]').click(); await wait();
        steps["pricing switches to yearly"] = monthly && root.textContent.includes("$290/year");
      } else if (kind === "alert") {
        q('button[aria-label="Dismiss"]').click(); await wait();
        steps["alert dismisses"] = root.innerHTML === "";
      }
    }
    """#

    /// `components`: (kind, component name, source). Needs esbuild, chromium and React from Debian;
    /// `make test` installs them, so a missing one fails the test instead of skipping it.
    static func run(_ components: [(kind: String, name: String, source: String)]) throws -> Report {
        guard isAvailable else {
            throw RenderFailure(message: "/usr/bin/esbuild, /usr/bin/chromium and /usr/share/nodejs/react-dom are needed (`make deps` installs them)")
        }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("mockpilot-render-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("src"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        var main = "import { createRoot } from \"react-dom/client\";\n"
        for c in components {
            try c.source.write(to: dir.appendingPathComponent("src/\(c.name).jsx"), atomically: true, encoding: .utf8)
            main += "import \(c.name) from \"./\(c.name).jsx\";\n"
        }
        main += "const items = [" + components.map { "[\"\($0.kind)\", \"\($0.name)\", \($0.name)]" }.joined(separator: ", ") + "];\n"
        main += """
        window.__errors = [];
        const original = console.error;
        console.error = (...args) => { window.__errors.push(args.map(String).join(" ").slice(0, 300)); original(...args); };
        window.addEventListener("error", e => window.__errors.push(String(e.message)));
        \(interactions)
        const roots = items.map(([kind, name, C]) => {
          const el = document.createElement("div");
          el.id = "root-" + name;
          document.body.appendChild(el);
          createRoot(el).render(<C />);
          return [kind, name, el];
        });
        setTimeout(async () => {
          const empty = roots.filter(([k, n, el]) => k !== "alert" && el.innerHTML === "").map(([k, n]) => n);
          for (const [kind, name, el] of roots) {
            try { await exercise(kind, el); } catch (e) { window.__errors.push(kind + ": " + e.message); }
          }
          const out = document.createElement("pre");
          out.id = "report";
          out.textContent = JSON.stringify({ errors: window.__errors, empty, steps,
            scripts: document.querySelectorAll("script").length, text: document.body.innerText });
          document.body.appendChild(out);
        }, 100);
        """
        try main.write(to: dir.appendingPathComponent("src/main.jsx"), atomically: true, encoding: .utf8)
        try "<!doctype html><html><body><script src=\"app.js\"></script></body></html>"
            .write(to: dir.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)

        _ = try runTool("/usr/bin/esbuild", ["src/main.jsx", "--bundle", "--format=iife", "--jsx=automatic",
                                             "--define:process.env.NODE_ENV=\"development\"", "--outfile=app.js",
                                             "--log-level=error"], in: dir)
        let profile = dir.appendingPathComponent("profile").path
        let dom = try runTool("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=\(profile)", "--virtual-time-budget=5000", "--dump-dom",
            dir.appendingPathComponent("index.html").absoluteString,
        ], in: dir)
        guard let start = dom.range(of: "<pre id=\"report\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { throw RenderFailure(message: "no report in the page:\n" + dom.prefix(2000)) }
        let json = decodeEntities(String(dom[start.upperBound..<end.lowerBound]))
        return try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    }

    struct RenderFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func runTool(_ path: String, _ args: [String], in dir: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["NODE_PATH"] = "/usr/share/nodejs"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw RenderFailure(message: "\(path) exited with \(p.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The report sits in a <pre>, so the DOM dump escapes &, < and >.
    private static func decodeEntities(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    static var isAvailable: Bool {
        ["/usr/bin/esbuild", "/usr/bin/chromium", "/usr/share/nodejs/react-dom"].allSatisfy(FileManager.default.fileExists)
    }
}
