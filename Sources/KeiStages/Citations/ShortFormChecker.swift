import KeiCitations
import KeiCore
import KeiDocument

/// Checks short forms and repeated full citations (Chicago Manual of Style, 17th ed., 14.29–14.31):
///
/// - a short form (Author, *Short Title*, page) that resolves to an earlier full citation is reported as
///   an info naming that note (or the entry of the page's reference list it matches, CMOS 14.19), so an editor can confirm the link (in JATS it points at the same `ref`);
/// - a short form that matches several earlier full citations (by the same author, titles starting
///   alike) is a warning naming them; it is linked to the earliest;
/// - a short form that matches no earlier full citation by the same author with that title is a warning;
/// - a full citation of a source already cited in full (the same words, whatever the final locator) is
///   a warning: after the first full citation, a short form is used. Numbered notes and notes labelled
///   otherwise (table notes, a byline's "*") are separate series for this rule: a table note that
///   cites a source in full does not make the text's full citation a repeat, nor the other way round.
///
/// The span is the citation's words in the note.
struct ShortFormChecker: CitationChecker {
    enum Messages {
        static let resolved = StageMessage("check.citations.short-form", .info,
            "A short-form citation, with the note that cites its source in full.")
        static let unresolved = StageMessage("check.citations.short-form-unresolved", .warning,
            "A short-form citation that matches no earlier full citation by the same author with that title.")
        static let ambiguous = StageMessage("check.citations.short-form-ambiguous", .warning,
            "A short-form citation that matches several earlier full citations: it is linked to the earliest.")
        static let repeated = StageMessage("check.citations.full-citation-repeated", .warning,
            "A source cited in full again after its first full citation, where a short form belongs.")
    }

    static let messages = [Messages.resolved, Messages.unresolved, Messages.ambiguous, Messages.repeated]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        let locator = NoteTextLocator(input)
        let sources = Dictionary(input.citations.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Diagnostic] = []
        for note in input.article.notes {
            for c in input.citations.notes[note.id] ?? [] where c.kind == .shortForm || c.kind == .full {
                let (location, span) = locator.place(c)
                let shown = NoteTextLocator.quoted(c.text)
                let source = c.sourceID.flatMap { sources[$0] }
                switch c.kind {
                case .shortForm:
                    if let source, !c.otherMatches.isEmpty {
                        let named = ([source] + c.otherMatches.compactMap { sources[$0] }).map { s in
                            (s.pageReference.map { "entry \($0 + 1) of the reference list" } ?? "note \(locator.label(s.noteID))")
                                + " (“\(NoteTextLocator.quoted(s.reference.text, limit: 60))”)"
                        }
                        out.append(Messages.ambiguous.diagnostic(
                            "“\(shown)” in note \(note.label) matches several sources cited in full: \(named.joined(separator: " and ")); it is linked to the first.",
                            at: location, excerpt: shown,
                            fix: "Lengthen the short title so that it matches only the work meant (CMOS 17th ed., 14.31).", span: span))
                    }
                    if let source, let position = source.pageReference {
                        out.append(Messages.resolved.diagnostic(
                            "“\(shown)” in note \(note.label) is a short form of entry \(position + 1) of the reference list (\(source.id)): “\(NoteTextLocator.quoted(source.reference.text))”.",
                            at: location, excerpt: shown, span: span))
                    } else if let source {
                        out.append(Messages.resolved.diagnostic(
                            "“\(shown)” in note \(note.label) is a short form of the source cited in full in note \(locator.label(source.noteID)) (\(source.id)): “\(NoteTextLocator.quoted(source.reference.text))”.",
                            at: location, excerpt: shown, span: span))
                    } else {
                        out.append(Messages.unresolved.diagnostic(
                            "“\(shown)” in note \(note.label) is a short form, but no earlier note cites a work by that author with that title in full; a work is cited in full at its first citation (CMOS 17th ed., 14.29).",
                            at: location, excerpt: shown,
                            fix: "Give the full citation here (or in an earlier note), or correct the author or short title to match the full citation.",
                            span: span))
                    }
                default:
                    guard let source, source.pageReference == nil,
                          source.noteID != note.id || source.range != c.range || source.unitIndex != c.unitIndex,
                          Self.isNumbered(locator.label(source.noteID)) == Self.isNumbered(note.label) else { continue }
                    out.append(Messages.repeated.diagnostic(
                        "Note \(note.label) cites in full again the source first cited in full in note \(locator.label(source.noteID)); after the first full citation, use a short form (CMOS 17th ed., 14.29).",
                        at: location, excerpt: shown,
                        fix: "Shorten it to the author's family name, a short title of up to four words and the page (e.g. Kwak, “Subsidy Races,” 90).",
                        span: span))
                }
            }
        }
        return out
    }

    /// Whether a note label is a number (the text's numbered series).
    static func isNumbered(_ label: String) -> Bool { Int(label) != nil }
}
