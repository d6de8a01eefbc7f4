import CALSA
import Foundation

/// Opening a capture PCM in a format the device itself offers. Sound cards rarely do 16 kHz
/// mono (`hw:` devices usually want 44.1 or 48 kHz, often stereo), so MockPilot asks for the
/// nearest the device supports, with ALSA's own converters switched off, and downmixes and
/// resamples with `Resampler`, whose low-pass filter ALSA's linear converter lacks.
enum ALSAPCM {
    /// The sample layouts MockPilot reads, in order of preference.
    enum SampleFormat: CaseIterable {
        case s16, s32, float32

        var alsa: snd_pcm_format_t {
            switch self {
            case .s16: SND_PCM_FORMAT_S16_LE
            case .s32: SND_PCM_FORMAT_S32_LE
            case .float32: SND_PCM_FORMAT_FLOAT_LE
            }
        }

        var bytes: Int { self == .s16 ? 2 : 4 }
        var name: String { self == .s16 ? "S16_LE" : self == .s32 ? "S32_LE" : "FLOAT_LE" }
    }

    /// What the device agreed to.
    struct Config: Equatable {
        var rate: Int
        var channels: Int
        var format: SampleFormat
        /// Frames per read: about 20 ms, short enough that a stop request is noticed quickly.
        var periodFrames: Int

        var frameBytes: Int { channels * format.bytes }
    }

    static func open(_ device: String) throws -> (handle: OpaquePointer, config: Config) {
        mockpilot_alsa_silence_errors()
        var opened: OpaquePointer?
        // No automatic conversion: a `plug` layer would otherwise accept 16 kHz mono and resample
        // it linearly, with the aliasing that comes with that.
        let mode = SND_PCM_NO_AUTO_RESAMPLE | SND_PCM_NO_AUTO_CHANNELS | SND_PCM_NO_AUTO_FORMAT
        let rc = snd_pcm_open(&opened, device, SND_PCM_STREAM_CAPTURE, mode)
        guard rc >= 0, let handle = opened else {
            throw CaptureError.deviceUnavailable(device: device, reason: reason(rc))
        }
        do {
            return (handle, try configure(handle, device: device))
        } catch {
            snd_pcm_close(handle)
            throw error
        }
    }

    private static func configure(_ handle: OpaquePointer, device: String) throws -> Config {
        var allocated: OpaquePointer?
        guard snd_pcm_hw_params_malloc(&allocated) >= 0, let hw = allocated else {
            throw CaptureError.deviceUnavailable(device: device, reason: "out of memory")
        }
        defer { snd_pcm_hw_params_free(hw) }
        func check(_ rc: Int32, _ what: String) throws {
            guard rc >= 0 else {
                throw CaptureError.deviceUnavailable(device: device, reason: "cannot set \(what) (\(message(rc)))")
            }
        }
        try check(snd_pcm_hw_params_any(handle, hw), "up capture")
        try check(snd_pcm_hw_params_set_access(handle, hw, SND_PCM_ACCESS_RW_INTERLEAVED), "interleaved access")
        guard let format = SampleFormat.allCases.first(where: { snd_pcm_hw_params_test_format(handle, hw, $0.alsa) == 0 }) else {
            let names = SampleFormat.allCases.map(\.name).joined(separator: ", ")
            throw CaptureError.deviceUnavailable(device: device, reason: "offers none of the sample formats MockPilot reads (\(names))")
        }
        try check(snd_pcm_hw_params_set_format(handle, hw, format.alsa), "format \(format.name)")
        // Mono when the device has it; otherwise its fewest channels, averaged later.
        var fewest: UInt32 = 0, most: UInt32 = 0
        try check(snd_pcm_hw_params_get_channels_min(hw, &fewest), "channels")
        try check(snd_pcm_hw_params_get_channels_max(hw, &most), "channels")
        let channels: UInt32 = (fewest...max(fewest, most)).contains(1) ? 1 : fewest
        try check(snd_pcm_hw_params_set_channels(handle, hw, channels), "\(channels) channels")
        var rate: UInt32 = UInt32(AudioFile.sampleRate)
        try check(snd_pcm_hw_params_set_rate_near(handle, hw, &rate, nil), "a sample rate near 16 kHz")
        var period = snd_pcm_uframes_t(max(1, rate / 50))
        try check(snd_pcm_hw_params_set_period_size_near(handle, hw, &period, nil), "a 20 ms period")
        // Ten periods (200 ms) of slack before the card overruns.
        var buffer = period * 10
        try check(snd_pcm_hw_params_set_buffer_size_near(handle, hw, &buffer), "a 200 ms buffer")
        try check(snd_pcm_hw_params(handle, hw), "\(rate) Hz, \(channels) channels, \(format.name)")
        var actualPeriod: snd_pcm_uframes_t = 0
        if snd_pcm_hw_params_get_period_size(hw, &actualPeriod, nil) < 0 || actualPeriod == 0 { actualPeriod = period }
        return Config(rate: Int(rate), channels: Int(channels), format: format, periodFrames: Int(actualPeriod))
    }

    /// Interleaved frames of `config`'s layout to mono float in [-1, 1], channels averaged.
    static func downmix(_ bytes: UnsafeRawBufferPointer, frames: Int, config: Config) -> [Float] {
        let channels = config.channels, scale = 1 / Float(channels)
        return [Float](unsafeUninitializedCapacity: frames) { out, initialized in
            for f in 0..<frames {
                var sum: Float = 0
                for c in 0..<channels {
                    let i = f * channels + c
                    switch config.format {
                    case .s16:
                        sum += Float(Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))) / 32768
                    case .s32:
                        sum += Float(Double(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))) / 2_147_483_648)
                    case .float32:
                        let v = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                        sum += v.isFinite ? max(-1, min(1, v)) : 0
                    }
                }
                out[f] = sum * scale
            }
            initialized = frames
        }
    }

    static func reason(_ rc: Int32) -> String {
        switch -rc {
        case ENOENT, ENODEV, ENXIO:
            "no such capture device (is a microphone connected? `mockpilot devices` lists them)"
        case EBUSY:
            "device is busy (another program is recording from it)"
        case EACCES, EPERM:
            "permission denied (is the user in the audio group?)"
        default:
            message(rc)
        }
    }

    static func message(_ rc: Int32) -> String {
        guard let text = snd_strerror(rc) else { return "error \(rc)" }
        return String(cString: text)
    }
}
