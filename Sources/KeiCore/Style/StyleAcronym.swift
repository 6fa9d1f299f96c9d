/// One acronym of a style's vocabulary (``StyleVocabulary``) and what it stands for.
public struct StyleAcronym: Sendable, Hashable {
    /// The acronym as written: one or more space-separated words, each with a capital letter ("OPCON",
    /// "KORUS FTA", "Quad"); matched case-sensitively.
    public var acronym: String
    /// What it stands for, the usual one first; several when the acronym is ambiguous ("MOU": Ministry of
    /// Unification, memorandum of understanding). Never empty.
    public var expansions: [String]

    public init(_ acronym: String, _ expansions: [String]) {
        self.acronym = acronym
        self.expansions = expansions
    }
}
