import Core
import Foundation

/// A short product meeting as pipeline events: talk with partials, intents, components, a warning.
enum DemoScript {
    struct Step: Sendable {
        var delay: Double
        var event: PipelineEvent
    }

    static let output = FileManager.default.currentDirectoryPath + "/mockpilot-out"

    static let status = PipelineStatus(source: "demo meeting (scripted)", model: "whisper-tiny.en", live: true,
                                       queueDepth: 0, sessionID: "demo-7f3a", outputFolder: output)

    static func meeting(insights: Bool) -> [Step] {
        var steps: [Step] = [Step(delay: 0.1, event: .status(status))]
        func say(_ id: String, _ speaker: String, _ start: Double, _ text: String, partial: String? = nil) {
            if let partial {
                steps.append(Step(delay: 0.3, event: .transcript(u(id, speaker, start, partial, final: false))))
            }
            steps.append(Step(delay: 0.5, event: .transcript(u(id, speaker, start, text, final: true))))
        }
        say("u1", "Maya", 2, "Okay, let's look at the checkout page for the new plan.", partial: "Okay, let's look at the")
        say("u2", "Dev", 7.5, "The pay button is too plain, nobody sees it.")
        say("u3", "Lena", 12, "Let's build a pill-shaped pay button with a purple-blue gradient like Stripe's.",
            partial: "Let's build a pill-shaped pay button")
        steps.append(Step(delay: 0.3, event: .intent(IntentMsg(utteranceID: "u3", component: .button,
                                                               styles: ["pill", "gradient"], brandRefs: ["Stripe"],
                                                               confidence: 0.93, speaker: "Lena",
                                                               colors: ["purple", "blue"], cue: true, label: "Pay"),
                                                     triggered: true)))
        steps.append(Step(delay: 0.1, event: .spec(spec("c1.v1", .button, ["u3"], version: 1))))
        steps.append(Step(delay: 0.6, event: .component(payButton(version: 1, latency: 1.24))))
        say("u4", "Maya", 20, "Nice 🚀 — and the pricing table should feel calm, three tiers, 価格 in yen too.")
        steps.append(Step(delay: 0.3, event: .intent(IntentMsg(utteranceID: "u4", component: .pricing,
                                                               styles: ["calm"], confidence: 0.71, speaker: "Maya"),
                                                     triggered: false)))
        steps.append(Step(delay: 0.4, event: .slow(queued: 3)))
        say("u5", "Dev", 26, "Make the button a bit bigger and add a hover glow.", partial: "Make the button a bit")
        steps.append(Step(delay: 0.3, event: .intent(IntentMsg(utteranceID: "u5", component: nil, styles: ["large"],
                                                               confidence: 0.88, speaker: "Dev", refine: true,
                                                               refersTo: .button), triggered: true)))
        steps.append(Step(delay: 0.1, event: .spec(spec("c1.v2", .button, ["u5"], version: 2))))
        steps.append(Step(delay: 0.5, event: .component(payButton(version: 2, latency: 0.98))))
        steps.append(Step(delay: 0.2, event: .status(PipelineStatus(source: status.source, model: status.model,
                                                                    sessionID: status.sessionID,
                                                                    outputFolder: status.outputFolder))))
        say("u6", "Lena", 33, "Let's mock up the pricing table then, three cards like Linear's.")
        steps.append(Step(delay: 0.3, event: .intent(IntentMsg(utteranceID: "u6", component: .pricing,
                                                               styles: ["cards"], brandRefs: ["Linear"], confidence: 0.9,
                                                               speaker: "Lena", cue: true), triggered: true)))
        steps.append(Step(delay: 0.1, event: .spec(spec("c2.v1", .pricing, ["u6"], version: 1))))
        steps.append(Step(delay: 0.6, event: .component(pricingTable(latency: 1.71))))
        steps.append(Step(delay: 0.3, event: .warning("transcript line 42 had no timestamp; placed after the previous line")))
        say("u7", "Maya", 41, "Great. Let's keep going with the footer next week.", partial: "Great. Let's keep")
        if insights { steps.append(Step(delay: 0.3, event: .insight(insight))) }
        return steps
    }

    static func u(_ id: String, _ speaker: String, _ start: Double, _ text: String, final: Bool) -> Utterance {
        Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: start, tsEnd: start + 4, speaker: speaker, id: id),
                  isFinal: final)
    }

    static func spec(_ id: String, _ kind: ComponentKind, _ utterances: [String], version: Int) -> DesignSpec {
        DesignSpec(specID: id, component: kind, version: version, utteranceIDs: utterances)
    }

    static func payButton(version: Int, latency: Double) -> ComponentWritten {
        let size = version >= 2 ? "px-8 py-4 text-lg" : "px-6 py-3"
        let glow = version >= 2 ? " hover:shadow-[0_0_24px_rgba(99,91,255,0.6)]" : ""
        let jsx = """
        // Generated by MockPilot from: "a pill-shaped pay button like Stripe's"
        export default function PayButton({ label = "Pay", onClick }) {
          return (
            <button
              type="button"
              onClick={onClick}
              className="rounded-full bg-gradient-to-r from-[#635bff] to-[#00d4ff] \(size) font-semibold text-white shadow-lg\(glow)"
            >
              {label}
            </button>
          );
        }
        """
        return ComponentWritten(event: ComponentEvt(specID: "c1.v\(version)", jsx: jsx, ts: 1_764_000_000),
                                componentID: "c1", name: "PayButton", kind: .button, version: version,
                                path: output + "/components/PayButton.v\(version).jsx", latency: latency,
                                triggerToFile: latency / 4)
    }

    static func pricingTable(latency: Double) -> ComponentWritten {
        let jsx = """
        /* Three calm tiers, after Linear's pricing page. */
        const tiers = [
          { name: "Free", price: 0, features: ["1 project", "Community support"] },
          { name: "Pro", price: 12, features: ["Unlimited projects", "Priority support"] },
          { name: "Team", price: 29, features: ["SSO", "Audit log", "Roles"] },
        ];

        export default function PricingTable() {
          return (
            <section className="grid grid-cols-3 gap-6 p-8 bg-[#0f1011] text-[#f7f8f8]">
              {tiers.map((tier) => (
                <article key={tier.name} className="rounded-xl border border-white/10 p-6">
                  <h3 className="text-lg font-medium">{tier.name}</h3>
                  <p className="mt-2 text-3xl">${tier.price}<span className="text-sm">/mo</span></p>
                  <ul className="mt-4 space-y-2 text-sm text-white/70">
                    {tier.features.map((f) => <li key={f}>{f}</li>)}
                  </ul>
                </article>
              ))}
            </section>
          );
        }
        """
        return ComponentWritten(event: ComponentEvt(specID: "c2.v1", jsx: jsx, ts: 1_764_000_060),
                                componentID: "c2", name: "PricingTable", kind: .pricing, version: 1,
                                path: output + "/components/PricingTable.v1.jsx", latency: latency,
                                triggerToFile: latency / 4)
    }

    static let insight = InsightSummary(
        query: "pay button", count: 128, meanSentiment: 0.31, distribution: [6, 14, 22, 41, 45],
        quotes: [
            .init(text: "Checkout finally feels fast, the big button helps.", source: "reddit r/webdev", date: "2025-03-02",
                  sentiment: 0.82),
            .init(text: "Gradient buttons look like ads to me.", source: "hn", date: "2025-02-11", sentiment: -0.64),
        ],
        tags: ["speed": 31, "trust": 18, "colour": 12, "accessibility": 9])
}
