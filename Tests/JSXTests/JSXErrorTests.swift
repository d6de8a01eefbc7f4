import Testing
@testable import JSX

@Test func syntaxErrorNamesLineAndColumn() {
    #expect(JSXError.syntax(line: 3, column: 7, reason: "expected '}'").errorDescription == "3:7: expected '}'")
}

@Test func unreadableFileNamesThePath() {
    let text = JSXError.unreadable(path: "a.jsx", reason: "no such file").errorDescription ?? ""
    #expect(text.contains("a.jsx") && text.contains("no such file"))
}
