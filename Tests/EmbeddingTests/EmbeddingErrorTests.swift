import Testing
@testable import Embedding

@Test func errorShowsItsReason() {
    #expect(EmbeddingError.invalid("x").errorDescription == "x")
}
