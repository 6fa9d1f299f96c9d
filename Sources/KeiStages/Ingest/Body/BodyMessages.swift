import KeiCore

/// The diagnostics ``BodyBuilder`` can raise while building sections, notes and references.
/// Rule ids are stable: reports, baselines and workflow gates refer to them.
public enum BodyMessages {
    /// A note marker in the text points at no note on the page.
    public static let noteMissing = StageMessage("ingest.note-missing", .warning,
        "A note marker in the text points at a note that is not on the page.")
    /// A note in the note list is never referenced from the text.
    public static let noteUnreferenced = StageMessage("ingest.note-unreferenced", .warning,
        "A note in the note list is not referenced by any marker in the text.")
    /// Two notes on the page carry the same anchor id; markers link to the first.
    public static let noteDuplicate = StageMessage("ingest.note-duplicate", .warning,
        "Two notes on the page carry the same anchor id; markers pointing at it link to the first.")
    /// Notes are numbered out of sequence in the note list.
    public static let noteOrder = StageMessage("ingest.note-order", .info,
        "The note list is not numbered in sequence (a number is skipped, repeated or out of order).")
    /// A marker's printed label differs from the label of the note it links to.
    public static let noteLabelMismatch = StageMessage("ingest.note-label-mismatch", .info,
        "A marker's printed number differs from the number of the note it links to.")

    /// The text's numbered markers and the note list's numbered notes differ in number.
    public static let noteCountMismatch = StageMessage("ingest.note-count-mismatch", .warning,
        "The text has a different number of numbered note markers than the note list has numbered notes.")
    /// A same-page link (`#fragment`) names no element of the article; it is kept as plain text.
    public static let brokenFragment = StageMessage("ingest.broken-fragment", .warning,
        "A same-page link points at an id that names nothing in the article; its text is kept without the link.")

    /// Every message of this builder, for the stage description.
    public static let all: [StageMessage] = [noteMissing, noteUnreferenced, noteDuplicate, noteOrder, noteLabelMismatch,
                                             noteCountMismatch, brokenFragment]
}
