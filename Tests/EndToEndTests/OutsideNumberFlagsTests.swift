import Foundation
import TestSupport
import Testing

/// Numeric flags whose value reaches arithmetic or a clock: out of range is one line and a
/// failure, never a trap (SIGILL, exit 132).
@Suite struct OutsideNumberFlagsTests {
    /// Ages are subtracted from --year: Int.min - 19 trapped.
    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "0"])
    func classifyRefusesAYearOutOfRange(year: String) throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let result = try Binary.run(["classify", "I'm 19 and this looks great", "--year=\(year)"], environment: home.environment(),
                                    timeout: 120)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr == "mockpilot: --year \(year): use a year from 1900 to 9999\n")
    }

    /// Each demo step's pause is converted to nanoseconds: 1 / 1e-300 s of it trapped.
    @Test(arguments: ["1e-300", "inf", "nan"])
    func tuiDemoRefusesASpeedOutOfRange(speed: String) throws {
        let result = try Binary.run(["tui-demo", "--speed", speed], timeout: 60)
        #expect(result.status != 0 && result.status != 132)
        #expect(result.stderr.contains("--speed must be a number of at least 0.001"), "\(result.stderr)")
    }
}
