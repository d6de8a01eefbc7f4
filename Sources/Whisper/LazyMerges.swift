import Foundation

/// A tokenizer's BPE merge ranks, read from `tokenizer.json` the first time they are asked for
/// (a prompt to encode) rather than at every model load.
final class LazyMerges: @unchecked Sendable {
    // @unchecked: `loaded` is only read and written under `lock`.
    let path: String?
    private let lock = NSLock()
    private var loaded: [String: Int]??

    init(path: String?) { self.path = path }

    /// Rank of each adjacent pair "a b"; nil when there is no tokenizer.json with merges.
    var ranks: [String: Int]? {
        lock.withLock {
            if let loaded { return loaded }
            let ranks = path.flatMap(Tokenizer.loadMerges)
            loaded = .some(ranks)
            return ranks
        }
    }
}
