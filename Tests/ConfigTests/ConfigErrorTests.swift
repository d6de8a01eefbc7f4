import Testing
@testable import Config

@Test func configErrorShowsItsReason() {
    #expect(ConfigError.invalid("bad input").errorDescription == "bad input")
}
