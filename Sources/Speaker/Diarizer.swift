/// Who said each utterance of one meeting, as it arrives: the voice encoder's embedding of the
/// utterance's audio, fed to the clustering state machine. One value per audio stream (it holds
/// the encoder's scratch and the speakers met so far); the weights are shared.
public struct Diarizer: Sendable {
    private var encoder: VoiceEncoder
    public private(set) var clustering: SpeakerStateMachine

    public init(weights: VoiceEncoderWeights, configuration: SpeakerStateMachine.Configuration = .init()) {
        encoder = VoiceEncoder(weights: weights)
        clustering = SpeakerStateMachine(configuration: configuration)
    }

    /// The speaker (1, 2, ...) of one utterance of 16 kHz samples.
    public mutating func speaker(of samples: ArraySlice<Float>) -> Int {
        let duration = Double(samples.count) / Double(VoiceEncoder.sampleRate)
        // An utterance too short to carry a voice inherits the previous speaker; skip its embedding.
        if clustering.speakerCount > 0, !(duration >= clustering.configuration.minimumDuration) {
            return clustering.utterance(embedding: [], duration: duration).speaker
        }
        return clustering.utterance(embedding: encoder.embed(samples), duration: duration).speaker
    }
}
