import Testing
@testable import CodeGen

@Test func codeGenErrorShowsItsReason() {
    #expect(CodeGenError.invalid("bad input").errorDescription == "bad input")
}
