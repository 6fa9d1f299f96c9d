/// Trains a ``SequenceModel`` with the averaged structured perceptron (Collins 2002): for each
/// example in turn, decode with the current weights and, where the best path differs from the gold
/// labels, add the gold path's features and subtract the predicted path's; the model is the average of
/// the weights over all steps. The order of examples in each epoch comes from a fixed-seed generator,
/// so the same data always gives the same model.
public struct PerceptronTrainer: Sendable {
    public var epochs: Int
    public var seed: UInt64
    /// Features seen fewer times than this in the training data are dropped (smaller model, less noise).
    public var minFeatureCount: Int
    /// Averaged weights smaller than this (in absolute value) are dropped when the model is built.
    public var pruneBelow: Float

    public init(epochs: Int = 60, seed: UInt64 = 0x4B45_4931, minFeatureCount: Int = 2, pruneBelow: Float = 0.05) {
        self.epochs = epochs
        self.seed = seed
        self.minFeatureCount = minFeatureCount
        self.pruneBelow = pruneBelow
    }

    public func train(_ examples: [LabelledReference]) -> SequenceModel {
        // Labels in a fixed order: sorted names.
        let data = examples.map(\.tokensAndLabels).filter { !$0.tokens.isEmpty }
        let labels = Array(Set(data.flatMap(\.labels))).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let L = labels.count
        let featureLists = data.map { ReferenceFeatures.features(for: $0.tokens) }
        var counts: [UInt64: Int] = [:]
        for seq in featureLists { for token in seq { for f in token { counts[f, default: 0] += 1 } } }
        var featureIndex: [UInt64: Int] = [:]
        for (f, c) in counts.sorted(by: { $0.key < $1.key }) where c >= minFeatureCount { featureIndex[f] = featureIndex.count }
        let rows: [[[Int]]] = featureLists.map { seq in seq.map { $0.compactMap { featureIndex[$0] } } }
        let gold: [[Int]] = data.map { $0.labels.map { labelIndex[$0]! } }

        let F = featureIndex.count
        var w = [Float](repeating: 0, count: F * L)
        var u = [Float](repeating: 0, count: F * L)     // sum of step * update, for averaging
        var tw = [Float](repeating: 0, count: (L + 1) * L)
        var tu = [Float](repeating: 0, count: (L + 1) * L)
        var step: Float = 1
        var rng = SplitMix64(seed: seed)
        var order = Array(0..<data.count)
        for _ in 0..<epochs {
            // Fisher–Yates with the fixed-seed generator.
            if order.count > 1 {
                for i in stride(from: order.count - 1, to: 0, by: -1) {
                    let j = Int(rng.next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
            for e in order {
                let predicted = Self.viterbi(rows[e], w: w, tw: tw, L: L)
                let g = gold[e]
                if predicted != g {
                    for t in 0..<g.count where predicted[t] != g[t] {
                        for r in rows[e][t] {
                            w[r * L + g[t]] += 1; u[r * L + g[t]] += step
                            w[r * L + predicted[t]] -= 1; u[r * L + predicted[t]] -= step
                        }
                    }
                    for t in 0..<g.count {
                        let gp = t == 0 ? 0 : g[t - 1] + 1
                        let pp = t == 0 ? 0 : predicted[t - 1] + 1
                        if gp != pp || g[t] != predicted[t] {
                            tw[gp * L + g[t]] += 1; tu[gp * L + g[t]] += step
                            tw[pp * L + predicted[t]] -= 1; tu[pp * L + predicted[t]] -= step
                        }
                    }
                }
                step += 1
            }
        }
        var averaged = [Float](repeating: 0, count: F * L)
        for i in 0..<(F * L) {
            let a = w[i] - u[i] / step
            averaged[i] = abs(a) < pruneBelow ? 0 : a
        }
        let transitions = (0..<((L + 1) * L)).map { tw[$0] - tu[$0] / step }
        // Keep only features with a weight left.
        var kept: [UInt64: Int] = [:]
        var emission: [Float] = []
        for (f, row) in featureIndex.sorted(by: { $0.value < $1.value }) {
            let slice = averaged[(row * L)..<(row * L + L)]
            guard slice.contains(where: { $0 != 0 }) else { continue }
            kept[f] = kept.count
            emission.append(contentsOf: slice)
        }
        return SequenceModel(labels: labels, featureIndex: kept, emission: emission, transition: transitions)
    }

    static func viterbi(_ rows: [[Int]], w: [Float], tw: [Float], L: Int) -> [Int] {
        var scores = [Float](repeating: 0, count: rows.count * L)
        for (t, row) in rows.enumerated() {
            for r in row { for l in 0..<L { scores[t * L + l] += w[r * L + l] } }
        }
        return Viterbi.bestPath(scores: scores, count: rows.count, labels: L, transition: tw)
    }
}

/// A small deterministic pseudo-random generator (SplitMix64) for the training order.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
