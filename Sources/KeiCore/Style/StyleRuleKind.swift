/// The kinds of house-style rule. Each kind is implemented once (in `KeiStages/Style/`) and configured
/// by data: a style file's rule names its kind and gives the kind's parameters (``parameters``).
public enum StyleRuleKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Word-boundary term list: each matched term is replaced by its preferred form ("US" → "U.S.").
    case substitution
    /// Banned or discouraged words and phrases.
    case existence
    /// Either/or forms: within an article (and, through `lint.issue-consistency`, across the issue) one
    /// form of each group; the minority form is reported with the majority form as its fix.
    case consistency
    /// Order-aware first use across abstract, body and notes: acronyms spelled out at first use, a
    /// person's full name before surname-only references.
    case firstUse = "first-use"
    /// Headings in the house heading style; proper nouns as a list writes them.
    case capitalization
    /// A word written twice in a row ("the the").
    case repetition
    /// Quotation marks, dashes, spaces, ellipses.
    case typography
    /// Numbers spelled out or in figures; thousands separators.
    case numbers
    /// Long sentences (info).
    case sentenceLength = "sentence-length"
    /// The manuscript as a whole: length, abstract, order of parts (thresholds from the journal file).
    case manuscript

    /// The kind-specific keys a rule of this kind may (or must) give, beside the common ones.
    public var parameters: [StyleParameterSpec] {
        switch self {
        case .substitution:
            return [.init("terms", .map, required: true, "Each term (a word or phrase, matched at word boundaries) and its preferred form."),
                    .init("case-sensitive", .bool, "Match terms only as written (default false: any case; a match that already reads as the preferred form, or as it with a capital first letter, is not reported)."),
                    .init("in-names", .choice(["fix", "suggest", "skip"]), "A match inside a longer proper name (“Department of Defence”, “Pusan University Press”; a capitalized word next to it): fix it as usual (default), only suggest the fix, or leave it alone. When not fix, matches in titles and headings are only suggested.")]
        case .existence:
            return [.init("terms", .list, required: true, "Words or phrases to report (matched at word boundaries)."),
                    .init("case-sensitive", .bool, "Match terms only as written (default false)."),
                    .init("suggestion", .string, "What to write instead, shown as the fix.")]
        case .consistency:
            return [.init("groups", .groups, required: true, "Groups of forms that name one thing; an article (and an issue) should use one form of each group. The first form of a group wins a tie."),
                    .init("case-sensitive", .bool, "Match forms only as written (default true)."),
                    .init("in-names", .choice(["fix", "suggest", "skip"]), "A match inside a longer proper name (“Department of Defence”, “Pusan University Press”; a capitalized word next to it): count and fix it as usual (default), only suggest the fix, or neither count nor report it. When not fix, matches in titles and headings are only suggested.")]
        case .firstUse:
            return [.init("check", .choice(StyleFirstUseCheck.allCases.map(\.rawValue)), required: true, "Which first-use rule this is (every check reads the style's top-level `vocabulary`: acronyms, never-spelled-out, people).")]
        case .capitalization:
            return [.init("check", .choice(["heading-case", "proper-nouns"]), required: true, "Headings in title case, or proper nouns as listed."),
                    .init("exceptions", .list, "For heading-case: words lower-cased inside a title-case heading."),
                    .init("terms", .list, "For proper-nouns: the nouns as they must be capitalized."),
                    .init("common-phrases", .list, "For proper-nouns: those of `terms` that are also ordinary phrases (“blue house”, “Korean war”): a match of one not already capitalized as listed gets its fix only suggested.")]
        case .repetition:
            return [.init("allow", .list, "Words whose doubling is grammatical (never reported)."),
                    .init("unsafe", .list, "Words whose doubling is often grammatical (reported, fix only suggested).")]
        case .typography:
            return [.init("check", .choice(["straight-quotes", "hyphen-as-dash", "spaced-em-dash", "double-space",
                                            "space-before-punctuation", "ellipsis", "en-dash-range"]), required: true, "Which typographic fault this rule reports."),
                    .init("elisions", .list, "For straight-quotes: words written with an apostrophe for left-out letters, apostrophes included (\"'n'\", \"'em\"): each straight mark in them becomes ’."),
                    .init("labels", .list, "For en-dash-range: words before a hyphenated pair of figures that make it a range (\"pp.\", \"pages\", \"nos.\")."),
                    .init("scores", .list, "For en-dash-range: words before a hyphenated pair of figures that make it a score or vote (\"vote\", \"won\"), with \"was\", \"of\" or \"by\" allowed between.")]
        case .numbers:
            return [.init("check", .choice(["spell-out", "thousands-separator", "digit-grouping"]), required: true, "Which number rule this is."),
                    .init("currencies", .list, "Currency codes written before a figure (\"KRW\", \"USD\"): the figure is an amount, not a label, though the code is capitalized."),
                    .init("units", .list, "For spell-out: words after a figure that keep it a figure (units, \"percent\")."),
                    .init("labels", .list, "Words before a number that make it a label or reference, left as a figure (\"Article\", \"No.\", \"p.\").")]
        case .sentenceLength:
            return [.init("max-words", .int, required: true, "Longest sentence, in words, before it is reported.")]
        case .manuscript:
            return [.init("check", .choice(["length", "abstract", "order"]), required: true, "Which manuscript rule this is (thresholds come from the journal file's `manuscript` section).")]
        }
    }
}

/// The checks a `first-use` rule can make.
public enum StyleFirstUseCheck: String, Sendable, Hashable, CaseIterable {
    /// An acronym's first use is its definition ("wartime operational control (OPCON)").
    case acronymDefined = "acronym-defined"
    /// An acronym used before the place it is defined.
    case acronymBeforeDefinition = "acronym-before-definition"
    /// An acronym defined a second time.
    case acronymDefinedTwice = "acronym-defined-twice"
    /// An acronym defined and never used again.
    case acronymUnused = "acronym-unused"
    /// One acronym spelled out for two different terms in the same part ("Ministry of Unification (MOU)",
    /// "memorandum of understanding (MOU)").
    case acronymTwoMeanings = "acronym-two-meanings"
    /// A person's full name comes before surname-only references.
    case fullNameFirst = "full-name-first"
}
