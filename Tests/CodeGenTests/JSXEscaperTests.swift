import Testing
@testable import CodeGen

@Suite struct JSXEscaperTests {
    @Test func textEscapesEverythingJSXWouldParse() {
        #expect(JSXEscaper.text("</div><script>alert(1)</script>") == "&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(JSXEscaper.text("{process.exit()}") == "&#123;process.exit()&#125;")
        #expect(JSXEscaper.text("Tom & Jerry's \"show\"") == "Tom &amp; Jerry's \"show\"")
    }

    @Test func attributeEscapesQuotesButKeepsApostrophes() {
        #expect(JSXEscaper.attribute("\"><img onerror=x>") == "&quot;&gt;&lt;img onerror=x&gt;")
        #expect(JSXEscaper.attribute("it's {x} & y") == "it's &#123;x&#125; &amp; y")
    }

    @Test func jsStringEscapesQuotesBackslashesAndAngles() {
        #expect(JSXEscaper.jsString("a\"b\\c</script>") == "\"a\\\"b\\\\c\\u003C/script\\u003E\"")
        #expect(JSXEscaper.jsString("$29") == "\"$29\"")
        // A lone space is the whole point of {" "}: it must survive.
        #expect(JSXEscaper.jsString(" ") == "\" \"")
        #expect(JSXEscaper.jsString("a\nb\u{202E}") == "\"a b\"")
    }

    @Test func templateTextCannotOpenAnExpression() {
        #expect(JSXEscaper.templateText("a ${b} `c` \\d") == "a \\${b} \\`c\\` \\\\d")
    }

    @Test func cleanKeepsOneVisibleLine() {
        #expect(JSXEscaper.clean("  pay\n\tnow  ") == "pay now")
        // Bidi overrides, zero-width and control characters would make code look unlike itself.
        #expect(JSXEscaper.clean("ab\u{202E}cd\u{200B}e\u{0007}f") == "abcdef")
        #expect(JSXEscaper.clean("café ✓ 日本") == "café ✓ 日本")
        #expect(JSXEscaper.clean("\n \u{2028} ").isEmpty)
    }
}
