import Foundation
import TestSupport

/// The file-backed test PCMs (`ALSATestPCM`) in this process. The configuration is written once
/// per test process and named in ALSA_CONFIG_PATH before the first ALSA call; libasound reads its
/// configuration once, so every ALSA test goes through `ALSATestDevice.ready`.
enum ALSATestDevice {
    static let ready: Bool = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capture-alsa-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let conf = dir.appendingPathComponent("mockpilot-test.conf")
        guard let path = try? ALSATestPCM.writeConfiguration(to: conf.path) else { return false }
        setenv("ALSA_CONFIG_PATH", path, 1)
        return true
    }()
}
