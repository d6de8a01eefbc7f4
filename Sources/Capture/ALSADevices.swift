import CALSA
import Foundation

/// The capture devices ALSA knows about, for `mockpilot devices`.
public enum ALSADevices {
    /// PCM names usable with `alsa:NAME` and their descriptions (lines joined), capture
    /// capable ones only. `null` is left out: it records silence and is never what you want.
    public static func list() throws -> [(name: String, description: String)] {
        mockpilot_alsa_silence_errors()
        var hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        let rc = snd_device_name_hint(-1, "pcm", &hints)
        guard rc >= 0, let hints else {
            throw CaptureError.deviceUnavailable(device: "(list)", reason: ALSAPCM.message(rc))
        }
        defer { snd_device_name_free_hint(hints) }
        var devices: [(name: String, description: String)] = []
        var cursor = hints
        while let hint = cursor.pointee {
            defer { cursor += 1 }
            let name = take(snd_device_name_get_hint(hint, "NAME"))
            let description = take(snd_device_name_get_hint(hint, "DESC"))
            let direction = take(snd_device_name_get_hint(hint, "IOID"))   // nil means both ways
            guard let name, name != "null", direction == nil || direction == "Input" else { continue }
            let oneLine = description?.split(separator: "\n").map(String.init).joined(separator: ", ") ?? ""
            devices.append((name, oneLine))
        }
        return devices
    }

    /// Sound cards the kernel exposes (`snd_card_next`): index and name. Empty means no hardware,
    /// which `mockpilot devices` says in so many words.
    public static func cards() -> [(index: Int, name: String)] {
        var cards: [(Int, String)] = []
        var index: Int32 = -1
        while snd_card_next(&index) >= 0, index >= 0 {
            var name: UnsafeMutablePointer<CChar>?
            if snd_card_get_longname(index, &name) >= 0, let name {
                cards.append((Int(index), String(cString: name)))
                free(name)
            } else {
                cards.append((Int(index), "card \(index)"))
            }
        }
        return cards
    }

    /// ALSA hands out malloc'd strings; copy and free them.
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
