import CCBLAS

/// Matrix-vector products over weights kept as IEEE float16 bit patterns, the precision
/// Whisper's weights ship in. A decoder step multiplies one row by every decoder weight and
/// by the 51,864-row output projection: it is bound by the bytes it reads, and float16 reads
/// half of them. Products and sums are float32, so the only difference from `sgemv` over the
/// float32 copy of the same values is the order of the additions.
public enum HalfMatrix {
    /// Whether this CPU runs the float16 kernel (x86-64 with AVX, FMA and F16C). Without it
    /// callers keep to float32 BLAS.
    public static let isAvailable: Bool = mockpilot_half_available() != 0

    /// `y[rows] = W[rows, columns] · x[columns]`, plus the old `y` when `accumulate` (a bias
    /// laid down first). `w` holds float16 bit patterns, row-major.
    public static func multiply(
        _ w: UnsafePointer<UInt16>, rows: Int, columns: Int,
        _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, accumulate: Bool = false
    ) {
        precondition(rows >= 0 && columns >= 0, "negative matrix size")
        // The output projection's 51,864 rows are split over the threads: one core alone
        // cannot draw all the memory bandwidth there is.
        Parallel.ranges(rows, minimum: 8192) { part in
            mockpilot_half_gemv(w + part.lowerBound * columns, x, y + part.lowerBound, part.count, columns, accumulate ? 1 : 0)
        }
    }
}
