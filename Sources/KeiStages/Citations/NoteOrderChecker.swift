import KeiCitations
import KeiCore
import KeiDocument

/// Checks that notes are first cited in the order they are numbered (moved here from the former
/// `check.notes` stage).
///
/// Each series of notes is checked on its own: notes numbered 1, 2, 3… and notes labelled by letters
/// or symbols (a, b, *, †). Table notes, cited only from inside tables, follow their table and are
/// not checked against the text's notes.
struct NoteOrderChecker: CitationChecker {
    enum Messages {
        static let order = StageMessage("check.notes.order", .warning, "Notes are first cited out of numerical order.")
    }

    static let messages = [Messages.order]

    struct MarkerCollector: ArticleVisitor {
        var markers: [(ref: NoteRef, location: SourceLocation, inTable: Bool)] = []

        mutating func visitInlines(_ inlines: [Inline], context: WalkContext) {
            collect(inlines, context.location, inTable: context.scope == .tableCell || context.scope == .caption)
        }

        mutating func collect(_ inlines: [Inline], _ location: SourceLocation, inTable: Bool) {
            for i in inlines {
                switch i {
                case .noteRef(let r): markers.append((r, location, inTable))
                default:
                    if let c = i.children { collect(c, location, inTable: inTable) }
                }
            }
        }
    }

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        let article = input.article
        var collector = MarkerCollector()
        ArticleWalker.walk(article, with: &collector)
        var out: [Diagnostic] = []
        let notes = Dictionary(article.notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // First citations in the text: a note cited only from tables is a table note.
        var cited = Set<String>()
        var firstCitations: [(ref: NoteRef, location: SourceLocation)] = []
        for (ref, location, inTable) in collector.markers where !inTable && notes[ref.noteID] != nil && cited.insert(ref.noteID).inserted {
            firstCitations.append((ref, location))
        }
        let position = Dictionary(article.notes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // The last list position reached by each series: numbered notes, and notes labelled otherwise.
        var last: [Bool: Int] = [:]
        for first in firstCitations {
            guard let p = position[first.ref.noteID], let note = notes[first.ref.noteID] else { continue }
            let numbered = Int(note.label) != nil
            if p < last[numbered, default: -1] {
                out.append(Messages.order.diagnostic(
                    "note \(note.label) is first cited after a later note; notes should be numbered in order of first citation.",
                    at: first.location, excerpt: note.label, fix: "Renumber the notes in order of first citation.",
                    span: first.ref.span))
            }
            last[numbered] = max(last[numbered, default: -1], p)
        }
        return out
    }
}
