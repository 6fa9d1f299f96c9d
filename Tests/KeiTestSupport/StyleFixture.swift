/// Style files for throwaway projects (``ProjectFixture``): a base layer to extend and change.
public enum StyleFixture {
    /// A base layer (`name: Base style`) with a safe substitution rule (`style.defense-spelling`, two
    /// terms, one example of each kind) and a sentence-length rule scoped to paragraphs and quotations
    /// (`style.long-sentence`).
    public static let base = """
    name: Base style
    rules:
      style.defense-spelling:
        kind: substitution
        severity: warning
        message: "Write “{replacement}”, not “{match}”."
        description: U.S. spelling for British forms.
        source: CMOS 7.1
        fix: safe
        terms:
          defence: defense
          offence: offense
        examples:
          flag: ["The ⟦defence⟧ budget."]
          pass: ["The defense budget."]
          fix: [{before: "Defence rose.", after: "Defense rose."}]
      style.long-sentence:
        kind: sentence-length
        severity: info
        message: "{words} words."
        description: Long sentences.
        source: CMOS 5.1
        scopes: [paragraph, quotation]
        max-words: 50

    """
}
