import KeiDocument

/// Finds every ``TermPattern`` of every style rule in one pass over each unit's pieces: one Aho–Corasick
/// automaton over piece keys and gaps (``TermTokens``), built once per workflow.
///
/// **What matches.** A pattern is cut into pieces exactly as the text is (``WordTokenizer``, then
/// ``TermTokens``), so it matches a run of consecutive pieces of one unit with the same keys joined by the
/// same kinds of gap: white space matches any white space without a line break, a hyphen a hyphen, no
/// gap no gap. A match therefore starts and ends at word boundaries: "US" matches "US" in "US-led" and
/// "US’s" but not in "USFK" or "Busan", and never across a line break, a URL or a note marker. A hyphen
/// is a word boundary only for a pattern of one word ("Pusan" in "Pusan-based"): a phrase is not found
/// inside a hyphenated compound ("Cho Hyun" is not in "Cho Hyun-woo", "Kim Jong" not in "Kim Jong-un").
/// Neither may a word at either end of a match be glued to a symbol ("US$", "#US"): currency and other
/// symbols make one expression with the word.
///
/// **Case.** Keys are lower-cased, so every pattern is found in any case; a case-sensitive pattern's hit
/// is kept only when the text's pieces equal the pattern's as written (’ and ' are the same character to
/// both, and soft hyphens are ignored).
///
/// **Output.** Every match of every pattern, overlapping ones included ("Korean peninsula" and
/// "peninsula" both match), grouped by the pattern's rule, each group sorted by unit, then start, then
/// longest first. Time: linear in the number of pieces plus matches, for all patterns together.
struct TermMatcher: Sendable {
    let patterns: [TermPattern]
    /// Per pattern: its pieces' exact texts (for case-sensitive checks) and whether its ends are words.
    private let shapes: [Shape]
    /// Piece keys interned to symbols; gaps are symbols 0...3 (``TermTokens/Gap``), keys start at 4.
    private let symbols: [String: Int]
    /// `transitions[state][symbol]` → next state.
    private let transitions: [[Int: Int]]
    private let failure: [Int]
    /// Patterns ending at each state, its own and those of its failure chain.
    private let outputs: [[Int]]

    private struct Shape: Sendable {
        var exact: [String]
        var startsWithWord: Bool
        var endsWithWord: Bool
        /// More than one word piece ("Kim Jong Un", "Korean Peninsula"): not found inside a hyphenated compound.
        var isPhrase: Bool
    }

    init(_ patterns: [TermPattern]) {
        self.patterns = patterns
        var symbols: [String: Int] = [:]
        var transitions: [[Int: Int]] = [[:]]
        var own: [[Int]] = [[]]
        var shapes: [Shape] = []
        for (n, pattern) in patterns.enumerated() {
            let pieces = TermTokens(term: pattern.text).pieces
            shapes.append(Shape(exact: pieces.map(\.exact), startsWithWord: pieces.first?.isWord ?? false,
                                endsWithWord: pieces.last?.isWord ?? false, isPhrase: pieces.filter(\.isWord).count > 1))
            guard !pieces.isEmpty, !pieces.dropFirst().contains(where: { $0.gapBefore == .stop }) else { continue }
            var state = 0
            for (k, piece) in pieces.enumerated() {
                var path: [Int] = []
                if k > 0 { path.append(piece.gapBefore.rawValue) }
                if symbols[piece.key] == nil { symbols[piece.key] = symbols.count + 4 }
                path.append(symbols[piece.key]!)
                for symbol in path {
                    if let next = transitions[state][symbol] {
                        state = next
                    } else {
                        transitions.append([:])
                        own.append([])
                        transitions[state][symbol] = transitions.count - 1
                        state = transitions.count - 1
                    }
                }
            }
            own[state].append(n)
        }
        // Failure links and merged outputs, breadth first.
        var failure = Array(repeating: 0, count: transitions.count)
        var outputs = own
        var queue = Array(transitions[0].values)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state] += outputs[failure[state]]
            for (symbol, next) in transitions[state] {
                var f = failure[state]
                while f != 0, transitions[f][symbol] == nil { f = failure[f] }
                failure[next] = transitions[f][symbol] ?? 0
                queue.append(next)
            }
        }
        self.symbols = symbols
        self.transitions = transitions
        self.failure = failure
        self.outputs = outputs
        self.shapes = shapes
    }

    /// Every match in `analysis`, grouped by rule id, each group in reading order.
    func matches(in analysis: ArticleAnalysis) -> [String: [TermMatch]] {
        var found: [String: [TermMatch]] = [:]
        guard !patterns.isEmpty else { return found }
        for (u, unit) in analysis.units.enumerated() {
            for match in matches(in: unit.text.string, tokens: unit.tokens, unit: u) {
                found[match.rule, default: []].append(match)
            }
        }
        for key in found.keys {
            found[key]!.sort { ($0.unit, $0.range.lowerBound, -$0.range.upperBound) < ($1.unit, $1.range.lowerBound, -$1.range.upperBound) }
        }
        return found
    }

    /// The matches in one text (`tokens` from ``WordTokenizer``), numbered as unit `unit`, in the order
    /// their last pieces come.
    func matches(in text: String, tokens: [WordToken], unit: Int) -> [TermMatch] {
        let pieces = TermTokens(text, tokens: tokens).pieces
        var result: [TermMatch] = []
        var state = 0
        for (i, piece) in pieces.enumerated() {
            if piece.gapBefore == .stop {
                state = 0
            } else if state != 0 {
                state = step(state, piece.gapBefore.rawValue)
            }
            state = step(state, symbols[piece.key] ?? -1)
            for n in outputs[state] {
                let shape = shapes[n]
                let first = i - shape.exact.count + 1
                guard first >= 0 else { continue }
                if patterns[n].caseSensitive, !zip(pieces[first...i], shape.exact).allSatisfy({ $0.exact == $1 }) { continue }
                if shape.startsWithWord, first > 0, pieces[first].gapBefore == .none, Self.isGlue(pieces[first - 1]) { continue }
                if shape.endsWithWord, i + 1 < pieces.count, pieces[i + 1].gapBefore == .none, Self.isGlue(pieces[i + 1]) { continue }
                if shape.isPhrase, pieces[first].gapBefore == .hyphen || (i + 1 < pieces.count && pieces[i + 1].gapBefore == .hyphen) { continue }
                result.append(TermMatch(rule: patterns[n].rule, index: patterns[n].index, unit: unit,
                                        range: pieces[first].range.lowerBound..<piece.range.upperBound))
            }
        }
        return result
    }

    /// The automaton's move from `state` on `symbol` (following failure links; -1 is a symbol no pattern has).
    private func step(_ state: Int, _ symbol: Int) -> Int {
        var s = state
        while true {
            if let next = transitions[s][symbol] { return next }
            if s == 0 { return 0 }
            s = failure[s]
        }
    }

    /// A symbol that makes one expression with a word it touches: currency and maths symbols, # @ & _.
    private static func isGlue(_ piece: TermTokens.Piece) -> Bool {
        guard !piece.isWord, let scalar = piece.exact.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .currencySymbol, .mathSymbol, .modifierSymbol: return true
        default: return "#@&_*".unicodeScalars.contains(scalar)
        }
    }
}
