/// Decides, 20 ms at a time, whether the microphone is only hearing the call coming out of the
/// speakers (mute it: the call's own capture already has those words) or someone in the room
/// (pass it). The call audio is the reference: while it is silent the microphone always passes;
/// while it carries sound, the microphone passes only when it is clearly louder than the echo the
/// call alone would make, which is the call's energy times the echo path's coupling.
///
/// The coupling is learnt from frames the gate explains as echo. It starts high (speakers right
/// beside the microphone) and falls slowly while the echo stays quiet; it rises quickly when the
/// echo is louder than expected, so a turned-up volume does not leak words. A pass needs a few
/// frames in a row, so a single loud syllable of echo does not open the gate.
public struct EchoGate: Sendable {
    public struct Settings: Sendable {
        /// Call energy (mean square) below which the call is silent: -50 dBFS.
        public var callFloor: Float = 1e-5
        /// How much louder than the expected echo the microphone must be to be someone in the
        /// room (energy ratio: 4 is 6 dB).
        public var doubleTalkMargin: Float = 4
        /// The echo coupling (microphone energy over call energy) assumed before any is learnt.
        public var initialCoupling: Float = 1
        /// The coupling never falls below this (-40 dB): a headset's echo is none.
        public var minimumCoupling: Float = 1e-4
        /// How far the coupling falls per explained frame (natural log units) and how much of
        /// the way it rises towards a louder echo.
        public var fall: Float = 0.002
        public var rise: Float = 0.3
        /// Frames in a row above the echo before the gate opens during call sound (60 ms).
        public var openAfter = 3

        public init() {}
    }

    public enum Decision: Sendable, Equatable {
        /// The microphone carries something the call does not explain.
        case pass
        /// The microphone carries only the call's echo (or silence during it).
        case mute
    }

    public let settings: Settings
    /// The echo path's energy ratio learnt so far.
    public private(set) var coupling: Float
    private var loudFrames = 0

    public init(settings: Settings = Settings()) {
        self.settings = settings
        coupling = settings.initialCoupling
    }

    /// `microphone`: the microphone frame's energy (mean square). `call`: the loudest call
    /// frame's energy near it in time (a few hundred milliseconds back for the echo's delay),
    /// or nil when no call audio has arrived for that time.
    public mutating func decide(microphone: Float, call: Float?) -> Decision {
        guard let call, call.isFinite, microphone.isFinite, call >= settings.callFloor else {
            loudFrames = 0
            return .pass
        }
        let expected = coupling * call
        if microphone > expected * settings.doubleTalkMargin {
            loudFrames += 1
            return loudFrames >= settings.openAfter ? .pass : .mute
        }
        loudFrames = 0
        learn(ratio: microphone / call, microphone: microphone)
        return .mute
    }

    /// Follows the echo's level from frames that are echo (loud enough to measure).
    private mutating func learn(ratio: Float, microphone: Float) {
        guard microphone >= settings.callFloor, ratio > 0 else { return }
        if ratio > coupling {
            coupling += settings.rise * (ratio - coupling)
        } else {
            coupling *= (1 - settings.fall)
        }
        coupling = max(settings.minimumCoupling, coupling)
    }

    /// Mean square of `samples`: the energy `decide` compares.
    public static func energy(_ samples: ArraySlice<Float>) -> Float {
        guard !samples.isEmpty else { return 0 }
        var sum: Float = 0
        for s in samples { sum += s * s }
        return sum / Float(samples.count)
    }
}
