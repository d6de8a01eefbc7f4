import Dispatch

/// The monotonic clock capture stamps its chunks with (seconds since boot): one time line for
/// every input of a meeting, whatever moment each one started or how far behind its reader runs.
public enum CaptureClock {
    /// Now, in seconds.
    public static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// When the first of `count` samples was captured, for samples whose last one was read at
    /// `now` with `buffered` more samples (or seconds of `latency`) captured after it but not
    /// read yet: the time the sound reached the device, not the time a busy reader got to it.
    static func start(of count: Int, readAt now: Double, buffered: Int, latency: Double = 0) -> Double {
        let rate = Double(AudioFile.sampleRate)
        return now - latency - Double(buffered + count) / rate
    }
}
