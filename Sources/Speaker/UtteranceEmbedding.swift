/// One utterance's voice embedding worked out while it is still being spoken, equal to
/// `VoiceEncoder.embed` of the whole utterance once it ends.
///
/// `embed` averages 1.6 s partials (160 mel frames, one every 77 frames). A partial whose frames
/// read only samples already heard cannot change as the utterance goes on, so it is run through
/// the LSTM while the person still speaks (`advance`), and at the end only the last one or two,
/// whose frames reach the end's zero padding, are left (`embedding(of:)`). Two things are known
/// only at the end and are decided there, as `embed` decides them: which partials there are (the
/// last one's coverage), and the volume gain, which raises a quiet utterance to -30 dBFS. The
/// partials run ahead use gain 1; when the whole utterance turns out quieter than that, all of
/// them are embedded again from the samples with the gain, so the result is exact either way.
///
/// Memory: the utterance's samples (the quiet case needs them all; the speech stage cuts an
/// utterance at 28 s), one 256-value embedding per partial, and the mel frames of at most one
/// LSTM batch of partials. The LSTM's scratch is the `VoiceEncoder` handed in, shared.
public struct UtteranceEmbedding: Sendable {
    private typealias W = VoiceEncoderWeights
    /// Samples heard so far, those that are not finite as 0 (as `embed` reads them).
    private var samples: [Float] = []
    /// Embeddings of the first partials, each made of frames that read only samples heard.
    private var partials: [[Float]] = []
    /// Mel frames from `frameBase` on, gain 1, each with its whole window heard: `[frames, bands]`.
    private var frames: [Float] = []
    private var frameBase = 0

    public init() {}

    /// Samples heard so far.
    public var count: Int { samples.count }

    /// Partials embedded ahead so far.
    public var embeddedAhead: Int { partials.count }

    /// Whether `advance` has work: a partial whose samples are all heard and not yet embedded.
    public var canAdvance: Bool { Self.settled(partial: partials.count) <= samples.count }

    /// The utterance goes on with `more`.
    public mutating func append(_ more: some Collection<Float>) {
        samples.reserveCapacity(samples.count + more.count)
        for s in more { samples.append(s.isFinite ? s : 0) }
    }

    /// Whether the samples heard so far and `other` agree as far as both go: the same
    /// utterance, one of them heard further than the other.
    public func agrees(with other: ArraySlice<Float>) -> Bool {
        zip(samples, other).allSatisfy { $0 == ($1.isFinite ? $1 : 0) }
    }

    /// Whether the first `count` samples (all heard, by default) are quieter than -30 dBFS, so
    /// `embed` raises them and their ending embeds every partial again.
    public func isQuiet(_ count: Int? = nil) -> Bool {
        VoiceEncoder.gain(of: samples[..<min(max(0, count ?? samples.count), samples.count)]) != nil
    }

    /// Embeds the partials whose samples are all heard, one LSTM batch of them at most, so a
    /// caller that also has an ending to finish waits for little. Returns `canAdvance` after.
    @discardableResult
    public mutating func advance(encoder: inout VoiceEncoder) -> Bool {
        let first = partials.count
        var end = first
        while end - first < VoiceEncoder.batch, Self.settled(partial: end) <= samples.count { end += 1 }
        guard end > first else { return false }
        let starts = (first..<end).map(Self.start)
        let needed = starts[0]..<starts[starts.count - 1] + VoiceEncoder.partialFrames
        // Every frame these partials read has its window heard: keep them for the next partials.
        if frames.isEmpty { frameBase = needed.lowerBound }
        let stored = frameBase + frames.count / W.melBands
        if stored < needed.upperBound {
            frames += samples.withUnsafeBufferPointer { encoder.melFrames($0, stored..<needed.upperBound) }
        }
        partials += encoder.partialEmbeddings(kept(needed), firstFrame: needed.lowerBound, starts: starts)
        // Frames before the next partial's start are read by no partial still to come.
        let drop = min(frames.count / W.melBands, Self.start(partials.count) - frameBase)
        if drop > 0 {
            frames.removeFirst(drop * W.melBands)
            frameBase += drop
        }
        return canAdvance
    }

    /// The embedding of the utterance's first `count` samples (all heard, by default): what
    /// `VoiceEncoder.embed` gives for them, up to the rounding of a different LSTM batching. What
    /// was embedded ahead is kept, so the utterance may still go on and be asked for again.
    public func embedding(of count: Int? = nil, encoder: inout VoiceEncoder) -> [Float] {
        let n = min(max(0, count ?? samples.count), samples.count)
        if isQuiet(n) {
            return encoder.embed(samples[..<n])   // quieter than -30 dBFS: every partial changes
        }
        let starts = VoiceEncoder.partialStarts(samples: n)
        // Partials embedded ahead that read only the first `n` samples (a prefix of them).
        var kept = 0
        while kept < min(partials.count, starts.count), Self.settled(partial: kept) <= n { kept += 1 }
        var all = Array(partials.prefix(kept))
        var first = kept
        while first < starts.count {
            let group = Array(starts[first..<min(first + VoiceEncoder.batch, starts.count)])
            let needed = group[0]..<group[group.count - 1] + VoiceEncoder.partialFrames
            all += encoder.partialEmbeddings(spectrogram(needed, count: n, encoder: &encoder), firstFrame: needed.lowerBound,
                                             starts: group)
            first += group.count
        }
        return VoiceEncoder.average(all)
    }

    /// Frames `range` of the first `count` samples with zeros after them: the ones kept that
    /// read none of those zeros, the others computed now.
    private func spectrogram(_ range: Range<Int>, count n: Int, encoder: inout VoiceEncoder) -> [Float] {
        let bands = W.melBands
        let stored = frameBase..<frameBase + frames.count / bands
        // Kept frames are usable up to the last one whose window ends within the first n samples.
        var usable = stored.clamped(to: range)
        while let last = usable.last, SpeakerMel.settled(frame: last) > n { usable = usable.lowerBound..<last }
        if usable.isEmpty {
            return samples[..<n].withUnsafeBufferPointer { encoder.melFrames($0, range) }
        }
        var out: [Float] = []
        out.reserveCapacity(range.count * bands)
        if range.lowerBound < usable.lowerBound {
            out += samples[..<n].withUnsafeBufferPointer { encoder.melFrames($0, range.lowerBound..<usable.lowerBound) }
        }
        out += frames[(usable.lowerBound - frameBase) * bands..<(usable.upperBound - frameBase) * bands]
        if usable.upperBound < range.upperBound {
            out += samples[..<n].withUnsafeBufferPointer { encoder.melFrames($0, usable.upperBound..<range.upperBound) }
        }
        return out
    }

    /// Frames `range`, all kept (they were computed just before).
    private func kept(_ range: Range<Int>) -> [Float] {
        let bands = W.melBands
        precondition(range.lowerBound >= frameBase && range.upperBound <= frameBase + frames.count / bands, "frames not kept")
        return Array(frames[(range.lowerBound - frameBase) * bands..<(range.upperBound - frameBase) * bands])
    }

    /// First mel frame of partial `k`.
    static func start(_ k: Int) -> Int { k * VoiceEncoder.partialStep }

    /// Samples heard before partial `k`'s frames read only heard samples.
    static func settled(partial k: Int) -> Int {
        SpeakerMel.settled(frame: start(k) + VoiceEncoder.partialFrames - 1)
    }
}
