import KeiDocument

/// Writes text runs as HTML with every ``ProofMark`` that covers part of them wrapped in `<mark>`.
///
/// In: a ``TextRun`` (its origins say which source bytes each stretch of text came from) and the marks
/// (source spans). Out: escaped HTML in which each mark's part of the run is wrapped in
/// `<mark class="d …" data-d="…">`. A verbatim origin maps byte for byte; an origin that is not verbatim
/// (an entity, collapsed white space, a fix's replacement) is marked whole when its source overlaps the
/// mark. Ranges are widened to Unicode scalar boundaries. Overlapping marks are nested, and a mark that
/// crosses another is closed and reopened around it, so the HTML is always well-formed; the first
/// fragment of each mark in the page gets `id=anchor`, and a badge linking to the side panel follows the
/// fragment that ends the mark (or the block, ``flushBadges()``, when the mark's end is not in its runs).
/// A mark spanning two runs (two blocks, or text in and out of a link) gets one fragment per run.
struct ProofMarker {
    let marks: [ProofMark]
    /// The marks' spans, for finding those that meet a run without looking at every mark.
    private let index: ProofIntervalIndex
    /// Anchors already given to a fragment (ids are unique in the page).
    private(set) var placed: [String] = []
    private var placedSet: Set<String> = []
    /// Inside a link, badges are not links themselves (HTML forbids nested links).
    var linkDepth = 0
    /// Marks whose first fragment is written but whose badge is not: it follows the mark's end.
    private var unbadged: [ProofMark] = []

    init(marks: [ProofMark]) {
        self.marks = marks.filter { !$0.span.isEmpty }
        index = ProofIntervalIndex(self.marks.map { ($0.span.start, $0.span.end) })
    }

    /// Whether the mark with `anchor` was placed in the text written so far.
    func wasPlaced(_ anchor: String) -> Bool { placedSet.contains(anchor) }

    /// The run as HTML, with its marks. One sweep over the cut points: O((n + m) log m) for a run of n
    /// bytes meeting m marks (plus the tags written when marks cross).
    mutating func html(_ run: TextRun) -> String {
        guard let whole = run.span else { return ProofHTML.text(run.string) }
        let ranges = Self.ranges(of: index.overlapping(whole.start, whole.end).map { marks[$0] }, in: run)
        let bytes = Array(run.string.utf8)
        guard !ranges.isEmpty else { return ProofHTML.text(run.string) }
        var cuts = Set([0, bytes.count])
        for (_, r) in ranges { cuts.insert(r.lowerBound); cuts.insert(r.upperBound) }
        let points = cuts.sorted()
        // Ranges by start; among those starting together, the longer first (it encloses), then mark order.
        let byStart = ranges.indices.sorted { x, y in
            let (rx, ry) = (ranges[x].1, ranges[y].1)
            return rx.lowerBound != ry.lowerBound ? rx.lowerBound < ry.lowerBound
                : rx.upperBound != ry.upperBound ? rx.upperBound > ry.upperBound : x < y
        }
        var next = 0
        var active: [Int] = []                         // ranges covering the current segment, outermost first
        var out = ""
        var open: [Int] = []     // indices into `ranges`, outermost first
        for k in 0..<(points.count - 1) {
            let a = points[k], b = points[k + 1]
            // Every range starts and ends at a cut point: drop those ending here, add those starting here
            // (they start after every active one, so appending keeps the order).
            if active.contains(where: { ranges[$0].1.upperBound <= a }) { active.removeAll { ranges[$0].1.upperBound <= a } }
            while next < byStart.count, ranges[byStart[next]].1.lowerBound <= a {
                if ranges[byStart[next]].1.upperBound > a { active.append(byStart[next]) }
                next += 1
            }
            var keep = 0
            while keep < open.count, keep < active.count, open[keep] == active[keep] { keep += 1 }
            while open.count > keep {
                let f = open.removeLast()
                out += close(ranges[f].0, endsHere: ranges[f].1.upperBound == a && endsInRun(ranges[f].0))
            }
            for i in active[keep...] {
                out += openTag(ranges[i].0)
                open.append(i)
            }
            out += ProofHTML.text(String(decoding: bytes[a..<b], as: UTF8.self))
        }
        while let f = open.popLast() {
            out += close(ranges[f].0, endsHere: ranges[f].1.upperBound == bytes.count && endsInRun(ranges[f].0))
        }
        return out

        func endsInRun(_ m: ProofMark) -> Bool { m.span.end <= whole.end }
    }

