import KeiCore
import KeiDocument

/// Checks that notes are first cited in the order they are numbered. (Markers without notes and
/// notes without markers are reported by ingest.html, where the page's markup is known.)
public struct CheckNotesStage: CheckStage {
    public static let description = StageDescription(
        id: "check.notes",
        summary: "Check that notes are first cited in the text in the order they are numbered.",
        kind: .check,
        messages: [Messages.order],
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
                default:
                    if let c = i.children { collect(c, location) }
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
        for (ref, _) in collector.markers where notes[ref.noteID] != nil && cited.insert(ref.noteID).inserted {
            firstCitationOrder.append(ref.noteID)
        }
        let position = Dictionary(article.notes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var last = -1
        for id in firstCitationOrder {
            guard let p = position[id] else { continue }
            if p < last, let note = notes[id] {
                let first = collector.markers.first { $0.ref.noteID == id }
                out.append(Messages.order.diagnostic(
                    "note \(note.label) is first cited after a later note; notes should be numbered in order of first citation.",
                    at: first?.location ?? note.location, excerpt: note.label, fix: "Renumber the notes in order of first citation.",
                    span: first?.ref.span))
            }
            last = max(last, p)
        }
        return out
    }
}
