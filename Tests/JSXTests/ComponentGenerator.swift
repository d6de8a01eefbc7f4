import TestSupport

/// Writes plausible React components from parts (hooks, lists, forms, conditionals...), so the
/// differential corpus covers combinations nobody would write by hand.
struct ComponentGenerator {
    var random: SeededRandom

    static let names = ["ProfileCard", "OrderSummary", "InvoiceTable", "ChatPanel", "SettingsForm", "FileList",
                        "Kanban", "Calendar", "Stepper", "Gallery", "Sidebar", "Footer", "Hero", "Banner", "Rating"]
    static let colors = ["indigo", "emerald", "rose", "amber", "sky", "violet", "slate"]

    mutating func component(index: Int) -> String {
        let name = random.pick(Self.names) + String(index)
        let color = random.pick(Self.colors)
        var hooks: [String] = []
        var imports: Set<String> = []
        var body: [String] = []
        for _ in 0..<random.int(2..<6) {
            let (hook, hookImports, jsx) = part(color: color)
            if let hook { hooks.append(hook) }
            imports.formUnion(hookImports)
            body.append(jsx)
        }
        let importLine = imports.isEmpty ? "import React from \"react\";" : "import React, { \(imports.sorted().joined(separator: ", ")) } from \"react\";"
        let props = random.pick(["{ title = \"\(name)\", items = [], onSelect }", "props", "{ title, items = [], ...rest }", "{ title = 'Untitled', items = [], onSelect = () => {} }"])
        let titleExpr = props == "props" ? "props.title" : "title"
        let itemsExpr = props == "props" ? "(props.items ?? [])" : "items"
        let wrapper = random.pick(["div", "section", "article", "aside", "main"])
        let semicolon = random.chance(30) ? "" : ";"
        let header = random.chance(50)
            ? "export default function \(name)(\(props)) {"
            : "const \(name) = (\(props)) => {"
        let footer = header.hasPrefix("export") ? "}" : "}\(semicolon)\n\nexport default \(name)\(semicolon)"
        let hookText = hooks.map { "  " + $0.replacingOccurrences(of: ";", with: semicolon) }.joined(separator: "\n")
            .replacingOccurrences(of: "ITEMS", with: itemsExpr)
        let jsx = body.joined(separator: "\n").replacingOccurrences(of: "ITEMS", with: itemsExpr)
        return """
        \(importLine)

        // Generated variant \(index): \(name).
        \(header)
        \(hookText)
          return (
            <\(wrapper) className="rounded-xl bg-\(color)-50 p-4">
              <h2 className="text-lg font-semibold">{\(titleExpr)}</h2>
        \(jsx)
            </\(wrapper)>
          )\(semicolon)
        \(footer)

        """
    }

    /// One feature: maybe a hook line, the React imports it needs, and a JSX fragment.
    mutating func part(color: String) -> (String?, Set<String>, String) {
        let v = "v" + String(random.int(0..<1000))
        switch random.int(0..<12) {
        case 0:
            return ("const [\(v), set\(v)] = useState(0);", ["useState"],
                    "      <button onClick={() => set\(v)((n) => n + 1)} className=\"rounded-full bg-\(color)-600 px-4 py-2 text-white\">Clicked {\(v)} times</button>")
        case 1:
            return (nil, [], """
                  <ul className="divide-y">
                    {ITEMS.map((item, i) => (
                      <li key={item.id ?? i} className={`py-2 ${i % 2 === 0 ? "bg-white" : "bg-\(color)-100"}`}>{item.label ?? String(item)}</li>
                    ))}
                  </ul>
            """)
        case 2:
            return ("const [\(v), set\(v)] = useState(false);", ["useState"],
                    "      {\(v) && <p className=\"text-sm\">Shown when open &mdash; toggle below.</p>}\n      <button onClick={() => set\(v)(!\(v))}>{\(v) ? \"Hide\" : \"Show\"}</button>")
        case 3:
            return ("const \(v) = useRef(null);", ["useRef"],
                    "      <input ref={\(v)} type=\"text\" placeholder=\"Type here…\" onFocus={(e) => e.target.select()} className=\"w-full rounded border px-2\" />")
        case 4:
            return ("useEffect(() => {\n    const id = setInterval(() => {}, 1000);\n    return () => clearInterval(id);\n  }, []);", ["useEffect"],
                    "      {/* a comment inside JSX */}\n      <p>Ticking</p>")
        case 5:
            return ("const \(v) = useMemo(() => ITEMS.filter(Boolean).length, [ITEMS]);", ["useMemo"],
                    "      <span className=\"text-xs\">{\(v)} item{\(v) === 1 ? '' : 's'}</span>")
        case 6:
            return (nil, [], "      <>\n        <strong>Fragment</strong> <em>content</em>\n      </>")
        case 7:
            return (nil, [], "      <svg viewBox=\"0 0 24 24\" className=\"h-5 w-5\" aria-hidden=\"true\"><path d=\"M5 12h14\" strokeLinecap=\"round\" /></svg>")
        case 8:
            return ("const { a: a\(v) = 1, b: { c: c\(v) } = {}, ...others\(v) } = { a: 2, b: { c: 3 } };", [],
                    "      <pre>{JSON.stringify({ a\(v), c\(v), others\(v) }, null, 2)}</pre>")
        case 9:
            return ("const \(v) = /^[a-z0-9-]+$/i;", [],
                    "      <p title={`pattern ${\(v).source}`}>{\(v).test(\"ok-1\") ? \"valid\" : \"invalid\"}</p>")
        case 10:
            return ("const [\(v), set\(v)] = useState({ name: '', agree: false });", ["useState"], """
                  <form onSubmit={(e) => { e.preventDefault(); }} className="space-y-2">
                    <input value={\(v).name} onChange={(e) => set\(v)({ ...\(v), name: e.target.value })} />
                    <label><input type="checkbox" checked={\(v).agree} onChange={() => set\(v)((s) => ({ ...s, agree: !s.agree }))} /> I agree</label>
                    <button type="submit" disabled={!\(v).agree}>Send</button>
                  </form>
            """)
        default:
            return ("const \(v) = ITEMS.length > 3 ? 'many' : ITEMS.length ? 'few' : 'none';", [],
                    "      <div className={[\"badge\", \(v) === 'many' && \"badge-lg\"].filter(Boolean).join(' ')}>{\(v)}</div>")
        }
    }
}
