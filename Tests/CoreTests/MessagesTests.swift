import Foundation
import Testing
@testable import Core

@Suite struct MessagesTests {
    @Test func transcriptUsesTheContractFieldNames() throws {
        let msg = TranscriptMsg(text: "let's build a pay button", tsStart: 1.5, tsEnd: 3.25, speaker: "Ana")
        let line = try JSONLines.encode(msg)
        #expect(line == #"{"speaker":"Ana","text":"let's build a pay button","ts_end":3.25,"ts_start":1.5}"#)
        #expect(try JSONLines.decode(TranscriptMsg.self, from: line) == msg)
    }

    @Test func transcriptAcceptsNumericIdsAndMissingTimes() throws {
        let msg = try JSONLines.decode(TranscriptMsg.self, from: #"{"text":"hi","id":7}"#)
        #expect(msg.id == "7")
        #expect(msg.tsStart == 0 && msg.tsEnd == 0)
    }

    @Test func intentRoundTrips() throws {
        let intent = IntentMsg(utteranceID: "u3", component: .button, styles: ["pill", "gradient"], brandRefs: ["Stripe"],
                               confidence: 0.91, speaker: "Ben", colors: ["purple"], cue: true)
        let line = try JSONLines.encode(intent)
        for key in ["\"utterance_id\":\"u3\"", "\"component\":\"button\"", "\"brand_refs\":[\"Stripe\"]", "\"confidence\":0.91"] {
            #expect(line.contains(key), "missing \(key) in \(line)")
        }
        #expect(try JSONLines.decode(IntentMsg.self, from: line) == intent)
    }

    @Test func specAndResponsesRoundTrip() throws {
        let spec = DesignSpec(specID: "c1.v2", component: .card, themeTokens: ["primary": "#635bff"],
                              interaction: ["hover-scale"], styles: ["shadow"], version: 2, utteranceIDs: ["u1", "u4"])
        let specLine = try JSONLines.encode(spec)
        #expect(specLine.contains("\"spec_id\":\"c1.v2\"") && specLine.contains("\"theme_tokens\""))
        #expect(try JSONLines.decode(DesignSpec.self, from: specLine) == spec)

        let response = GenerateResponse(specID: "c1.v2", jsx: "export default function Card() {}", tailwind: ["p-4"],
                                        namedExports: ["Card"])
        let responseLine = try JSONLines.encode(response)
        #expect(responseLine.contains("\"named_exports\":[\"Card\"]"))
        #expect(try JSONLines.decode(GenerateResponse.self, from: responseLine) == response)

        let evt = ComponentEvt(specID: "c1.v2", jsx: "<div/>", ts: 1_700_000_000.5)
        #expect(try JSONLines.decode(ComponentEvt.self, from: try JSONLines.encode(evt)) == evt)
    }

    @Test func unknownComponentKindIsRejected() {
        #expect(throws: DecodingError.self) {
            try JSONLines.decode(DesignSpec.self, from: #"{"spec_id":"x","component":"spaceship"}"#)
        }
    }

    @Test func eventsCarryATypeField() throws {
        let u = Utterance(id: "u1", msg: TranscriptMsg(text: "hello", tsStart: 0, tsEnd: 1), isFinal: false)
        #expect(try JSONLines.encode(PipelineEvent.transcript(u)).contains("\"type\":\"partial\""))
        #expect(try JSONLines.encode(PipelineEvent.slow(queued: 5)) == #"{"queued":5,"type":"slow"}"#)
        #expect(try JSONLines.encode(PipelineEvent.speaker(label: "Speaker 1", name: "Ana"))
            == #"{"label":"Speaker 1","name":"Ana","type":"speaker"}"#)
    }

    @Test func theOriginalDesignsExampleSpecDecodes() throws {
        let line = #"{"spec_id":"spec-42","component":"button","theme_tokens":{"gradient":"purple-blue"},"interaction":"hover:scale-105"}"#
        let spec = try JSONLines.decode(DesignSpec.self, from: line)
        #expect(spec.interaction == ["hover:scale-105"])
        #expect(spec.themeTokens == ["gradient": "purple-blue"])
    }

    @Test func interactionIsAStringNullOrAList() throws {
        let none = try JSONLines.decode(DesignSpec.self, from: #"{"spec_id":"a","component":"card","interaction":null}"#)
        #expect(none.interaction.isEmpty)
        let list = try JSONLines.decode(DesignSpec.self, from: #"{"spec_id":"a","component":"card","interaction":["sticky","animated"]}"#)
        #expect(list.interaction == ["sticky", "animated"])
        #expect(throws: DecodingError.self) {
            try JSONLines.decode(DesignSpec.self, from: #"{"spec_id":"a","component":"card","interaction":5}"#)
        }
    }

    @Test func themeTokensHoldAnyJSONValues() throws {
        let line = #"{"spec_id":"a","component":"card","theme_tokens":{"radius":8,"shadow":"soft","dark":true,"# + 
            #""font":["Inter","sans-serif"],"nested":{"x":1},"gone":null,"scale":1.5}}"#
        let spec = try JSONLines.decode(DesignSpec.self, from: line)
        #expect(spec.themeTokens == ["radius": "8", "shadow": "soft", "dark": "true", "font": "Inter, sans-serif", "scale": "1.5"])
    }
}
