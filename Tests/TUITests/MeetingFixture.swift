import Core
@testable import TUI

/// A small meeting as events, with what a user would see from it.
enum MeetingFixture {
    static let status = PipelineStatus(source: "standup.vtt", model: "whisper-tiny.en", live: true, queueDepth: 0,
                                       sessionID: "s-42", outputFolder: "/tmp/out")

    static func utterance(_ id: String, _ speaker: String, _ start: Double, _ text: String, final: Bool = true) -> PipelineEvent {
        .transcript(Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: start, tsEnd: start + 3, speaker: speaker),
                              isFinal: final))
    }

    static func written(_ id: String, name: String, kind: ComponentKind, version: Int, jsx: String,
                        latency: Double = 1.24) -> ComponentWritten {
        ComponentWritten(event: ComponentEvt(specID: "\(id).v\(version)", jsx: jsx, ts: 0), componentID: id, name: name,
                         kind: kind, version: version, path: "/tmp/out/components/\(name).v\(version).jsx", latency: latency)
    }

    static let buttonV1 = """
    export default function PayButton() {
      return <button className="rounded-full px-6">Pay</button>;
    }
    """
    static let buttonV2 = """
    export default function PayButton() {
      return <button className="rounded-full px-8 py-4">Pay now</button>;
    }
    """

    static var events: [PipelineEvent] {
        [
            .status(status),
            utterance("u1", "Maya", 2, "Let's look at checkout."),
            utterance("u2", "Lena", 12, "Let's build a pill pay button like Stripe's.", final: false),
            utterance("u2", "Lena", 12, "Let's build a pill-shaped pay button like Stripe's."),
            .intent(IntentMsg(utteranceID: "u2", component: .button, styles: ["pill"], brandRefs: ["Stripe"],
                              confidence: 0.93, cue: true), triggered: true),
            .spec(DesignSpec(specID: "c1.v1", component: .button, version: 1, utteranceIDs: ["u2"])),
            .component(written("c1", name: "PayButton", kind: .button, version: 1, jsx: buttonV1)),
            utterance("u3", "Dev", 20, "Make it bigger."),
            .intent(IntentMsg(utteranceID: "u3", component: nil, confidence: 0.8, refine: true, refersTo: .button),
                    triggered: true),
            .spec(DesignSpec(specID: "c1.v2", component: .button, version: 2, utteranceIDs: ["u3"])),
            .component(written("c1", name: "PayButton", kind: .button, version: 2, jsx: buttonV2, latency: 0.5)),
            utterance("u4", "Maya", 30, "And a calm pricing table", final: false),
        ]
    }

    static func screen(width: Int, height: Int, events: [PipelineEvent] = events) -> Screen {
        var screen = Screen(catalog: ThemeCatalog(themes: [Theme.builtIn]), exportFolder: "/tmp/export",
                            size: Size(width: width, height: height))
        for event in events { screen.apply(event) }
        return screen
    }
}
