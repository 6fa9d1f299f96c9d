import KeiCitations
import KeiCore
import KeiDocument

/// Checks the numbers of the note list (Chicago Manual of Style, 17th ed., 14.25): numbered notes start
/// at 1, and no two notes of the list carry the same number; and that no note is empty (no letter or
/// digit in its text once its back-link is gone: reported at the note, without a span since there are
/// no words). The span is the first marker citing the
/// note (where an editor renumbers), else the note's text.
///
/// Table notes (cited only from tables) are not checked: they follow their table. Gaps and the order of first citation are reported elsewhere (`ingest.note-order`, `check.notes.order`).
struct NoteNumberingChecker: CitationChecker {
    enum Messages {
        static let start = StageMessage("check.citations.numbering-start", .warning,
            "The first numbered note is not note 1.")
        static let duplicate = StageMessage("check.citations.duplicate-number", .warning,
            "Two notes carry the same number.")
        static let empty = StageMessage("check.citations.note-empty", .warning,
            "A note with no text (only its back-link, if anything).")
    }

    static let messages = [Messages.start, Messages.duplicate, Messages.empty]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        var collector = NoteOrderChecker.MarkerCollector()
        ArticleWalker.walk(input.article, with: &collector)
        var firstMarker: [String: (ref: NoteRef, location: SourceLocation)] = [:]
        var citedInText = Set<String>(), citedInTables = Set<String>()
        for m in collector.markers {
            if firstMarker[m.ref.noteID] == nil { firstMarker[m.ref.noteID] = (m.ref, m.location) }
            if m.inTable { citedInTables.insert(m.ref.noteID) } else { citedInText.insert(m.ref.noteID) }
        }
        // Table notes (cited only from tables) follow their table, each table's from 1 or a.
        let notes = input.article.notes.filter { !citedInTables.contains($0.id) || citedInText.contains($0.id) }
        let units = NoteReader.noteUnits(in: input.analysis)
        func place(_ note: Note) -> (SourceLocation, SourceSpan?) {
            if let m = firstMarker[note.id], let span = m.ref.span { return (m.location, span) }
            guard let unit = units[note.id]?.first else { return (note.location, nil) }
            return (unit.location, unit.span(of: 0..<unit.text.utf8Count))
        }
        var out: [Diagnostic] = []
        let numbered = notes.filter { Int($0.label) != nil }
        if let first = numbered.first, Int(first.label) != 1 {
            let (location, span) = place(first)
            out.append(Messages.start.diagnostic(
                "The first note is numbered \(first.label); notes are numbered from 1 in each article (CMOS 17th ed., 14.25).",
                at: location, excerpt: first.label, fix: "Renumber the notes from 1, in the order they are first cited.", span: span))
        }
        var seen: [String: Int] = [:]
        for (position, note) in notes.enumerated() {
            guard let earlier = seen[note.label] else { seen[note.label] = position; continue }
            let (location, span) = place(note)
            out.append(Messages.duplicate.diagnostic(
                "The \(Self.ordinal(position + 1)) note is numbered \(note.label), like the \(Self.ordinal(earlier + 1)); each note needs its own number.",
                at: location, excerpt: note.label, fix: "Renumber the notes so that each number is used once.", span: span))
        }
        for note in input.article.notes where Self.isEmpty(units[note.id] ?? []) {
            out.append(Messages.empty.diagnostic(
                "Note \(note.label) has no text: its marker points at an empty note.",
                at: note.location, excerpt: note.label,
                fix: "Write the note's citation or comment, or remove the note and its marker and renumber.", span: nil))
        }
        return out
    }

    /// Whether a note's text units hold no letter or digit (only white space and punctuation, if anything).
    static func isEmpty(_ units: [TextUnit]) -> Bool {
        units.allSatisfy { !$0.text.string.contains { $0.isLetter || $0.isNumber } }
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "22nd"…
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
