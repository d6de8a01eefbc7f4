import Core
import Testing
@testable import Intent

/// The kinds as MiniLM embeddings of their descriptions (`Resources/intent-kinds.json`).
struct KindPrototypesTests {
    @Test func everyKindIsDescribed() {
        #expect(Set(KindPrototypes.descriptions.keys) == Set(ComponentKind.allCases))
    }

    @Test(arguments: [
        ("a bar showing how much of the upload is done", ComponentKind.progress),
        ("a little round picture of the person who is signed in", .avatar),
        ("an on and off control for dark mode in the settings", .toggle),
        ("the section at the very bottom with the company address", .footer),
    ])
    func aDescriptionInOtherWordsIsNearestItsKind(text: String, kind: ComponentKind) throws {
        let embedder = try MiniLMSentences.installed.get()
        let prototypes = KindPrototypes(embedder: embedder)
        #expect(prototypes.nearest(to: embedder.embed(text))?.kind == kind)
    }
}
