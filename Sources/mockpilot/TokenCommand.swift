import ArgumentParser
import Server

/// `mockpilot token`: a short-lived bearer token for `mockpilot serve`, signed with JWT_SECRET.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a short-lived bearer token for `mockpilot serve` (HS256, signed with JWT_SECRET).",
        discussion: """
        Use it as `Authorization: Bearer <token>`. The secret comes from JWT_SECRET or \
        [services] jwt_secret, and must be the one the server was started with.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Minutes the token stays valid (1 to 1440).")
    var minutes: Int = 15

    func validate() throws {
        guard (1...1440).contains(minutes) else { throw ValidationError("--minutes must be from 1 to 1440") }
    }

    func run() async throws {
        let settings = try global.settings()
        guard !settings.jwtSecret.isEmpty else {
            throw CleanExit.failure("no JWT_SECRET: set it (or [services] jwt_secret) to the secret `mockpilot serve` runs with")
        }
        do {
            let authority = try await TokenAuthority(secret: settings.jwtSecret)
            print(try await authority.token(lifetime: Double(minutes) * 60))
        } catch let error as ServerError {
            throw CleanExit.failure(error.localizedDescription)
        }
    }
}
