import ArgumentParser
import Capture
import Foundation

/// `mockpilot devices`: the capture devices to pass as `--input alsa:NAME`.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List ALSA capture devices (use one as alsa:NAME).")

    func run() throws {
        let devices = try ALSADevices.list()
        let cards = ALSADevices.cards()
        if cards.isEmpty {
            print("No sound cards found: connect a microphone, or transcribe a file (WAV, Ogg Opus) instead.")
        }
        if devices.isEmpty {
            print("No ALSA capture devices found.")
            return
        }
        let width = min(40, devices.map(\.name.count).max() ?? 0)
        for device in devices {
            let padded = device.name.padding(toLength: max(width, device.name.count), withPad: " ", startingAt: 0)
            print("alsa:\(padded)  \(device.description)")
        }
    }
}
