import Brands
import Core
import Embedding
import Foundation
import Intent
import Logging
import Pipeline

/// `/extract`: the intent rules with the built-in head on MiniLM, as `mockpilot extract` runs
/// them; the model is loaded at the first request and kept. Without MiniLM the rules work alone,
/// as the command does, and the log says so once.
actor IntentBackend {
    private let brands: BrandTable
    private let threshold: Double
    private let modelsDirectory: String
    private let logger: Logger
    private var scorer: IntentScorer??
    /// More utterances than this in one request are refused: each costs a MiniLM run.
    static let mostUtterances = 500

    init(brands: BrandTable, threshold: Double, modelsDirectory: String, logger: Logger) {
        self.brands = brands
        self.threshold = threshold
        self.modelsDirectory = modelsDirectory
        self.logger = logger
    }

    /// TranscriptMsg JSON Lines or plain text, one utterance a line, read as one stretch of a
    /// meeting (a refinement refers to the component before it in the same request).
    func extract(_ text: String) throws -> [IntentMsg] {
        let lines = JSONLines.numberedLines(text).filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        guard lines.count <= Self.mostUtterances else {
            throw APIError.unprocessable("\(lines.count) utterances in one request; send at most \(Self.mostUtterances)")
        }
        var extractor = IntentExtractor(brands: brands, threshold: threshold, scorer: loadedScorer())
        var intents: [IntentMsg] = []
        for (number, line) in lines {
            let utterance: Utterance?
            do {
                utterance = try TranscriptLine.utterance(from: line, number: number, file: "body")
            } catch {
                throw APIError.badRequest(error.localizedDescription)
            }
            if let utterance, let intent = extractor.extract(utterance) { intents.append(intent) }
        }
        return intents
    }

    private func loadedScorer() -> IntentScorer? {
        if let scorer { return scorer }
        do {
            let embedder = try MeetingSetup.MiniLMSentences(modelsDirectory: modelsDirectory)
            scorer = .some(try IntentScorer.builtIn(embedder: embedder))
        } catch {
            logger.notice("intents from rules alone", metadata: ["reason": .string(error.localizedDescription)])
            scorer = .some(nil)
        }
        return scorer ?? nil
    }
}
