import Foundation

/// Parses generated files with Debian's @babel/parser (node-babel7) and reports what each
/// one really contains: the parser's verdict, element names, decoded text and attribute
/// strings, called functions, imports, exports and className classes.
struct BabelCheck {
    struct Report: Decodable {
        var file: String
        var error: String?
        var elements: [String]
        var texts: [String]
        var attributeStrings: [String]
        var calls: [String]
        var imports: [String]
        var exports: [String]
        var classes: [String]
    }

    static let script = #"""
    const fs = require("fs");
    const { parse } = require("@babel/parser");
    const skip = new Set(["loc", "start", "end", "extra", "leadingComments", "trailingComments", "innerComments"]);
    function walk(node, visit) {
      if (Array.isArray(node)) { node.forEach(n => walk(n, visit)); return; }
      if (!node || typeof node !== "object") return;
      if (typeof node.type === "string") visit(node);
      for (const k of Object.keys(node)) if (!skip.has(k)) walk(node[k], visit);
    }
    function name(n) {
      if (!n) return "?";
      if (n.type === "JSXIdentifier" || n.type === "Identifier") return n.name;
      if (n.type === "JSXMemberExpression" || n.type === "MemberExpression") return name(n.object) + "." + name(n.property);
      return n.type;
    }
    const out = [];
    for (const file of process.argv.slice(2)) {
      const r = { file, error: null, elements: [], texts: [], attributeStrings: [], calls: [], imports: [], exports: [], classes: [] };
      try {
        const ast = parse(fs.readFileSync(file, "utf8"), { sourceType: "module", plugins: ["jsx"], errorRecovery: false });
        walk(ast.program, n => {
          if (n.type === "JSXOpeningElement") r.elements.push(name(n.name));
          if (n.type === "JSXText" && n.value.trim()) r.texts.push(n.value.trim());
          if (n.type === "JSXAttribute" && n.value && n.value.type === "StringLiteral") r.attributeStrings.push(n.value.value);
          if (n.type === "JSXAttribute" && name(n.name) === "className")
            walk(n.value, s => {
              if (s.type === "StringLiteral") r.classes.push(...s.value.split(" ").filter(Boolean));
              if (s.type === "TemplateElement") r.classes.push(...s.value.cooked.split(" ").filter(Boolean));
            });
          if (n.type === "CallExpression") r.calls.push(name(n.callee));
          if (n.type === "ImportDeclaration") r.imports.push(n.specifiers.map(s => name(s.imported || s.local)).join(",") + " from " + n.source.value);
          if (n.type === "ExportNamedDeclaration") r.exports.push("named " + name(n.declaration && n.declaration.id));
          if (n.type === "ExportDefaultDeclaration") r.exports.push("default " + name(n.declaration));
        });
      } catch (e) { r.error = e.message; }
      out.push(r);
    }
    process.stdout.write(JSON.stringify(out));
    """#

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes each source to its own file in a fresh folder and parses them all in one node run.
    /// Throws when node or @babel/parser is missing: `make test` installs them, so that is a failure, not a skip.
    static func check(_ sources: [String: String]) throws -> [String: Report] {
        guard isAvailable else {
            throw Unavailable(description: "/usr/bin/node and /usr/share/nodejs/@babel/parser are needed (Debian nodejs, node-babel7; `make deps` installs them)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mockpilot-babel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scriptURL = dir.appendingPathComponent("check.js")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        var paths: [String] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name + ".jsx")
            try source.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/node")
        process.arguments = [scriptURL.path] + paths
        var env = ProcessInfo.processInfo.environment
        env["NODE_PATH"] = "/usr/share/nodejs"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let reports = try JSONDecoder().decode([Report].self, from: data)
        var byName: [String: Report] = [:]
        for r in reports {
            byName[URL(fileURLWithPath: r.file).deletingPathExtension().lastPathComponent] = r
        }
        return byName
    }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: "/usr/bin/node")
            && FileManager.default.fileExists(atPath: "/usr/share/nodejs/@babel/parser")
    }
}
