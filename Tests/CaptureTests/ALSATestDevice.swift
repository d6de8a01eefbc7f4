import Foundation

/// Real ALSA capture PCMs backed by a raw file (ALSA's `file` plugin over the `null` PCM), so
/// capture is tested through libasound without a sound card: one that takes any format (read as
/// 16 kHz mono), one fixed at 48 kHz stereo as real hardware is. The configuration is written once
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

            # Like a USB microphone's hw: device: 48 kHz stereo S16_LE and nothing else, once
            # ALSA's automatic conversions are off (as MockPilot opens devices).
            pcm.mockpilotfile48k {
                @args [ FILE ]
                @args.FILE { type string default "/dev/zero" }
                type plug
                slave {
                    pcm {
                        type file
                        slave.pcm "null"
                        file "/dev/null"
                        infile $FILE
                        format "raw"
                    }
                    rate 48000
                    channels 2
                    format S16_LE
                }
            }

            """
        guard (try? text.write(to: conf, atomically: true, encoding: .utf8)) != nil else { return false }
        // The system file must come first: ALSA_CONFIG_PATH replaces the whole configuration.
        setenv("ALSA_CONFIG_PATH", "/usr/share/alsa/alsa.conf:\(conf.path)", 1)
        return true
    }()

    static func name(for rawFile: String) -> String { "mockpilotfile:FILE=\(rawFile)" }

    /// The 48 kHz stereo device reading interleaved s16le frames from `rawFile`.
    static func stereo48k(for rawFile: String) -> String { "mockpilotfile48k:FILE=\(rawFile)" }
}
