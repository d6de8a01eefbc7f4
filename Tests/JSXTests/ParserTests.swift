import Testing
@testable import JSX

/// What the parser accepts and rejects, with the line:column a user would be pointed at.
struct ParserTests {
    func verdict(_ source: String) -> String {
        switch JSXChecker().parse(source) {
        case .success: "ok"
        case .failure(let e): e.localizedDescription
        }
    }

    @Test(arguments: [
        "import React, { useState as useS } from 'react'; export const a = 1, { b } = {}; export default a;",
        "const f = async ({ a = 1, ...rest }, [b, , c] = []) => { await g?.(a ?? b); return `x${a}y${`n${b}`}`; };",
        "const el = <motion.div key={i} {...props} data-x='1' svg:href=\"a\">a &amp; b {/* c */}<Foo.Bar /></motion.div>;",
        "const r = /[/]+\\/(?<n>x)/giu.test(s) ? a / b / c : x /= 2;",
        "let a = b\n(c)\nconst d = 1\n;[1, 2].map(x => x)\nlet e = f\n++g",
        "class A extends B { static x = 1; #y = 2; static { this.z = 3; } get y() { return this.#y; } async *gen() { yield* 1; } }",
        "label: for (const k in o) { if (!k) continue label; else break; }",
        "const x = a ? <A /> : <><B />{list.map((item) => <li key={item.id}>{item.name}</li>)}</>;",
        "export * from 'react'; export * as R from 'react'; export { default as X } from 'react';",
        "const { a: [x = 1] = [] } = o; [a, b] = [b, a]; ({ a, b } = c); x ||= 1; y ??= 2;",
        "const big = 1_000n + 0x1Fn; const f = .5e-3; const o = { 'a-b': 1, [k]: 2, m() {}, get g() { return 1; } };",
        "for await (const x of xs) {}",
        "const t = tag`a${b}c`; new Foo; new a.b.C(); import.meta.url; import('react');",
    ])
    func acceptsWhatReactCodeUses(_ source: String) {
        #expect(verdict(source) == "ok")
    }

    @Test(arguments: [
        ("const x = <div></span>;", "1:18: expected corresponding JSX closing tag for <div>"),
        ("const x = <a /><b />;", "1:16: adjacent JSX elements must be wrapped in an enclosing tag"),
        // `);` after an unclosed tag is JSX text, so the error comes at the end, as in Babel.
        ("function f() {\n  return (\n    <div>\n  );\n}", "5:2: unterminated JSX contents"),
        ("let a = 1 let b = 2", "1:11: missing semicolon"),
        ("const x;", "1:8: missing initializer in const declaration"),
        ("a ?? b || c", "1:3: '??' cannot be mixed with '||' or '&&' without parentheses"),
        ("({ a = 1 });", "1:6: invalid shorthand property initializer"),
        ("let x = 010;", "1:9: legacy octal literals are not allowed in strict mode"),
        ("return 1;", "1:1: 'return' outside of function"),
        ("let a; let a;", "1:12: identifier 'a' has already been declared"),
        ("export { nope };", "1:10: export 'nope' is not defined"),
        ("const f = (a, a) => a;", "1:15: argument name clash: 'a'"),
        ("x = a\n=> 1", "2:1: no line break is allowed before '=>'"),
        ("if (a) const b = 1;", "1:8: lexical declaration cannot appear in a single-statement context"),
        ("a + 1 = 2;", "1:1: invalid left-hand side in assignment expression"),
        ("const s = 'a\nb';", "1:11: unterminated string constant"),
        ("const x = <div attr={}></div>;", "1:21: JSX attributes must only be assigned a non-empty expression"),
    ])
    func rejectsWithPosition(_ source: String, _ expected: String) {
        #expect(verdict(source) == expected)
    }

    @Test func treeCarriesPositions() throws {
        let program = try JSXChecker().parse("import React from 'react';\nexport default () => (\n  <Card title=\"x\" />\n);").get()
        let card = try #require(program.allNodes().first { $0.kind == .jsxElement })
        #expect(card.text == "Card" && card.line == 3)
        let attribute = try #require(card.children.first { $0.kind == .jsxAttribute })
        #expect(attribute.text == "title" && attribute.children.first?.text == "x")
        #expect(program.children.map(\.kind) == [.importDecl, .exportDefault])
    }

    @Test func regexAndDivisionAreTold() throws {
        let program = try JSXChecker().parse("x = a / b / c; y = /b/g; z = (1) / 2; w = [] / 1;\n}/.test;".replacingOccurrences(of: "\n}/.test;", with: "")).get()
        let kinds = program.allNodes().map(\.kind)
        #expect(kinds.filter { $0 == .regex }.count == 1)
        #expect(program.allNodes().filter { $0.kind == .binary && $0.text == "/" }.count == 4)
    }
}

/// Found by the differential corpus once template outputs joined it (a mutated copy Babel rejected):
/// no part of an optional chain can be assigned to; parentheses end the chain.
@Test func optionalChainsAreNotAssignmentTargets() {
    for source in ["a?.b.c = 1;", "a?.b[c] = 1;", "a?.b.c++;", "[a?.b.c] = x;", "a?.b().c += 1;", "for (a?.b.c of x);"] {
        #expect(JSXChecker().check(source).first?.message.contains("invalid left-hand side") == true, "\(source)")
    }
    for source in ["(a?.b).c = 1;", "a.b().c = 1;", "x = a?.b.c;"] {
        #expect((try? JSXChecker().parse(source).get()) != nil, "\(source)")
    }
}
