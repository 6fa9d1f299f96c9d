import KeiDocument

/// A unit's word tokens as the timeline indexes compare them: each token as written and its key
/// (``TimelinePhraseIndex/key(_:)``: lower-cased, curly apostrophes straightened). Built once per unit of
/// an article by ``DateCheckInput`` and shared by the timeline checkers and every index they search.
struct TimelineWords {
    /// `texts[i]` is `unit.tokens[i]` as written.
    var texts: [String]
    /// `keys[i]` is the key of `texts[i]`.
    var keys: [String]
    /// `possessiveStems[i]` is `keys[i]` without its possessive ending ("trump's" → "trump"), nil when it
    /// has none (``TimelinePhraseIndex/withoutPossessive(_:)``).
    var possessiveStems: [String?]

    init(_ unit: TextUnit) {
        texts = unit.tokens.map { unit.string(of: $0.range) }
        keys = texts.map(TimelinePhraseIndex<Bool>.key)
        possessiveStems = keys.map(TimelinePhraseIndex<Bool>.withoutPossessive)
    }
}
