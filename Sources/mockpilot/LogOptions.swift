import ArgumentParser
import Foundation
import Logging
import Logs

/// `--log-level` and `--log-transcripts`, which `run` and `serve` share, and the logger they make:
/// one file, `$XDG_STATE_HOME/mockpilot/mockpilot.log` (5 MB, three older files kept), never the
/// terminal a screen owns. Keys and tokens are never logged; what was said only when asked.
struct LogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How much goes into the log, $XDG_STATE_HOME/mockpilot/mockpilot.log.", valueName: "level"))
    var logLevel: Logger.Level = .info

    @Flag(help: "Also log what was said (final transcripts); without it the log holds ids and times only.")
    var logTranscripts = false

    /// A logger into the log file; with `standardError`, warnings and worse go to stderr too. A
    /// log that cannot be opened is one warning, and the command goes on without it.
    func logger(label: String, standardError: Bool) -> Logger {
        let level = logLevel
        var file: LogFile?
        do {
            file = try LogFile(path: LogFile.defaultPath())
        } catch {
            warn(error.localizedDescription)
        }
        return Logger(label: label) { label in
            var handlers: [any LogHandler] = []
            if let file { handlers.append(FileLogHandler(label: label, file: file, level: level)) }
            if standardError {
                var terminal = StreamLogHandler.standardError(label: label)
                terminal.logLevel = .warning
                handlers.append(terminal)
            }
            return handlers.isEmpty ? SwiftLogNoOpLogHandler() : MultiplexLogHandler(handlers)
        }
    }

    /// The meeting's events as they go into the log.
    func meetingLog(_ logger: Logger) -> MeetingLog {
        MeetingLog(logger: logger, transcripts: logTranscripts)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
