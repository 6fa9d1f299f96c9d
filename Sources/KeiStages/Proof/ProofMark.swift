import KeiDocument

/// One thing a proof highlights in the text: a diagnostic or a `--fix` change record.
///
/// `span` is the source stretch it covers (UTF-8 offsets into the decoded source, ``SourceSpan``);
/// `anchor` is the HTML id of its first highlighted fragment (`d-12`, `c-3`), `label` the badge text,
/// `classes` the CSS classes of every fragment (severity and stage, for the filters).
struct ProofMark: Sendable, Hashable {
    var anchor: String
    var label: String
    var span: SourceSpan
    var classes: String
    /// The data-rule attribute (the rule id), empty for none.
    var rule: String
}
