import Testing

@Suite struct HelpTests {
    @Test func helpNamesTheProduct() throws {
        let result = try Binary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("meeting copilot"))
    }

    @Test func anUnknownOptionIsAOneLineErrorAndNonZeroExit() throws {
        let result = try Binary.run(["--no-such-flag"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-flag"))
    }
}
