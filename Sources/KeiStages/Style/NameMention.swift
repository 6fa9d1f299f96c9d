/// A person of the style's vocabulary where an article names them, as ``NameScanner`` finds it. Ranges
/// are UTF-8 byte offsets (0-based, half-open) into the unit's text.
struct NameMention: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// The full name, in any romanization that differs only in case and hyphens ("Lee Jae-myung").
        case fullName
        /// The surname alone ("Lee", "Trump’s").
        case surname
    }

    var kind: Kind
    /// Indices into the vocabulary's people: the person named (a full name), or every person with this
    /// surname (a surname alone).
    var people: [Int]
    /// Index of the unit in the analysis.
    var unit: Int
    var place: FirstUsePlace
    /// The words found, with a possessive ending.
    var range: Range<Int>
    /// The name without a possessive ending ("Trump" of "Trump’s").
    var core: Range<Int>
}
