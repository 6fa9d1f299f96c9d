import KeiDocument

/// The effective house style of a workflow: every layer's rules merged rule by rule and every layer's
/// vocabulary merged entry by entry (see ``StyleLoader``), plus the journal's manuscript thresholds.
public struct StyleSheet: Sendable, Hashable {
    /// The style files read, lowest layer first (base, journal, issue), as shown in messages.
    public var layers: [String]
    /// The name each layer gives itself, in the same order.
    public var layerNames: [String]
    /// Every rule, enabled or not, sorted by id.
    public var rules: [StyleRule]
    /// The journal's manuscript thresholds (from the journal file), for `manuscript` rules.
    public var manuscript: ManuscriptSpec
    /// The acronyms, never-spelled-out acronyms and people of every layer's `vocabulary`, merged.
    public var vocabulary: StyleVocabulary

    public init(layers: [String] = [], layerNames: [String] = [], rules: [StyleRule] = [],
                manuscript: ManuscriptSpec = ManuscriptSpec(), vocabulary: StyleVocabulary = StyleVocabulary()) {
        self.layers = layers
        self.layerNames = layerNames
        self.rules = rules.sorted { $0.id < $1.id }
        self.manuscript = manuscript
        self.vocabulary = vocabulary
    }

    /// The rules that run.
    public var enabledRules: [StyleRule] { rules.filter(\.enabled) }

    public func rule(id: String) -> StyleRule? { rules.first { $0.id == id } }

    /// The enabled rules of one kind, sorted by id.
    public func rules(of kind: StyleRuleKind) -> [StyleRule] { enabledRules.filter { $0.kind == kind } }
}

/// What a journal asks of a manuscript (its author guidelines), from the journal file's `manuscript`
/// section.
public struct ManuscriptSpec: Sendable, Hashable {
    /// Words of main text (title, abstract, body; notes and references excluded).
    public var minWords: Int?
    public var maxWords: Int?
    /// Whether an abstract is required.
    public var abstractRequired: Bool
    /// The parts in the order the journal asks for: `title`, `abstract`, `body`, `notes`, `appendix`.
    public var parts: [String]

    public init(minWords: Int? = nil, maxWords: Int? = nil, abstractRequired: Bool = false, parts: [String] = []) {
        self.minWords = minWords
        self.maxWords = maxWords
        self.abstractRequired = abstractRequired
        self.parts = parts
    }
}
