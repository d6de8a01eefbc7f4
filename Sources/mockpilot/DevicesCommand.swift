import ArgumentParser
import Capture
import Foundation

/// `mockpilot devices`: the capture devices to pass as `--input alsa:NAME`.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List capture devices: ALSA (alsa:NAME) and PulseAudio or PipeWire sources and monitors (pulse:NAME, monitor).")

    func run() throws {
        let devices = try ALSADevices.list()
        let cards = ALSADevices.cards()
        if cards.isEmpty {
            print("No sound cards found: connect a microphone, or transcribe a file (WAV, Ogg Opus) instead.")
        }
        var rows = devices.map { (name: "alsa:" + $0.name, description: $0.description) }
        if devices.isEmpty { print("No ALSA capture devices found.") }
        // Call audio comes from a sound server's monitor; no server is a line, not a failure.
        do {
            for source in try PulseDevices.list() {
                let kind = source.isMonitor ? "monitor of an output: the call" : "input"
                let flag = source.isDefault ? (source.isMonitor ? ", default (--input monitor)" : ", default") : ""
                rows.append(("pulse:" + source.name, "\(source.description) [\(kind)\(flag)]"))
            }
        } catch {
            print("No PulseAudio or PipeWire sources: \(error.localizedDescription)")
        }
        let width = min(48, rows.map(\.name.count).max() ?? 0)
        for row in rows {
            let padded = row.name.padding(toLength: max(width, row.name.count), withPad: " ", startingAt: 0)
            print("\(padded)  \(row.description)")
        }
    }
}
