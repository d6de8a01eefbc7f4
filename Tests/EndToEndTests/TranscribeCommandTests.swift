import Foundation
import TestSupport
import Testing

/// `mockpilot transcribe` as a user runs it, on the spoken dev set in ../shared/eval/audio.
@Suite(.serialized) struct TranscribeCommandTests {
    static let audio = Repository.shared.appendingPathComponent("eval/audio").path
    static let prompt = "Stripe, Airbnb, Linear, Notion, navbar, pill button, mock up, spin up, prototype, hero, CTA, Tailwind."

    func lines(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func aSpokenLineBecomesItsWords() throws {
        let result = try Binary.run(["transcribe", "--format", "text", Self.audio + "/lines/dev-012.wav"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.lowercased().contains("dark mode"), "\(result.stdout)")
    }

    /// With a prompt over whole 30 s windows, tiny.en keeps one sentence a window and skips the
    /// rest; `--vad` decodes each utterance on its own and keeps every one, in order.
    @Test func vadKeepsEverySentenceOfAPromptedMeeting() throws {
        let meeting = Self.audio + "/meetings/meeting_01.wav"
        let windows = lines(try Binary.run(["transcribe", "--prompt", Self.prompt, meeting]).stdout)
        let result = try Binary.run(["transcribe", "--vad", "--prompt", Self.prompt, meeting])
        #expect(result.status == 0, "\(result.stderr)")
        let utterances = lines(result.stdout)
        let labelled = try String(contentsOfFile: Self.audio + "/meetings/meeting_01.json", encoding: .utf8)
        #expect(utterances.count > windows.count, "\(utterances.count) utterances vs \(windows.count) windows")
        #expect(utterances.count >= 12, "\(result.stdout)")
        let starts = utterances.compactMap { $0["ts_start"] as? Double }
        let ends = utterances.compactMap { $0["ts_end"] as? Double }
        #expect(starts == starts.sorted() && zip(starts, ends).allSatisfy { $0 < $1 })
        let text = utterances.compactMap { $0["text"] as? String }.joined(separator: " ").lowercased()
        for phrase in ["pricing section", "login screen", "dark mode"] {
            #expect(text.contains(phrase), "\(phrase) missing from \(text)")
            #expect(labelled.lowercased().contains(phrase))
        }
    }

    /// Ten seconds of digital silence and of faint pink noise (-40 dBFS): no line at all, with or
    /// without a prompt and in both modes. Whisper on its own writes "Stripe" for the noise when
    /// prompted with it, and "$2.00 a day." for the silence when given a longer prompt.
    @Test func silenceAndFaintNoiseGiveNoText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-quiet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let silence = dir.appendingPathComponent("silence.wav").path, noise = dir.appendingPathComponent("pink.wav").path
        for (path, synth) in [(silence, ["trim", "0", "10"]), (noise, ["synth", "10", "pinknoise", "vol", "0.01"])] {
            let sox = Process()
            sox.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            sox.arguments = ["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", path] + synth
            try sox.run()
            sox.waitUntilExit()
            #expect(sox.terminationStatus == 0)
        }
        for file in [silence, noise] {
            for options in [[], ["--prompt", "Stripe"], ["--prompt", Self.prompt], ["--design-prompt"],
                            ["--vad", "--design-prompt"], ["--format", "text", "--no-fallback"]] {
                let result = try Binary.run(["transcribe"] + options + [file])
                #expect(result.status == 0, "\(options): \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(URL(fileURLWithPath: file).lastPathComponent) \(options) invented: \(result.stdout)")
            }
        }
    }

    /// tiny.en cannot do German: the user is told so, instead of getting English guesses.
    @Test func aLanguageTheModelCannotDoIsRefused() throws {
        let result = try Binary.run(["transcribe", "--language", "de", Self.audio + "/lines/dev-012.wav"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("whisper-tiny.en is English-only and cannot transcribe 'de'"), "\(result.stderr)")
    }

    @Test func badInputIsAOneLineErrorAndAFailingExit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-tr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let corrupt = dir.appendingPathComponent("broken.wav").path
        try Data("RIFF\u{10}\0\0\0WAVEjunk".utf8).write(to: URL(fileURLWithPath: corrupt))
        for arguments in [["transcribe", dir.path + "/missing.wav"], ["transcribe", corrupt],
                          ["transcribe", "--window", "0", Self.audio + "/lines/dev-012.wav"],
                          ["transcribe", "--model", dir.path, Self.audio + "/lines/dev-012.wav"],
                          ["transcribe", "--language", "de", Self.audio + "/lines/dev-012.wav"]] {
            let result = try Binary.run(arguments)
            let shown = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(result.status != 0, "\(arguments)")
            #expect(!shown.isEmpty && !shown.contains("Backtrace") && !shown.contains("Fatal error"), "\(arguments): \(shown)")
            // One error line (a usage mistake adds ArgumentParser's usage hint below it).
            #expect(shown.hasPrefix("Error: "), "\(arguments): \(shown)")
            #expect(shown.split(separator: "\n").filter { $0.hasPrefix("Error") }.count == 1, "\(arguments): \(shown)")
        }
    }
}

/// On a CPU that Debian's OpenBLAS does not recognise it falls back to its SSE3 kernels;
/// `mockpilot` then picks the AVX ones the CPU has (OPENBLAS_VERBOSE=2 makes the library
/// say which it loaded, once at start and once after the swap).
@Suite struct BLASKernelTests {
    @Test func transcriptionRunsOnKernelsTheCPUHas() throws {
        let result = try Binary.run(["transcribe", "--format", "text", TranscribeCommandTests.audio + "/lines/dev-012.wav"],
                                    environment: ["OPENBLAS_VERBOSE": "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let cores = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Core: ") }.map { String($0.dropFirst(6)) }
        let last = try #require(cores.last, "OpenBLAS printed no core: \(result.stderr)")
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        if flags.contains(" avx2 ") && flags.contains(" fma ") {
            #expect(!["Prescott", "Core2", "Nehalem"].contains(last), "running \(last) kernels on an AVX2 CPU")
        }
        #expect(result.stdout.lowercased().contains("dark mode"), "\(result.stdout)")
    }

    @Test func theUsersChoiceWins() throws {
        let result = try Binary.run(["transcribe", "--format", "text", TranscribeCommandTests.audio + "/lines/dev-012.wav"],
                                    environment: ["OPENBLAS_VERBOSE": "2", "OPENBLAS_CORETYPE": "Prescott"])
        #expect(result.status == 0, "\(result.stderr)")
        let cores = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Core: ") }
        #expect(cores == ["Core: Prescott"], "\(result.stderr)")
    }
}
