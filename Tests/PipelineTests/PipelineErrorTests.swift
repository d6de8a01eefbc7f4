import Testing
@testable import Pipeline

@Test func pipelineErrorShowsItsReason() {
    #expect(PipelineError.invalid("bad input").errorDescription == "bad input")
}
