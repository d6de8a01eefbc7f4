import Foundation
import TestSupport
import Testing
@testable import JSX

/// Hostile input must end in an error or a verdict: never a crash, a hang or a blown stack.
@Test func deepNestingIsAnErrorNotACrash() {
    let n = 10_000
    let source = "const x = " + String(repeating: "<div>", count: n) + String(repeating: "</div>", count: n) + ";"
    let found = JSXChecker().check(source)
    #expect(found.count == 1)
    #expect(found.first?.message.contains("nesting too deep") == true)
}

@Test func deepParenthesesAndArraysAreErrors() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{a:", "}"), ("-", ""), ("a ? b : ", "")] {
        let source = "x = " + String(repeating: open, count: 20_000) + "1" + String(repeating: close, count: 20_000)
        let found = JSXChecker().check(source)
        #expect(found.first?.message.contains("nesting too deep") == true, "\(open): \(found)")
    }
}

/// 400 parentheses are 400 levels as a reader counts them; the message must not claim that
/// more than 1000 were found (it said "more than 1000 levels" at about 333).
@Test func theNestingMessageDoesNotMiscountLevels() {
    let source = "x = " + String(repeating: "(", count: 400) + "1" + String(repeating: ")", count: 400) + ";"
    let found = JSXChecker().check(source)
    let message = found.first?.message ?? ""
    #expect(message.contains("nesting too deep"), "\(found)")
    #expect(!message.contains("levels"), "\(message)")
    #expect(message.contains("nested expressions, statements and elements"))
}

@Test func longFlatChainsStillParse() {
    // 3,000 `+` terms build a deep left-leaning tree; the parser refuses it politely or accepts it.
    let source = "x = " + Array(repeating: "a", count: 500).joined(separator: " + ") + ";"
    #expect(JSXChecker().check(source) == [])
    let huge = "x = " + Array(repeating: "a", count: 50_000).joined(separator: " + ") + ";"
    let found = JSXChecker().check(huge)
    #expect(found.count == 1 && found[0].message.contains("nesting too deep"))
}

@Test func fiveMegabyteFileGetsAVerdict() throws {
    let component = try String(contentsOf: Repository.root.appendingPathComponent("Tests/JSXTests/Corpus/DataTable.jsx"), encoding: .utf8)
        .replacingOccurrences(of: "export default DataTable;", with: "")
        .replacingOccurrences(of: "export function DataTable", with: "function DataTable")
        .replacingOccurrences(of: "import { useMemo, useState } from \"react\";", with: "")
    var source = "import { useMemo, useState } from \"react\";\n"
    var i = 0
    while source.utf8.count < 5_000_000 {
        source += component.replacingOccurrences(of: "DataTable", with: "DataTable\(i)").replacingOccurrences(of: "const columns", with: "const columns\(i)")
            .replacingOccurrences(of: "columns.map", with: "columns\(i).map")
        i += 1
    }
    let started = Date()
    let found = JSXChecker().check(source)
    #expect(found == [])
    #expect(Date().timeIntervalSince(started) < 120)
}

@Test func binaryBytesAreASyntaxError() {
    var random = SeededRandom(seed: 42)
    for _ in 0..<50 {
        let bytes = (0..<random.int(1..<4000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let found = JSXChecker().check(String(decoding: bytes, as: UTF8.self))
        #expect(found.count == 1 && found[0].rule == nil)
    }
}

@Test func unterminatedConstructsAreErrorsWithPositions() {
    let cases: [(String, String)] = [
        ("const s = \"abc", "1:11: unterminated string constant"),
        ("const t = `abc ${x", "1:19: expected '}' to close the template expression"),
        ("/* never closed", "1:1: unterminated comment"),
        ("const r = /abc", "1:11: unterminated regular expression"),
        ("const j = <div>\n  <p>hi</p>\n", "3:1: unterminated JSX contents"),
        ("const j = <div>\n  <p>hi</span>\n</div>;", "2:10: expected corresponding JSX closing tag for <p>"),
    ]
    for (source, expected) in cases {
        #expect(JSXChecker().check(source).map(\.description) == [expected])
    }
}
