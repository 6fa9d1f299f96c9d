import KeiCitations
import KeiCore
import KeiDocument

/// Checks every "Ibid." (Chicago Manual of Style, 17th ed., 14.34): it refers to the single source cited
/// in the directly preceding note, so it is an error in the first note of a series, after a note that
/// cites several sources, and after a note that cites none (unless that note names exactly one work by
/// a cited title, in narration: "Cha argues in *The Impossible State* that…"). An "Ibid." after another citation in its own
/// note refers to that one and is not checked. The span is the word "Ibid." in the note.
struct IbidChecker: CitationChecker {
    enum Messages {
        static let firstNote = StageMessage("check.citations.ibid-first-note", .error,
            "“Ibid.” in the first note, where there is no earlier note for it to refer to.")
        static let afterSeveral = StageMessage("check.citations.ibid-after-several-sources", .error,
            "“Ibid.” after a note that cites several sources: it cannot say which one it means.")
        static let afterNone = StageMessage("check.citations.ibid-after-no-source", .error,
            "“Ibid.” after a note that cites no source.")
    }

    static let messages = [Messages.firstNote, Messages.afterSeveral, Messages.afterNone]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        let locator = NoteTextLocator(input)
        let units = NoteReader.noteUnits(in: input.analysis)
        var out: [Diagnostic] = []
        for note in input.article.notes {
            var citedBefore = false
            for c in input.citations.notes[note.id] ?? [] {
                defer { if c.kind != .commentary { citedBefore = true } }
                guard c.kind == .ibid, !citedBefore else { continue }
                let word = c.range.lowerBound..<(c.range.lowerBound + Self.wordLength(c.text))
                let (location, span) = locator.place(c, range: word)
                let excerpt = String(c.text.prefix(Self.wordLength(c.text)))
                guard let previous = input.citations.previousNote[note.id] else {
                    out.append(Messages.firstNote.diagnostic(
                        "Note \(note.label) is the first note, so its “\(excerpt)” refers to no earlier citation.",
                        at: location, excerpt: excerpt, fix: "Replace “\(excerpt)” with the full citation of the source.", span: span))
                    continue
                }
                let sources = Self.sourceCount(input.citations.citing(previous))
                let label = locator.label(previous)
                if sources > 1 {
                    out.append(Messages.afterSeveral.diagnostic(
                        "“\(excerpt)” in note \(note.label) follows note \(label), which cites \(sources) sources, so it cannot say which one it means (CMOS 17th ed., 14.34).",
                        at: location, excerpt: excerpt,
                        fix: "Replace “\(excerpt)” with a short form of the source meant (author, short title, page).", span: span))
                } else if sources == 0, !Self.namesOneWork(units[previous] ?? []) {
                    out.append(Messages.afterNone.diagnostic(
                        "“\(excerpt)” in note \(note.label) follows note \(label), which cites no source, so it refers to nothing.",
                        at: location, excerpt: excerpt, fix: "Replace “\(excerpt)” with the citation meant.", span: span))
                }
            }
        }
        return out
    }

    /// Whether a note that cites no source names exactly one work by a cited title ("Cha argues in *The
    /// Impossible State* that…"): an "Ibid." after it may refer to that work, so it is not reported.
    static func namesOneWork(_ units: [TextUnit]) -> Bool {
        Set(units.flatMap { u in u.scopes.filter { $0.kind == .citedTitle }.map { u.string(of: $0.range) } }).count == 1
    }

    /// How many sources `citations` cite: distinct source ids, each citation without one counting alone.
    static func sourceCount(_ citations: [NoteCitation]) -> Int {
        Set(citations.compactMap(\.sourceID)).count + citations.filter { $0.sourceID == nil }.count
    }

    /// The UTF-8 length of the leading "Ibid." (or "ibid", "Ibidem.") of `text`.
    static func wordLength(_ text: String) -> Int {
        var n = 0
        for c in text {
            if c.isLetter || (c == "." && n > 0) { n += c.utf8.count; if c == "." { break } } else { break }
        }
        return n
    }
}
