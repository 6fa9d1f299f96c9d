import KeiCore
import KeiDocument

/// Checks note integrity across the whole article: every marker has a note, every note is cited,
/// and notes are cited in order.
public struct CheckNotesStage: CheckStage {
    public static let description = StageDescription(
        id: "check.notes",
        summary: "Check that every note marker has a note, every note is cited, and first citations run in order.",
        kind: .check,
        messages: [Messages.dangling, Messages.uncited, Messages.order],
        examples: [
            StageExample("one marker, one note", html: """
                <html><head><title>T</title></head><body><article><h1>T</h1>
                <p>A claim that needs a source and is long enough to be content.<sup><a href="#fn1" id="fnref1">1</a></sup></p>
                <h2>Notes</h2><ol><li id="fn1">A source, 2024. <a href="#fnref1">↩</a></li></ol></article></body></html>
                """),
            StageExample("markers cited out of order", html: """
                <html><head><title>T</title></head><body><article><h1>T</h1>
                <p>A claim that needs a source and is long enough to be content.<sup><a href="#fn2" id="fnref2">2</a></sup>
                Another claim.<sup><a href="#fn1" id="fnref1">1</a></sup></p>
                <h2>Notes</h2><ol><li id="fn1">First source. <a href="#fnref1">↩</a></li><li id="fn2">Second source. <a href="#fnref2">↩</a></li></ol>
                </article></body></html>
                """, expect: ["check.notes.order"]),
        ]
    )

    enum Messages {
        static let dangling = StageMessage("check.notes.dangling-marker", .error, "A note marker points at no note.")
        static let uncited = StageMessage("check.notes.uncited", .warning, "A note is never cited in the text.")
        static let order = StageMessage("check.notes.order", .warning, "Notes are first cited out of numerical order.")
    }

    public init(options: StageOptions) throws {}

    struct MarkerCollector: ArticleVisitor {
        var markers: [(ref: NoteRef, location: SourceLocation)] = []

        mutating func visitInlines(_ inlines: [Inline], context: WalkContext) {
            collect(inlines, context.location)
        }

        mutating func collect(_ inlines: [Inline], _ location: SourceLocation) {
            for i in inlines {
                switch i {
                case .noteRef(let r): markers.append((r, location))
                case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .link(_, let c):
                    collect(c, location)
                default: break
                }
            }
        }
    }

    public func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        var collector = MarkerCollector()
        ArticleWalker.walk(article, with: &collector)
        var out: [Diagnostic] = []
        let notes = Dictionary(article.notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cited = Set<String>()
        var firstCitationOrder: [String] = []
        for (ref, loc) in collector.markers {
            if notes[ref.noteID] == nil {
                out.append(Messages.dangling.diagnostic(
                    "note marker \(ref.label) points at no note; the endnote list has no entry for it.",
                    at: loc, excerpt: ref.label, fix: "Add the missing note or remove the marker."))
            } else if cited.insert(ref.noteID).inserted {
                firstCitationOrder.append(ref.noteID)
            }
        }
        for note in article.notes where !cited.contains(note.id) {
            out.append(Messages.uncited.diagnostic("note \(note.label) is never cited in the text.", at: note.location,
                                                   fix: "Add a marker for note \(note.label) where it applies, or delete the note."))
        }
        let position = Dictionary(article.notes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var last = -1
        for id in firstCitationOrder {
            guard let p = position[id] else { continue }
            if p < last, let note = notes[id] {
                let loc = collector.markers.first { $0.ref.noteID == id }?.location ?? note.location
                out.append(Messages.order.diagnostic(
                    "note \(note.label) is first cited after a later note; notes should be numbered in order of first citation.",
                    at: loc, excerpt: note.label, fix: "Renumber the notes in order of first citation."))
            }
            last = max(last, p)
        }
        return out
    }
}
