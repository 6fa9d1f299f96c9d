/// A linear-chain sequence labeller: a weight per (feature, label), a weight per (previous label,
/// label) and Viterbi decoding of the best label sequence. Trained by ``PerceptronTrainer`` (averaged
/// structured perceptron) and stored as text (``serialized()``), which `make train-cite` writes into
/// `ReferenceModelData.swift` so the binary carries it.
///
/// Decoding is O(n·L²) for n tokens and L labels, plus one dictionary look-up per feature.
public struct SequenceModel: Sendable {
    public let labels: [String]
    let featureIndex: [UInt64: Int]
    /// Row-major: `emission[row * labels.count + label]`.
    let emission: [Float]
    /// `transition[(previous + 1) * L + label]`, previous = -1 (row 0) for the start.
    let transition: [Float]

    init(labels: [String], featureIndex: [UInt64: Int], emission: [Float], transition: [Float]) {
        self.labels = labels
        self.featureIndex = featureIndex
        self.emission = emission
        self.transition = transition
    }

    public var featureCount: Int { featureIndex.count }

    /// The best label index for each token, given each token's features.
    public func decode(_ features: [[UInt64]]) -> [Int] {
        let n = features.count
        let L = labels.count
        guard n > 0, L > 0 else { return [] }
        var scores = [Float](repeating: 0, count: n * L)
        for t in 0..<n {
            let base = t * L
            for f in features[t] {
                guard let row = featureIndex[f] else { continue }
                let r = row * L
                for l in 0..<L { scores[base + l] += emission[r + l] }
            }
        }
        return Viterbi.bestPath(scores: scores, count: n, labels: L, transition: transition)
    }

    /// The labels of the tokens (strings, in token order).
    public func label(_ tokens: [String]) -> [String] {
        decode(ReferenceFeatures.features(for: tokens)).map { labels[$0] }
    }

    // MARK: Text form

    /// Weights are stored as integers: the float weight times `scale`, rounded; zeros are left out.
    static let scale: Float = 100

    /// The model as text: a `labels` line, a `transitions` line, then one line per feature that has a
    /// non-zero weight: `hash label:weight label:weight…` (the feature's 64-bit hash in hexadecimal,
    /// label by index, integer weights).
    public func serialized() -> String {
        let L = labels.count
        var out = "labels " + labels.joined(separator: " ") + "\n"
        out += "transitions " + transition.map { String(Int(($0 * Self.scale).rounded())) }.joined(separator: " ") + "\n"
        for (feature, row) in featureIndex.sorted(by: { $0.key < $1.key }) {
            var line = String(feature, radix: 16)
            var any = false
            for l in 0..<L {
                let q = Int((emission[row * L + l] * Self.scale).rounded())
                if q != 0 { line += " \(l):\(q)"; any = true }
            }
            if any { out += line + "\n" }
        }
        return out
    }

    /// Reads the text form of ``serialized()``. Returns nil when the text is not a model.
    ///
    /// One pass over the UTF-8 bytes, numbers read in place (the compiled-in model is about 1.6 MB of
    /// text, read once per process when the reference parser is first used).
    public init?(serialized text: String) {
        let bytes = Array(text.utf8)
        var labels: [String] = []
        var transition: [Float] = []
        var index: [UInt64: Int] = [:]
        var emission: [Float] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: Self.newline) ?? bytes.count
            let parts = bytes[lineStart..<lineEnd].split(separator: Self.space)
            lineStart = lineEnd + 1
            guard let head = parts.first else { continue }
            if head.elementsEqual("labels".utf8) {
                labels = parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }
                continue
            }
            if head.elementsEqual("transitions".utf8) {
                transition = parts.dropFirst().compactMap { Self.integer($0).map { Float($0) / Self.scale } }
                continue
            }
            guard !labels.isEmpty else { return nil }
            guard let hash = Self.hexadecimal(head) else { return nil }
            let row = index.count
            index[hash] = row
            emission.append(contentsOf: repeatElement(0, count: labels.count))
            for cell in parts.dropFirst() {
                guard let colon = cell.firstIndex(of: Self.colon), let l = Self.integer(cell[..<colon]),
                      let w = Self.integer(cell[(colon + 1)...]), l >= 0, l < labels.count else { return nil }
                emission[row * labels.count + l] = Float(w) / Self.scale
            }
        }
        guard !labels.isEmpty, transition.count == (labels.count + 1) * labels.count else { return nil }
        self.init(labels: labels, featureIndex: index, emission: emission, transition: transition)
    }

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), colon = UInt8(ascii: ":")

    /// A decimal integer written in ASCII, with an optional leading "-" ("-736", "20"); nil when `digits`
    /// holds anything else or is empty.
    static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        let negative = digits.first == UInt8(ascii: "-")
        let body = negative ? digits.dropFirst() : digits
        guard !body.isEmpty, body.count <= 18 else { return nil }
        var value = 0
        for b in body {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// A 64-bit number written in hexadecimal ASCII digits (either case, at most 16); nil otherwise.
    static func hexadecimal(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for b in digits {
            guard let d = hexDigit(b) else { return nil }
            value = value << 4 | UInt64(d)
        }
        return value
    }

    private static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
