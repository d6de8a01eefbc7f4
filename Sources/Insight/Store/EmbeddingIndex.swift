import Tensor

/// Every stored embedding in one contiguous row-major matrix `[n, dimension]`, so a query
/// is one matrix-vector product (sgemv through Tensor's `matmul`) and a top-k selection.
struct EmbeddingIndex: Sendable {
    static let miniLMDimension = 384
    let dimension: Int
    private(set) var ids: [String] = []
    private(set) var sources: [String] = []
    private var matrix: [Float] = []  // [n, dimension]

    init(dimension: Int) { self.dimension = dimension }

    var count: Int { ids.count }

    mutating func add(id: String, source: String, vector: [Float]) {
        guard vector.count == dimension else { return }
        ids.append(id)
        sources.append(source)
        matrix.append(contentsOf: vector)
    }

    mutating func append(_ posts: [Post]) {
        for p in posts { if let e = p.embedding { add(id: p.id, source: p.source, vector: e) } }
    }

    /// Nearest first; distance is `1 - cosine` (vectors are unit length, so cosine = dot).
    func nearest(to query: [Float], k: Int, source: String? = nil) -> [(id: String, distance: Float)] {
        guard count > 0, query.count == dimension, k > 0 else { return [] }
        var scores = [Float](repeating: 0, count: count)  // [n]
        matrix.withUnsafeBufferPointer { m in
            query.withUnsafeBufferPointer { q in
                scores.withUnsafeMutableBufferPointer { s in
                    guard let mb = m.baseAddress, let qb = q.baseAddress, let sb = s.baseAddress else { return }
                    // [1, d] · [n, d]ᵀ = [1, n]
                    matmul(qb, lda: dimension, mb, ldb: dimension, transposeB: true, sb, ldc: count, m: 1, n: count, k: dimension)
                }
            }
        }
        // Never more than there are: the top-k buffer is sized by k.
        return topK(scores, k: min(k, count), source: source).map { (ids[$0], 1 - scores[$0]) }
    }

    /// Indices of the k largest scores, best first, via a small sorted buffer (k << n).
    private func topK(_ scores: [Float], k: Int, source: String?) -> [Int] {
        var best: [(score: Float, index: Int)] = []
        best.reserveCapacity(k + 1)
        for i in scores.indices {
            if let source, sources[i] != source { continue }
            let s = scores[i]
            if best.count == k, let last = best.last, s <= last.score { continue }
            var lo = 0, hi = best.count
            while lo < hi { let mid = (lo + hi) / 2; if best[mid].score >= s { lo = mid + 1 } else { hi = mid } }
            best.insert((s, i), at: lo)
            if best.count > k { best.removeLast() }
        }
        return best.map(\.index)
    }
}
