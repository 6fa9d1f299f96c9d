import KeiDocument

/// Marks the stretches of a note paragraph that cite a source (``NoteCitation/range``, UTF-8 byte
/// offsets into the paragraph's ``TextUnit`` text, mapped onto the inlines by ``InlineExtent``) for
/// `<xref ref-type="bibr">`, without adding, dropping or repeating any text.
///
/// JATS 1.3 allows in an `xref` only text, formatting (`italic`, `bold`, `sup`, `sub`, `monospace`…)
/// and a few phrase elements: no `ext-link`, no other `xref` (note markers), no `inline-graphic`; and
/// an `xref` may not stand inside an `ext-link`. So:
/// - the inlines wholly inside one citation that the DTD allows in an `xref` are wrapped in one `xref`;
/// - text and code runs are cut at a citation's ends;
/// - formatting, cited titles and quotations that a citation's end cuts through, or that hold a link, an
///   image or a note marker, are kept whole and their children marked in turn (so the `xref` goes
///   inside the `italic`, and the `italic` is never split);
/// - links, images and note markers are written as they are, outside any `xref`: a citation with a
///   linked URL gives an `xref` before the link and one after it, both to the same `ref`;
/// - a stretch with no letter or digit (the "." after a URL) gets no `xref` of its own;
/// - a citation none of whose stretches could be wrapped (its text is all a link's) gets an empty
///   `<xref ref-type="bibr" rid="…"/>` just after the last inline of it that could not be wrapped (the
///   link), or where it ends, so it still links.
///
/// Citations are taken in order of their start; one that overlaps the one before is cut to start
/// where that one ends. Linear in the size of the paragraph plus the number of citations.
struct JATSCitationLinker {
    /// One citation to link: its range in the unit's text and the `ref` id.
    struct Link: Equatable {
        var range: Range<Int>
        var rid: String
    }

    /// A node of the paragraph with its projected size and whether it may stand inside an `xref`.
    private struct Node {
        var length: Int
        var childOffset: Int
        var wrappable: Bool
        var children: [Node]

        init(_ inline: Inline, _ extent: InlineExtent) {
            length = extent.length
            childOffset = extent.childOffset
            let c = inline.children ?? []
            children = zip(c, extent.children).map { Node($0, $1) }
            switch inline {
            case .text, .code, .lineBreak: wrappable = true
            case .link, .image, .noteRef: wrappable = false
            case .emphasis, .strong, .superscript, .subscript, .citedTitle, .quotation:
                wrappable = children.allSatisfy(\.wrappable)
            }
        }
    }

    private var links: [Link]
    /// Whether each link got an `xref` with text, or its anchor.
    private var linked: [Bool]
    /// Links finished (all their text passed) at the top level, in order.
    private var finished = 0
    /// Where a link's anchor goes if it needs one: the index in the top-level output just after the
    /// last inline of its range that could not be put in an `xref` (a link, an image, a marker).
    private var anchorPositions: [Int: Int] = [:]

