import KeiDocument

/// Writes text runs as HTML with every ``ProofMark`` that covers part of them wrapped in `<mark>`.
///
/// In: a ``TextRun`` (its origins say which source bytes each stretch of text came from) and the marks
/// (source spans). Out: escaped HTML in which each mark's part of the run is wrapped in
/// `<mark class="d …" data-d="…">`. A verbatim origin maps byte for byte; an origin that is not verbatim
/// (an entity, collapsed white space, a fix's replacement) is marked whole when its source overlaps the
/// mark. Ranges are widened to Unicode scalar boundaries. Overlapping marks are nested, and a mark that
/// crosses another is closed and reopened around it, so the HTML is always well-formed; the first
/// fragment of each mark in the page gets `id=anchor`, and a badge linking to the side panel follows it.
/// A mark spanning two runs (two blocks, or text in and out of a link) gets one fragment per run.
struct ProofMarker {
    let marks: [ProofMark]
    /// Anchors already given to a fragment (ids are unique in the page).
    private(set) var placed: [String] = []
    private var placedSet: Set<String> = []
    /// Inside a link, badges are not links themselves (HTML forbids nested links).
    var linkDepth = 0

    init(marks: [ProofMark]) {
        self.marks = marks.filter { !$0.span.isEmpty }
    }

    /// Whether the mark with `anchor` was placed in the text written so far.
    func wasPlaced(_ anchor: String) -> Bool { placedSet.contains(anchor) }

    /// The run as HTML, with its marks.
    mutating func html(_ run: TextRun) -> String {
        let ranges = Self.ranges(of: marks, in: run)
        let bytes = Array(run.string.utf8)
        guard !ranges.isEmpty else { return ProofHTML.text(run.string) }
        var cuts = Set([0, bytes.count])
        for (_, r) in ranges { cuts.insert(r.lowerBound); cuts.insert(r.upperBound) }
        let points = cuts.sorted()
        var out = ""
        var open: [(index: Int, first: Bool)] = []     // indices into `ranges`, outermost first
        for k in 0..<(points.count - 1) {
            let a = points[k], b = points[k + 1]
            let active = ranges.indices.filter { ranges[$0].1.lowerBound <= a && ranges[$0].1.upperBound >= b }
                .sorted { x, y in
                    let (rx, ry) = (ranges[x].1, ranges[y].1)
                    return rx.lowerBound != ry.lowerBound ? rx.lowerBound < ry.lowerBound
                        : rx.upperBound != ry.upperBound ? rx.upperBound > ry.upperBound : x < y
                }
            var keep = 0
            while keep < open.count, keep < active.count, open[keep].index == active[keep] { keep += 1 }
            while open.count > keep {
                let f = open.removeLast()
                out += close(ranges[f.index].0, first: f.first)
            }
            for i in active[keep...] {
                let (tag, first) = openTag(ranges[i].0)
                out += tag
                open.append((i, first))
            }
            out += ProofHTML.text(String(decoding: bytes[a..<b], as: UTF8.self))
        }
        while let f = open.popLast() { out += close(ranges[f.index].0, first: f.first) }
        return out
    }

    private mutating func openTag(_ m: ProofMark) -> (String, Bool) {
        var tag = "<mark class=\"\(ProofHTML.attribute(m.classes))\" data-d=\"\(ProofHTML.attribute(m.anchor))\""
        if !m.rule.isEmpty { tag += " data-rule=\"\(ProofHTML.attribute(m.rule))\"" }
        let first = placedSet.insert(m.anchor).inserted
        if first {
            placed.append(m.anchor)
            tag += " id=\"\(ProofHTML.attribute(m.anchor))\""
        }
        return (tag + ">", first)
    }

    /// The end tag of a fragment; after the first fragment of a mark, its numbered badge (a link to the
    /// side panel's entry `p-ANCHOR`, or plain text inside a link of the article).
    private func close(_ m: ProofMark, first: Bool) -> String {
        guard first else { return "</mark>" }
        let classes = ProofHTML.attribute("badge " + m.classes)
        let label = ProofHTML.text(m.label)
        if linkDepth > 0 { return "</mark><sup class=\"\(classes)\">\(label)</sup>" }
        return "</mark><a class=\"\(classes)\" href=\"#p-\(ProofHTML.attribute(m.anchor))\">\(label)</a>"
    }

    /// Each mark's range in the run (UTF-8 offsets, on scalar boundaries), in the marks' order; marks
    /// that do not touch the run are left out.
    static func ranges(of marks: [ProofMark], in run: TextRun) -> [(ProofMark, Range<Int>)] {
        var starts: [(Int, TextOrigin)] = []
        var offset = 0
        for o in run.origins {
            starts.append((offset, o))
            offset += o.length
        }
        // Only marks that meet the run's source stretch can touch it (one comparison per mark).
        guard let whole = run.span else { return [] }
        let utf8 = Array(run.string.utf8)
        var out: [(ProofMark, Range<Int>)] = []
        for m in marks where m.span.start < whole.end && whole.start < m.span.end {
            var lo: Int?, hi: Int?
            for (at, o) in starts {
                guard let s = o.source, s.start < m.span.end, m.span.start < s.end || (s.isEmpty && m.span.contains(s.start)) else { continue }
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
