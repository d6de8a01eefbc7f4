import Foundation
import TestSupport
import Testing
@testable import Embedding

struct Reference: Decodable {
    var text: String
    var input_ids: [Int32]
    var embedding: [Float]

    static func load() throws -> [Reference] {
        let text = try String(contentsOfFile: Repository.shared.path + "/eval/minilm_reference.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Reference.self, from: Data($0.utf8)) }
    }
}

@Suite struct MiniLMTests {
    static let model: MiniLM? = try? MiniLM(modelsDirectory: ModelPaths.folder)

    @Test func tokenIdsMatchTheModelsTokenizer() throws {
        let model = try #require(Self.model)
        let references = try Reference.load()
        #expect(references.count == 40)
        for r in references {
            #expect(model.tokenizer.encode(r.text) == r.input_ids, "\(r.text)")
        }
    }

    @Test func embeddingsMatchSentenceTransformers() throws {
        let model = try #require(Self.model)
        var worst: Float = 1
        for r in try Reference.load() {
            let e = model.embed(ids: r.input_ids)
            let cosine = zip(e, r.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            worst = min(worst, cosine)
            #expect(cosine >= 0.999, "\(r.text.prefix(40)): cosine \(cosine)")
        }
        print("MiniLM min cosine vs sentence-transformers: \(worst)")
    }
}