    private init(_ links: [Link]) {
        var sorted = links.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }.map(\.element)
        var previousEnd = 0
        for i in sorted.indices {
            let lo = max(sorted[i].range.lowerBound, previousEnd)
            sorted[i].range = lo..<max(lo, sorted[i].range.upperBound)
            previousEnd = sorted[i].range.upperBound
        }
        self.links = sorted
        self.linked = Array(repeating: false, count: sorted.count)
    }

    /// The paragraph's inlines marked for writing; every link in `links` gives at least one `xref`
    /// (with text, or an anchor). The marked content's text is the inlines' text, in order.
    static func link(_ inlines: [Inline], _ links: [Link]) -> [JATSCitedInline] {
        guard !links.isEmpty else { return inlines.map { .inline($0) } }
        var linker = JATSCitationLinker(links)
        let nodes = zip(inlines, InlineExtent.of(inlines)).map { Node($0, $1) }
        var out = linker.mark(inlines, nodes, base: 0, topLevel: true)
        linker.finish(upTo: Int.max, into: &out)
        return out
    }

    /// The index of the first link that could contain `offset` (links are sorted and disjoint).
    private func firstLink(endingAfter offset: Int) -> Int {
        var lo = 0, hi = links.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if links[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The link that holds the whole of `start..<end` (for an empty node: the one whose range holds `start`).
    private func link(holding start: Int, _ end: Int) -> Int? {
        let i = firstLink(endingAfter: start)
        guard i < links.count, links[i].range.lowerBound <= start else { return nil }
        return end <= links[i].range.upperBound ? i : nil
    }

    /// Whether any link overlaps `start..<end`.
    private func overlapsLink(_ start: Int, _ end: Int) -> Bool {
        let i = firstLink(endingAfter: start)
        return i < links.count && links[i].range.lowerBound < end
    }

    private mutating func mark(_ list: [Inline], _ nodes: [Node], base: Int, topLevel: Bool) -> [JATSCitedInline] {
        var out: [JATSCitedInline] = []
        var group: [Inline] = []
        var groupLink: Int?
        func flush(_ out: inout [JATSCitedInline], _ linker: inout JATSCitationLinker) {
            defer { group = []; groupLink = nil }
            guard let g = groupLink, !group.isEmpty else { return }
            if group.plainText.contains(where: { $0.isLetter || $0.isNumber }) {
                let (lead, core, trail) = Self.separated(group)
                out += lead.map { .inline($0) }
                out.append(.xref(rid: linker.links[g].rid, core))
                out += trail.map { .inline($0) }
                linker.linked[g] = true
            } else {
                out += group.map { .inline($0) }
            }
        }
        func add(_ inline: Inline, to link: Int?, _ out: inout [JATSCitedInline], _ linker: inout JATSCitationLinker) {
            if groupLink != link { flush(&out, &linker) }
            if let link {
                groupLink = link
                group.append(inline)
            } else {
                out.append(.inline(inline))
            }
        }
        var offset = base
        for (inline, node) in zip(list, nodes) {
            let start = offset, end = offset + node.length
            offset = end
            if node.wrappable, let k = link(holding: start, end) {
                add(inline, to: k, &out, &self)
            } else if node.length == 0 || !overlapsLink(start, end) {
                add(inline, to: nil, &out, &self)
            } else {
                switch inline {
                case .text(let run), .code(let run):
                    for (piece, k) in cut(run, start: start) {
                        add(inline.isCode ? .code(piece) : .text(piece), to: k, &out, &self)
                    }
                case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .citedTitle(let c), .quotation(let c):
                    flush(&out, &self)
                    out.append(.container(inline, mark(c, node.children, base: start + node.childOffset, topLevel: false)))
                case .link, .image, .noteRef, .lineBreak:
                    add(inline, to: nil, &out, &self)
                }
                if topLevel {
                    var k = firstLink(endingAfter: start)
                    while k < links.count, links[k].range.lowerBound < end {
                        anchorPositions[k] = out.count
                        k += 1
                    }
                }
            }
            if topLevel {
                if let g = groupLink, links[g].range.upperBound <= end { flush(&out, &self) }
                finish(upTo: end, into: &out)
            }
        }
        flush(&out, &self)
        return out
    }

    /// Anchors for the links that end by `offset` and got no `xref` with text.
    private mutating func finish(upTo offset: Int, into out: inout [JATSCitedInline]) {
        while finished < links.count, links[finished].range.upperBound <= offset || offset == Int.max {
            if !linked[finished] {
                out.insert(.anchor(rid: links[finished].rid), at: min(out.count, anchorPositions[finished] ?? out.count))
                linked[finished] = true
            }
            finished += 1
        }
    }

    /// Separators left out of an `xref`: white space at either end, and a comma, semicolon or colon
    /// (with white space) at the end, where they separate the citation from what follows (PMC's style
    /// checker warns on an `xref` ending in a comma).
    static let trailingSeparators: Set<Unicode.Scalar> = [",", ";", ":"]

    /// A group split into the white space before it, its core, and the separators after it (only text
    /// runs at the group's ends are cut; the core keeps at least the group's letters and digits).
    static func separated(_ group: [Inline]) -> (lead: [Inline], core: [Inline], trail: [Inline]) {
        var core = group
        var lead: [Inline] = [], trail: [Inline] = []
        if case .text(let run) = core.first {
            let kept = run.trimmingStart { $0.properties.isWhitespace }
            if kept.utf8Count < run.utf8Count {
                lead = [.text(run.slice(0..<(run.utf8Count - kept.utf8Count)))]
                core[0] = .text(kept)
                if kept.isEmpty { core.removeFirst() }
            }
        }
        if case .text(let run) = core.last {
            let kept = run.trimmingEnd { $0.properties.isWhitespace || trailingSeparators.contains($0) }
            if kept.utf8Count < run.utf8Count {
                trail = [.text(run.slice(kept.utf8Count..<run.utf8Count))]
                core[core.count - 1] = .text(kept)
                if kept.isEmpty { core.removeLast() }
            }
        }
        return (lead, core, trail)
    }

    /// A text run starting at `start` cut at the link ends inside it: each piece with the link that
    /// holds it (nil between links). Cuts are moved back to Unicode scalar boundaries.
    private func cut(_ run: TextRun, start: Int) -> [(TextRun, Int?)] {
        let end = start + run.utf8Count
        var bounds: [(Int, Int?)] = []  // (piece start relative to the run, link)
        var i = firstLink(endingAfter: start)
        var position = 0
        while position < run.utf8Count {
            if i < links.count, links[i].range.lowerBound < end {
                let lo = max(0, links[i].range.lowerBound - start)
                if lo > position { bounds.append((position, nil)); position = lo }
                bounds.append((position, i))
                position = min(run.utf8Count, links[i].range.upperBound - start)
                i += 1
            } else {
                bounds.append((position, nil))
                position = run.utf8Count
            }
        }
        var pieces: [(TextRun, Int?)] = []
        for (n, (lo, link)) in bounds.enumerated() {
            let hi = n + 1 < bounds.count ? bounds[n + 1].0 : run.utf8Count
            let a = InlineSlicer.scalarFloor(run, lo), b = InlineSlicer.scalarFloor(run, hi)
            if a < b { pieces.append((run.slice(a..<b), link)) }
        }
        return pieces
    }
}

private extension Inline {
    var isCode: Bool {
        if case .code = self { return true }
        return false
    }
}
