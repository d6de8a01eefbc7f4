import Foundation

/// A real ALSA capture PCM backed by a raw file (ALSA's `file` plugin over the `null` PCM), so
/// capture is tested through libasound without a sound card. The configuration is written once
/// per test process and named in ALSA_CONFIG_PATH before the first ALSA call; libasound reads
/// its configuration once, so every ALSA test goes through `ALSATestDevice.ready`.
enum ALSATestDevice {
    static let ready: Bool = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capture-alsa-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let conf = dir.appendingPathComponent("mockpilot-test.conf")
        let text = """
            pcm.mockpilotfile {
                @args [ FILE ]
                @args.FILE { type string default "/dev/zero" }
                type file
                slave.pcm "null"
                file "/dev/null"
                infile $FILE
                format "raw"
                hint {
                    show on
                    description "MockPilot test capture from a raw file"
                }
            }

            """
        guard (try? text.write(to: conf, atomically: true, encoding: .utf8)) != nil else { return false }
        // The system file must come first: ALSA_CONFIG_PATH replaces the whole configuration.
        setenv("ALSA_CONFIG_PATH", "/usr/share/alsa/alsa.conf:\(conf.path)", 1)
        return true
    }()

    static func name(for rawFile: String) -> String { "mockpilotfile:FILE=\(rawFile)" }
}
