import Core
import Foundation

/// The kinds of component as points in the sentence embedding's space: the mean embedding of a
/// few neutral descriptions of each (`Resources/intent-kinds.json`). A line that asks for
/// something without naming a component ("somewhere for people to upload their files") is given
/// the kind it is nearest to, so an ask in everyday words still becomes the right component.
struct KindPrototypes: Sendable {
    private let kinds: [ComponentKind]
    private let centres: [[Float]]  // [kinds.count, dimension], unit length

    /// Embeds every description once (about fifty short lines).
    init(embedder: any SentenceEmbedding) {
        var kinds: [ComponentKind] = [], centres: [[Float]] = []
        for (kind, descriptions) in Self.descriptions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !descriptions.isEmpty {
            var mean = [Float](repeating: 0, count: embedder.dimension)
            for text in descriptions {
                for (i, v) in embedder.embed(text).enumerated() where i < mean.count { mean[i] += v }
            }
            let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            kinds.append(kind)
            centres.append(mean.map { $0 / norm })
        }
        self.kinds = kinds
        self.centres = centres
    }

    /// The kind nearest to a line's (unit) embedding, and its cosine similarity.
    func nearest(to vector: [Float]) -> (kind: ComponentKind, similarity: Double)? {
        var best: (ComponentKind, Double)?
        for (kind, centre) in zip(kinds, centres) {
            var dot: Float = 0
            for i in 0..<min(centre.count, vector.count) { dot += centre[i] * vector[i] }
            if best == nil || Double(dot) > best?.1 ?? 0 { best = (kind, Double(dot)) }
        }
        return best
    }

    private struct File: Decodable {
        var kinds: [String: [String]]
    }

    /// The descriptions compiled in; a kind the build does not know is skipped (tests check there is none).
    static let descriptions: [ComponentKind: [String]] = {
        guard let file = try? JSONDecoder().decode(File.self, from: Data(PackageResources.intent_kinds_json)) else { return [:] }
        var table: [ComponentKind: [String]] = [:]
        for (name, texts) in file.kinds { if let kind = ComponentKind(rawValue: name) { table[kind] = texts } }
        return table
    }()
}
