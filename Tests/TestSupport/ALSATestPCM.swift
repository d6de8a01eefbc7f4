import Foundation

/// ALSA capture PCMs backed by a raw file (ALSA's `file` plugin over the `null` PCM), so capture
/// goes through libasound without a sound card: `mockpilotfile` takes any format (read as s16le
/// 16 kHz mono), `mockpilotfile48k` is fixed at 48 kHz stereo as real hardware is. The capture
/// tests name the configuration in their own process's ALSA_CONFIG_PATH, the end-to-end tests in
/// the binary's.
public enum ALSATestPCM {
    /// Writes the configuration to `path`, and returns the ALSA_CONFIG_PATH that adds it to the system's.
    public static func writeConfiguration(to path: String) throws -> String {
        try configuration.write(toFile: path, atomically: true, encoding: .utf8)
        // The system file must come first: ALSA_CONFIG_PATH replaces the whole configuration.
        return "/usr/share/alsa/alsa.conf:" + path
    }

    /// The PCM that reads `rawFile` (a file or FIFO) in whatever format it is opened with.
    public static func name(reading rawFile: String) -> String { "mockpilotfile:FILE=\(rawFile)" }

    /// The 48 kHz stereo PCM reading interleaved s16le frames from `rawFile`.
    public static func stereo48k(reading rawFile: String) -> String { "mockpilotfile48k:FILE=\(rawFile)" }

    static let configuration = """
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
}
