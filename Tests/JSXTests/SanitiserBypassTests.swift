import Testing
@testable import JSX

/// The ways around the rules an audit found (and their relatives), each beside a benign twin that
/// does the harmless thing the same way. Before the rules read names as the browser resolves them,
/// the hostile samples here passed the check, except four kept as regression cases (a constant
/// `window["fe" + "tch"]`, `React.createElement("script")`, `<svg><script>`, `import("x")`).
let bypassCases: [SanitiserCase] = [
    // Global aliases: window., self., globalThis., top., frames[0]. change nothing.
    .init(rule: "network", hostile: #"const s = new window.WebSocket("wss://x"); export default () => <p />;"#,
          benign: #"const s = new window.URL("https://x"); export default () => <p />;"#),
    .init(rule: "network", hostile: #"const x = new window.XMLHttpRequest(); export default () => <p />;"#,
          benign: #"const x = new window.Date(); export default () => <p />;"#),
    .init(rule: "network", hostile: #"export default () => <button onClick={() => self.fetch("/api")}>x</button>;"#,
          benign: #"export default () => <button onClick={() => self.focus()}>x</button>;"#),
    .init(rule: "network", hostile: #"export default () => <button onClick={() => frames[0].fetch("/x")}>x</button>;"#,
          benign: #"export default () => <button onClick={() => console.log(frames.length)}>x</button>;"#),
    .init(rule: "storage", hostile: #"export default () => <p>{globalThis.localStorage.getItem("k")}</p>;"#,
          benign: #"export default () => <p>{globalThis.innerWidth}</p>;"#),
    .init(rule: "storage", hostile: #"export default () => <div ref={(el) => el && console.log(el.ownerDocument.cookie)} />;"#,
          benign: #"export default () => <div ref={(el) => el && console.log(el.tagName)} />;"#),
    // Computed keys: constant strings are read; anything else on a global object is refused.
    .init(rule: "network", hostile: #"export default () => <button onClick={() => window["fe" + "tch"]("/api")}>x</button>;"#,
          benign: #"export default () => <button onClick={() => window["scroll" + "To"](0, 0)}>x</button>;"#),
    .init(rule: "global-object", hostile: #"export default ({ k }) => <button onClick={() => window[k]("/x")}>x</button>;"#,
          benign: #"const m = { a: 1 }; export default ({ k }) => <p>{m[k]}</p>;"#),
    // Handing the global objects on hides what is used from them.
    .init(rule: "global-alias", hostile: #"const { cookie } = document; export default () => <p>{cookie}</p>;"#,
          benign: #"const { title } = { title: document.title }; export default () => <p>{title}</p>;"#),
    .init(rule: "global-alias", hostile: #"const w = window; export default () => <button onClick={() => w.fetch("/x")}>x</button>;"#,
          benign: #"const w = window.innerWidth; export default () => <p>{w}</p>;"#),
    .init(rule: "global-alias", hostile: #"const g = Reflect.get(globalThis, "fetch"); export default () => <p />;"#,
          benign: #"const ok = typeof window !== "undefined" && "IntersectionObserver" in window; export default () => <p>{String(ok)}</p>;"#),
    // Navigation: any part of location, through any alias.
    .init(rule: "navigation", hostile: #"export default () => <button onClick={() => { location.pathname = "/x"; }}>Go</button>;"#,
          benign: #"export default () => <button onClick={() => { console.log(location.pathname); }}>Go</button>;"#),
    .init(rule: "navigation", hostile: #"export default () => <button onClick={() => { self.location.href = "https://evil.test"; }}>Go</button>;"#,
          benign: #"export default () => { const [location, setLocation] = React.useState(""); return <input value={location} onChange={(e) => setLocation(e.target.value)} />; };"#),
    .init(rule: "navigation", hostile: #"export default () => <button onClick={() => window.open("https://evil.test")}>Go</button>;"#,
          benign: #"export default () => { const open = () => console.log(1); return <button onClick={() => open()}>Go</button>; };"#),
    // Timers run strings: only a function the component wrote may go in.
    .init(rule: "dynamic-code", hostile: #"const code = "alert(1)"; setTimeout(code, 10); export default () => <p />;"#,
          benign: #"const tick = () => console.log(1); setTimeout(tick, 10); export default () => <p />;"#),
    .init(rule: "dynamic-code", hostile: #"setTimeout(name, 10); export default () => <p />;"#,
          benign: #"function tick() {} setInterval(tick, 1000); export default () => <p />;"#),
    .init(rule: "dynamic-code", hostile: #"const t = setTimeout; t("alert(1)"); export default () => <p />;"#,
          benign: #"const t = setTimeout(() => {}, 5); clearTimeout(t); export default () => <p />;"#),
    .init(rule: "dynamic-code", hostile: #"const f = (() => {}).constructor("alert(1)"); export default () => <p />;"#,
          benign: #"const f = (() => {}).constructor.name; export default () => <p>{f}</p>;"#),
    // String handlers hidden in a spread.
    .init(rule: "string-handler", hostile: #"export default () => <button {...{ onClick: "alert(1)" }}>x</button>;"#,
          benign: #"export default () => <button {...{ onClick: () => alert(1) }}>x</button>;"#),
    .init(rule: "string-handler", hostile: #"const p = { onMouseOver: "alert(1)" }; export default () => <div {...p} />;"#,
          benign: #"const p = { title: "alert(1)" }; export default () => <div {...p} />;"#),
    .init(rule: "string-handler", hostile: #"export default () => <button onClick={"alert(1)"}>x</button>;"#,
          benign: #"export default () => <button title={"alert(1)"}>x</button>;"#),
    // Script URLs built from pieces or held in a constant.
    .init(rule: "unsafe-url", hostile: #"export default () => <a href={`java${""}script:alert(1)`}>x</a>;"#,
          benign: #"export default () => <a href={`/java${""}script-guide`}>x</a>;"#),
    .init(rule: "unsafe-url", hostile: #"const a = "java"; const u = a + "script:alert(1)"; export default () => <a href={u}>x</a>;"#,
          benign: #"const a = "/docs"; const u = a + "/intro"; export default () => <a href={u}>x</a>;"#),
    .init(rule: "unsafe-url", hostile: #"export default () => <svg><a><animate attributeName="href" to="javascript:alert(1)" /></a></svg>;"#,
          benign: #"export default () => <svg><a aria-label="javascript: the good parts"><animate attributeName="opacity" to="0.5" /></a></svg>;"#),
    // Elements by other names.
    .init(rule: "forbidden-element", hostile: #"import React from "react"; export default () => React.createElement("script", null, "alert(1)");"#,
          benign: #"import React from "react"; export default () => React.createElement("section", null, "alert(1)");"#),
    .init(rule: "forbidden-element", hostile: #"import { jsx } from "react/jsx-runtime"; export default () => jsx("iframe", { src: "https://x" });"#,
          benign: #"import { jsx } from "react/jsx-runtime"; export default () => jsx("img", { src: "/a.png" });"#),
    .init(rule: "forbidden-element", hostile: #"const Tag = "script"; export default () => <Tag>alert(1)</Tag>;"#,
          benign: #"const Tag = "section"; export default () => <Tag>alert(1)</Tag>;"#),
    .init(rule: "forbidden-element", hostile: #"export default () => <svg><script>alert(1)</script></svg>;"#,
          benign: #"export default () => <svg><title>alert(1)</title></svg>;"#),
    // Raw HTML without dangerouslySetInnerHTML.
    .init(rule: "dangerous-html", hostile: #"export default () => <div ref={(el) => { if (el) el.innerHTML = "<img src=x onerror=alert(1)>"; }} />;"#,
          benign: #"export default () => <div ref={(el) => { if (el) el.textContent = "<img src=x onerror=alert(1)>"; }} />;"#),
    .init(rule: "dangerous-html", hostile: #"export default () => <div ref={(el) => el && el.insertAdjacentHTML("beforeend", "<b>x</b>")} />;"#,
          benign: #"export default () => <div ref={(el) => el && el.insertAdjacentText("beforeend", "<b>x</b>")} />;"#),
    // Loading code.
    .init(rule: "import", hostile: #"const r = require; const m = r("fs"); export default () => <p />;"#,
          benign: #"const r = [1]; const m = r.map((x) => x); export default () => <p />;"#),
    .init(rule: "import", hostile: #"export default () => <button onClick={() => import("x")}>x</button>;"#,
          benign: #"export default () => <button onClick={() => Promise.resolve("x")}>x</button>;"#),
]

@Test(arguments: bypassCases)
func bypassIsBlockedAndItsTwinPasses(_ c: SanitiserCase) {
    let checker = JSXChecker()
    let hostile = checker.check(c.hostile)
    #expect(hostile.contains { $0.rule == c.rule }, "expected \(c.rule) in \(hostile)")
    #expect(hostile.allSatisfy { $0.rule != nil }, "hostile sample should parse: \(hostile)")
    #expect(checker.check(c.benign) == [], "benign twin was flagged")
}

@Test func namesTheComponentDeclaresAreNotTheGlobals() {
    // A parameter called `parent`, a local `fetch` helper and a `location` field are the component's own.
    let source = #"""
    function fetch(list) { return list.slice(0, 3); }
    export default function Tree({ parent, top = 0 }) {
      const location = { href: "/here" };
      return <div style={{ top }}>{parent && parent.name}{fetch([1, 2, 3, 4]).length}{location.href}</div>;
    }
    """#
    #expect(JSXChecker().check(source) == [])
}

@Test func aLocalOnlyShadowsInsideItsOwnBlock() {
    // The inner `window` is a local; the outer reference is still the global object.
    let source = #"""
    { const window = { fetch: () => 1 }; window.fetch(); }
    const w = window;
    export default () => <p />;
    """#
    #expect(JSXChecker().check(source).map(\.rule) == ["global-alias"])
}
