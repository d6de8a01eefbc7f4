import Brands
import Core
import Foundation

/// Fits the intent head on labelled meetings: L2-regularised logistic regression by Newton's
/// method on standardised inputs. There is no random start and no shuffling, so the same lines
/// and embedding give the same weights, bit for bit, on every run.
public enum IntentHeadTrainer {
    /// One labelled line as the head sees it.
    public struct Example: Sendable {
        public var input: [Double]
        public var design: Bool
        /// How much the line counts in the fit (real talk, plentiful and unlabelled line by line, counts less).
        public var weight = 1.0
    }

    /// Every line of every labelled file through the rules in order, each file cut into its
    /// meetings (`IntentEvaluation.meetings`): the rules' state and the context carry from line to
    /// line within a meeting, as in one, never into the next. With its embedding and rule features.
    /// `unread`: every line, without rule features, for the unread head.
    public static func examples(files: [[LabelledLine]], brands: BrandTable, embedder: any SentenceEmbedding,
                                contextLines: Int = 0, unread: Bool = false) -> [Example] {
        var examples: [Example] = []
        for meeting in files.flatMap(IntentEvaluation.meetings) {
            var extractor = IntentExtractor(brands: brands, recordingWith: embedder, contextLines: contextLines, unread: unread)
            for line in meeting {
                let utterance = Utterance(id: line.id, msg: TranscriptMsg(text: line.text, tsStart: 0, tsEnd: 0, id: line.id))
                _ = extractor.assess(utterance)
                if let input = extractor.lastInput { examples.append(Example(input: input, design: line.design)) }
            }
        }
        return examples
    }

    /// How much a copy of each line with no context counts beside the line itself. With context,
    /// every line is also trained on as if the meeting had just begun: the head must read a
    /// meeting's first ask on its own, and the context then only moves it. Without the copies,
    /// heads trained without a set made 65% of its asks when each line was read with no context,
    /// against 76% with it; with them, 76% and 78% (0.3 chosen among 0.3 and 1 by cross-set scores).
    static let openingWeight = 0.3

    /// The head fitted to `examples`. `l2` is the penalty on the standardised weights (the bias
    /// is free); larger trusts the embedding less.
    public static func train(_ examples: [Example], dimension: Int, contextLines: Int = 0, l2: Double,
                             combination: IntentCombination, notes: [String: String] = [:]) -> IntentHead {
        var examples = examples
        if contextLines > 0 {
            let line = dimension / 2
            examples += examples.map { e in
                var opening = e
                for j in line..<dimension { opening.input[j] = 0 }
                opening.weight *= openingWeight
                return opening
            }
        }
        let weight = examples.map(\.weight)
        let d = dimension + RuleFeatures.names.count
        precondition(examples.allSatisfy { $0.input.count == d }, "every example needs \(d) inputs")
        let n = examples.count
        // Standardise: each input to mean 0, spread 1, so one penalty fits embedding and rules alike.
        var mean = [Double](repeating: 0, count: d), spread = [Double](repeating: 0, count: d)
        for e in examples { for j in 0..<d { mean[j] += e.input[j] } }
        for j in 0..<d { mean[j] /= Double(max(n, 1)) }
        for e in examples { for j in 0..<d { spread[j] += (e.input[j] - mean[j]) * (e.input[j] - mean[j]) } }
        // Only an input with no spread at all is left unscaled: all-MiniLM-L6-v2's dimensions 127
        // and 223 are dead (1e-32). Its dimension 319 is scaled down by the last LayerNorm (weight
        // -1.5e-9, values -2.5e-8 with a spread of 6e-9) but is an exact small copy of a real
        // feature, so it is standardised like the rest and takes a weight of about 5e7. Treating it
        // as constant lost an ask on the cross-set and added a component on the second held-out set.
        for j in 0..<d { spread[j] = (spread[j] / Double(max(n, 1))).squareRoot(); if spread[j] < 1e-9 { spread[j] = 1 } }
        // Rows with a trailing 1 for the bias: x [n, d + 1].
        let x = examples.map { e in (0..<d).map { (e.input[$0] - mean[$0]) / spread[$0] } + [1] }
        let y = examples.map { $0.design ? 1.0 : 0.0 }
        var w = [Double](repeating: 0, count: d + 1)
        for _ in 0..<30 {
            var gradient = [Double](repeating: 0, count: d + 1)
            var hessian = [Double](repeating: 0, count: (d + 1) * (d + 1))  // [d + 1, d + 1], upper triangle filled
            for i in 0..<n {
                let row = x[i]
                var z = 0.0
                for j in 0...d { z += w[j] * row[j] }
                let p = 1 / (1 + exp(-z))
                let s = max(p * (1 - p), 1e-10) * weight[i]
                for j in 0...d {
                    gradient[j] += (p - y[i]) * row[j] * weight[i]
                    let sj = s * row[j]
                    if sj == 0 { continue }
                    for k in j...d { hessian[j * (d + 1) + k] += sj * row[k] }
                }
            }
            for j in 0..<d {
                gradient[j] += l2 * w[j]
                hessian[j * (d + 1) + j] += l2
            }
            hessian[d * (d + 1) + d] += 1e-6
            guard let step = solveSymmetric(hessian, gradient, size: d + 1) else { break }
            var largest = 0.0
            for j in 0...d {
                w[j] -= step[j]
                largest = max(largest, abs(step[j]))
            }
            if largest < 1e-9 { break }
        }
        // Fold the standardisation into the weights: one dot product at run time.
        var weights = [Double](repeating: 0, count: d)
        var bias = w[d]
        for j in 0..<d {
            weights[j] = w[j] / spread[j]
            bias -= w[j] * mean[j] / spread[j]
        }
        return IntentHead(dimension: dimension, contextLines: contextLines, ruleFeatures: RuleFeatures.names, weights: weights, bias: bias,
                          combination: combination, notes: notes)
    }

    /// Solves A x = b for a symmetric positive definite A given by its upper triangle (Cholesky);
    /// nil when A is not positive definite.
    static func solveSymmetric(_ a: [Double], _ b: [Double], size m: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: m * m)  // [m, m] lower triangle, A = L Lᵀ
        for i in 0..<m {
            for j in 0...i {
                var sum = a[j * m + i]
                for k in 0..<j { sum -= l[i * m + k] * l[j * m + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * m + i] = sum.squareRoot()
                } else {
                    l[i * m + j] = sum / l[j * m + j]
                }
            }
        }
        var z = [Double](repeating: 0, count: m)
        for i in 0..<m {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * m + k] * z[k] }
            z[i] = sum / l[i * m + i]
        }
        var x = [Double](repeating: 0, count: m)
        for i in stride(from: m - 1, through: 0, by: -1) {
            var sum = z[i]
            for k in (i + 1)..<m { sum -= l[k * m + i] * x[k] }
            x[i] = sum / l[i * m + i]
        }
        return x
    }
}
