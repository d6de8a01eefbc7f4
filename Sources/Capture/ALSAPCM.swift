import CALSA
import Foundation

/// Opening and configuring a PCM for 16 kHz mono S16_LE capture.
enum ALSAPCM {
    /// 20 ms periods: short enough that a stop request is noticed quickly.
    static let periodFrames = 320

    static func open(_ device: String) throws -> OpaquePointer {
        mockpilot_alsa_silence_errors()
        var handle: OpaquePointer?
        let rc = snd_pcm_open(&handle, device, SND_PCM_STREAM_CAPTURE, 0)
        guard rc >= 0, let handle else {
            throw CaptureError.deviceUnavailable(device: device, reason: reason(rc))
        }
        // soft_resample=1: let the plug layer convert when the card cannot do 16 kHz mono itself.
        let set = snd_pcm_set_params(handle, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1, 16000, 1, 200_000)
        guard set >= 0 else {
            snd_pcm_close(handle)
            throw CaptureError.deviceUnavailable(
                device: device, reason: "cannot capture 16 kHz mono 16-bit (\(message(set))); try plughw: instead of hw:")
        }
        return handle
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
