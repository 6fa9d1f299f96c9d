/// An acronym where an article uses or defines it, as ``AcronymScanner`` finds it. Ranges are UTF-8
/// byte offsets (0-based, half-open) into the unit's text.
struct AcronymOccurrence: Sendable {
    enum Kind: Sendable, Hashable {
        /// "NCG", "OPCONs", "USFK’s".
        case use
        /// "Nuclear Consultative Group (NCG)", or the reverse "OPCON (operational control)".
        case definition
    }

    /// The acronym as the vocabulary (or the article's own definition) writes it.
    var acronym: String
    var kind: Kind
    /// Index of the unit in the analysis.
    var unit: Int
    var place: FirstUsePlace
    /// The words reported: a use's word with its ending ("USFK’s"); a definition's parenthesis
    /// "(NCG)", or the whole reversed definition "OPCON (operational control)".
    var range: Range<Int>
    /// The acronym's own letters ("USFK" of "USFK’s").
    var core: Range<Int>
    /// A definition's whole extent, from the expansion's first word to the closing parenthesis, when the
    /// expansion before the parenthesis was recognized.
    var whole: Range<Int>?
    /// What removing the acronym from a definition replaces, and with what: " (NCG)" with nothing, or
    /// "OPCON (operational control)" with "operational control".
    var drop: (range: Range<Int>, replacement: String)?
    /// The expansion the article itself gives in a definition, as written.
    var expansion: String?

}
