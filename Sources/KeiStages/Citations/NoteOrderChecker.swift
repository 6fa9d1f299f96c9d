import KeiCitations
import KeiCore
import KeiDocument

/// Checks that notes are first cited in the order they are numbered (moved here from the former
/// `check.notes` stage, whose rule id `check.notes.order` it keeps so that suppressions and baselines
/// naming it still work). Only the notes out of place are reported: those outside a longest run of
/// first citations in numerical order (one note cited early does not make every later one a finding).
///
/// Each series of notes is checked on its own: notes numbered 1, 2, 3… and notes labelled by letters
/// or symbols (a, b, *, †). Table notes, cited only from inside tables, follow their table and are
/// not checked against the text's notes.
struct NoteOrderChecker: CitationChecker {
    enum Messages {
        static let order = StageMessage("check.notes.order", .warning, "A note is first cited out of numerical order.")
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
        // Each series on its own: numbered notes, and notes labelled otherwise.
        for numbered in [true, false] {
            let series = firstCitations.filter { notes[$0.ref.noteID].map { Int($0.label) != nil } == numbered }
            let positions = series.compactMap { position[$0.ref.noteID] }
            guard positions.count == series.count else { continue }
            let inOrder = Self.longestIncreasing(positions)
            for (i, first) in series.enumerated() where !inOrder.contains(i) {
                guard let note = notes[first.ref.noteID] else { continue }
                let before = i > 0 ? notes[series[i - 1].ref.noteID]?.label : nil
                let after = i + 1 < series.count ? notes[series[i + 1].ref.noteID]?.label : nil
                let place = [before.map { "after note \($0)" }, after.map { "before note \($0)" }].compactMap { $0 }.joined(separator: " and ")
                out.append(Messages.order.diagnostic(
                    "Note \(note.label) is first cited \(place), out of numerical order; notes are numbered in the order they are first cited.",
                    at: first.location, excerpt: note.label, fix: "Renumber the notes in order of first citation.",
                    span: first.ref.span))
            }
        }
        return out
    }

    /// The indices of a longest strictly increasing subsequence of `values` (the notes that are in order;
    /// the others are reported), preferring earlier elements among equally long ones, so that in "2, 1"
    /// the note cited second is the one out of order. O(n log n).
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        // Scanned from the end as a longest decreasing sequence, whose smallest-tail chain is the earliest one.
        let n = values.count
        var tails: [Int] = []          // indices into values, by chain length
        var parent = [Int](repeating: -1, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var lo = 0, hi = tails.count
            while lo < hi { let mid = (lo + hi) / 2; if values[tails[mid]] > values[i] { lo = mid + 1 } else { hi = mid } }
            if lo > 0 { parent[i] = tails[lo - 1] }
            if lo == tails.count { tails.append(i) } else { tails[lo] = i }
        }
        var out = Set<Int>()
        var k = tails.last ?? -1
        while k >= 0 { out.insert(k); k = parent[k] }
        return out
    }
}
