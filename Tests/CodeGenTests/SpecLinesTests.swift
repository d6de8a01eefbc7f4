import Core
import Testing
@testable import CodeGen

@Suite struct SpecLinesTests {
    @Test func decodesAMinimalSpec() throws {
        let s = try SpecLines.decode(#"{"spec_id":"c1.v1","component":"toggle","styles":["dark"]}"#, file: "in.jsonl", line: 1)
        #expect(s.component == .toggle)
        #expect(s.styles == ["dark"])
    }

    @Test func errorsNameFileLineAndProblem() {
        func message(_ line: String) -> String {
            do {
                _ = try SpecLines.decode(line, file: "specs.jsonl", line: 7)
                return "no error"
            } catch {
                return (error as? CodeGenError)?.errorDescription ?? "\(error)"
            }
        }
        #expect(message(#"{"spec_id":"a","component":"slider"}"#).hasPrefix("specs.jsonl:7: unknown component kind 'slider' (known: button, input"))
        #expect(message("{not json") == "specs.jsonl:7: not valid JSON")
        #expect(message("[1,2]") == "specs.jsonl:7: expected a JSON object (a DesignSpec)")
        #expect(message(#"{"spec_id":"a"}"#) == "specs.jsonl:7: missing \"component\"")
        #expect(message(#"{"component":"card"}"#) == "specs.jsonl:7: missing \"spec_id\"")
        #expect(message(#"{"spec_id":"a","component":"card","styles":"dark"}"#) == "specs.jsonl:7: \"styles\" has the wrong type")
        #expect(message(#"{"spec_id":"a","component":7}"#) == "specs.jsonl:7: \"component\" must be a string")
    }
}
