import Testing
@testable import Output

@Test(arguments: [
    ("pay button", "PayButton"),
    ("PayButton", "PayButton"),
    ("payButton", "PayButton"),
    ("API key input", "APIKeyInput"),
    ("../../etc/passwd", "EtcPasswd"),
    ("<script>alert(1)</script>", "ScriptAlert1Script"),
    ("🚀 launch 🚀 button", "LaunchButton"),
    ("🚀🔥", "Component"),
    ("", "Component"),
    ("..", "Component"),
    ("a/b\u{0}c", "ABC"),
    ("class", "ClassComponent"),
    ("default", "DefaultComponent"),
    ("Object", "ObjectComponent"),
    ("index", "IndexComponent"),
    ("3d card", "DCard"),
    ("123", "Component"),
    ("Café menu", "CafeMenu"),
])
func sanitisesNames(raw: String, expected: String) {
    #expect(ComponentName.sanitise(raw) == expected)
}

@Test func everySanitisedNameIsASafeIdentifier() {
    let hostile = ["../../etc/passwd", "<script>", "🚀", "class", String(repeating: "x", count: 500),
                   "\u{0}", "/", "..", "con", "a b c", "$dollar", "under_score", "日本語のボタン", "9lives"]
    for raw in hostile {
        let name = ComponentName.sanitise(raw)
        #expect(!name.isEmpty)
        #expect(name.count <= ComponentName.maxLength)
        #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(raw) -> \(name)")
        #expect(name.first?.isUppercase == true, "\(raw) -> \(name)")
        #expect(!ComponentName.reserved.contains(name.lowercased()))
    }
}

@Test func longNamesAreCutToTheLimit() {
    let name = ComponentName.sanitise(String(repeating: "ab ", count: 500))
    #expect(name.count == ComponentName.maxLength)
    #expect(name.hasPrefix("AbAbAb"))
}

@Test func uniqueAddsTheSmallestFreeSuffixWithinTheLimit() {
    #expect(ComponentName.unique("PayButton") { _ in false } == "PayButton")
    #expect(ComponentName.unique("PayButton") { ["PayButton", "PayButton2"].contains($0) } == "PayButton3")
    let long = String(repeating: "A", count: ComponentName.maxLength)
    let unique = ComponentName.unique(long) { $0 == long }
    #expect(unique.count == ComponentName.maxLength)
    #expect(unique.hasSuffix("2"))
}