    /// The badges of the marks begun but not ended in the text written so far (a mark whose end is not
    /// in a text run, or that runs on into the next block); the renderer writes them at the end of a block.
    mutating func flushBadges() -> String {
        defer { unbadged.removeAll() }
        return unbadged.map(badge).joined()
    }

    private mutating func openTag(_ m: ProofMark) -> String {
        var tag = "<mark class=\"\(ProofHTML.attribute(m.classes))\" data-d=\"\(ProofHTML.attribute(m.anchor))\""
        if !m.rule.isEmpty { tag += " data-rule=\"\(ProofHTML.attribute(m.rule))\"" }
        let first = placedSet.insert(m.anchor).inserted
        if first {
            placed.append(m.anchor)
            unbadged.append(m)
            tag += " id=\"\(ProofHTML.attribute(m.anchor))\""
        }
        return tag + ">"
    }

    /// The end tag of a fragment; after the fragment that ends the mark, its numbered badge (so a mark
    /// over `a <em>b</em> c` has its badge after `c`, not inside `<em>`).
    private mutating func close(_ m: ProofMark, endsHere: Bool) -> String {
        guard endsHere, let k = unbadged.firstIndex(where: { $0.anchor == m.anchor }) else { return "</mark>" }
        unbadged.remove(at: k)
        return "</mark>" + badge(m)
    }

    /// A mark's numbered badge: a link to the side panel's entry `p-ANCHOR`, or plain text inside a link
    /// of the article.
    private func badge(_ m: ProofMark) -> String {
        let classes = ProofHTML.attribute("badge " + m.classes)
        let label = ProofHTML.text(m.label)
        if linkDepth > 0 { return "<sup class=\"\(classes)\">\(label)</sup>" }
        return "<a class=\"\(classes)\" href=\"#p-\(ProofHTML.attribute(m.anchor))\">\(label)</a>"
    }

    /// Each mark's range in the run (UTF-8 offsets, on scalar boundaries), in the marks' order; marks
    /// that do not touch the run are left out.
    static func ranges(of marks: [ProofMark], in run: TextRun) -> [(ProofMark, Range<Int>)] {
        guard let whole = run.span else { return [] }
        var starts: [(Int, TextOrigin)] = []
        var offset = 0
        for o in run.origins {
            starts.append((offset, o))
            offset += o.length
        }
        // The origins' source stretches, indexed; an empty one stands for its point (a mark containing it meets it).
        let sourced = starts.indices.filter { starts[$0].1.source != nil }
        let origins = ProofIntervalIndex(sourced.map { k in
            let s = starts[k].1.source!
            return (s.start, s.isEmpty ? s.start + 1 : s.end)
        })
        let utf8 = Array(run.string.utf8)
        var out: [(ProofMark, Range<Int>)] = []
        for m in marks where m.span.start < whole.end && whole.start < m.span.end {
            var lo: Int?, hi: Int?
            for j in origins.overlapping(m.span.start, m.span.end) {
                let (at, o) = starts[sourced[j]]
                let s = o.source!
                let a: Int, b: Int
                if o.verbatim {
                    a = at + max(0, m.span.start - s.start)
                    b = at + min(o.length, m.span.end - s.start)
                } else {
                    a = at
                    b = at + o.length
                }
                lo = min(lo ?? a, a)
                hi = max(hi ?? b, b)
            }
            guard var a = lo, var b = hi, a < b else { continue }
            while a > 0, a < utf8.count, utf8[a] & 0xC0 == 0x80 { a -= 1 }
            while b < utf8.count, utf8[b] & 0xC0 == 0x80 { b += 1 }
            out.append((m, a..<b))
        }
        return out
    }
}
