import Testing
@testable import TUI

@Suite struct TextTests {
    @Test func widthsFollowWcwidth() {
        #expect(TextWidth.width("abc") == 3)
        #expect(TextWidth.width("価格") == 4)
        #expect(TextWidth.width("🚀") == 2)
        #expect(TextWidth.width("e\u{301}") == 1, "a combining accent takes no cell")
        #expect(TextWidth.glyph("👩‍💻").width == 2, "a ZWJ sequence is drawn as its first emoji")
        #expect(TextWidth.glyph("\u{7}").text == " ", "control characters never reach the terminal")
    }

    @Test func truncationKeepsTheWidth() {
        #expect(TextWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(TextWidth.truncate("価格価格", to: 4) == "価…")
        #expect(TextWidth.truncateLeft("/a/b/c/File.jsx", to: 9) == "…File.jsx")
    }

    @Test func wrappingBreaksAtSpacesAndIndentsContinuations() {
        let lines = StyledLine.wrap([Span("00:01 ", .time), Span("one two three four", .text)], width: 12, indent: 2)
        #expect(lines.map(\.plain) == ["00:01 one", "  two three", "  four"])
        #expect(lines.allSatisfy { $0.width <= 12 })
        #expect(lines[0].spans.first == Span("00:01 ", .time))
    }

    @Test func aWordLongerThanTheLineIsCut() {
        let lines = StyledLine.wrap([Span("abcdefghij", .text)], width: 4)
        #expect(lines.map(\.plain) == ["abcd", "efgh", "ij"])
    }

    @Test func wideCharactersNeverStraddleTheEdge() {
        let lines = StyledLine.wrap([Span("ab価格", .text)], width: 3)
        #expect(lines.map(\.plain) == ["ab", "価", "格"])
    }

    @Test func codeIndentationIsKept() {
        let lines = StyledLine.wrap([Span("    return x;", .text)], width: 40, indent: 4)
        #expect(lines.map(\.plain) == ["    return x;"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("価格", x: 0, y: 0, role: .text)
        #expect(buffer.row(0) == "価格  ")
        buffer.put("x", x: 1, y: 0, role: .text)
        #expect(buffer.row(0) == " x格  ")
        buffer.put("🚀", x: 5, y: 0, role: .text)
        #expect(buffer.row(0) == " x格  ", "no room for a wide character in the last column")
    }

    @Test func theHighlighterColoursJSXByToken() {
        let lines = JSXHighlighter.highlight("""
        // note
        export default function A() {
          return <div className="p-4">{n < 3 ? 'a' : 2}</div>;
        }
        """)
        #expect(lines[0] == [Span("// note", .codeComment)])
        #expect(lines[1].first == Span("export", .codeKeyword))
        let third = lines[2]
        #expect(third.contains(Span("div", .codeTag)))
        #expect(third.contains(Span("className", .codeAttribute)))
        #expect(third.contains(Span("\"p-4\"", .codeString)))
        #expect(third.contains(Span("'a'", .codeString)))
        #expect(third.contains(Span("3", .codeNumber)))
        #expect(!third.contains(Span("3", .codeTag)), "`n < 3` is a comparison, not a tag")
        #expect(lines.map { $0.map(\.text).joined() }.joined(separator: "\n").contains("{n < 3 ? 'a' : 2}"))
    }

    @Test func blockCommentsSpanLines() {
        let lines = JSXHighlighter.highlight("/* a\nb */ const x = 1;")
        #expect(lines[1].first == Span("b */", .codeComment))
        #expect(lines[1].contains(Span("const", .codeKeyword)))
    }
}
