/// Where a session's windows read their log-mel frames: the whole recording's spectrogram in
/// memory, or one computed as the recording is read (`StreamedMelFrames`).
protocol MelFrames {
    /// Frames in the recording.
    var count: Int { get }
    /// Copies frames `range` (`[range.count, n_mels]`) into `out`. Windows only move forward:
    /// frames before `range.lowerBound` are never asked for again.
    mutating func copy(_ range: Range<Int>, into out: UnsafeMutablePointer<Float>) throws
}

/// The whole spectrogram of samples already in memory.
struct WholeMelFrames: MelFrames {
    let values: [Float]   // [count, n_mels]
    let count: Int
    let nMels: Int

    func copy(_ range: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        values.withUnsafeBufferPointer { v in
            guard let base = v.baseAddress else { return }
            out.update(from: base + range.lowerBound * nMels, count: range.count * nMels)
        }
    }
}

/// Frames computed from blocks of samples as the windows reach them, keeping at most one window
/// and one block: memory stays flat whatever the length of the recording.
struct StreamedMelFrames: MelFrames {
    let count: Int
    let nMels: Int
    let maxLog: Float
    private var stream: LogMelStream
    private let read: () throws -> [Float]?
    private var ended = false
    /// Normalised frames `[first, first + values.count / n_mels)`, `[*, n_mels]`.
    private var values: [Float] = []
    private var first = 0

    init(survey: LogMelStream.Survey, nMels: Int, read: @escaping () throws -> [Float]?) {
        count = survey.frames
        maxLog = survey.maxLog
        self.nMels = nMels
        stream = LogMelStream(nMels: nMels)
        self.read = read
    }

    mutating func copy(_ range: Range<Int>, into out: UnsafeMutablePointer<Float>) throws {
        dropFrames(before: range.lowerBound)
        while first + values.count / nMels < range.upperBound, !ended {
            var more: [Float]
            if let block = try read() {
                more = stream.append(block)
            } else {
                ended = true
                more = stream.finish().values
            }
            LogMel.normalise(&more, maxLog: maxLog)
            values += more
            dropFrames(before: range.lowerBound)
        }
        // A recording shorter the second time than the first (changed meanwhile) reads as
        // silence rather than past the end of the buffer.
        let have = max(0, min(range.count, first + values.count / nMels - range.lowerBound))
        values.withUnsafeBufferPointer { v in
            guard let base = v.baseAddress, have > 0 else { return }
            out.update(from: base + (range.lowerBound - first) * nMels, count: have * nMels)
        }
        (out + have * nMels).update(repeating: (maxLog - 8 + 4) / 4, count: (range.count - have) * nMels)
    }

    private mutating func dropFrames(before frame: Int) {
        let drop = min(values.count / nMels, frame - first)
        guard drop > 0 else { return }
        values.removeFirst(drop * nMels)
        first += drop
    }
}
