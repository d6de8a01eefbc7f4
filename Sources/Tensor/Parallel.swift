import Dispatch

/// MockPilot's own threads for numeric work: the row blocks of every matrix product (BLAS runs
/// on the calling thread), and the element-wise work between them (softmax over the encoder's
/// [1500, 1500] attention weights, GELU over its MLP), so one pool of threads does it all.
public enum Parallel {
    /// Runs `body` on `count` items cut into `BLAS.threads` contiguous ranges, concurrently.
    /// Below `minimum` items a range, or with one thread, it runs inline.
    public static func ranges(_ count: Int, minimum: Int, _ body: (Range<Int>) -> Void) {
        let parts = min(BLAS.threads, count / max(1, minimum))
        guard parts > 1 else {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                shared.value(count * part / parts..<count * (part + 1) / parts)
            }
        }
    }
}

/// `body` runs on disjoint ranges and `concurrentPerform` returns only once every part has,
/// so sharing it (and the buffers it writes) across those threads is safe.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
