/// Cuts a run of inlines to the part that projects to a UTF-8 range of its ``TextUnit`` text (see
/// ``InlineExtent``), keeping the formatting, links and sources of what is kept.
///
/// - Text and code runs are cut at the range's ends (moved back to a Unicode scalar boundary).
/// - Formatting, cited titles and links keep their kind around the part of their children inside.
/// - A `<q>` quotation wholly inside stays a quotation; one cut by the range becomes its text: the
///   marks the range covers as plain text around the part of its children inside, so the visible
///   text of the slice is exactly the range's text.
/// - Note markers, images and line breaks are kept when the range covers them whole.
///
/// Linear in the size of the run.
public enum InlineSlicer {
    /// The inlines of `list` that project into `range` (UTF-8 byte offsets, 0-based, into the projection).
    public static func slice(_ list: [Inline], _ range: Range<Int>) -> [Inline] {
        slice(list, InlineExtent.of(list), base: 0, range)
    }

    static func slice(_ list: [Inline], _ extents: [InlineExtent], base: Int, _ range: Range<Int>) -> [Inline] {
        var out: [Inline] = []
        var offset = base
        for (node, extent) in zip(list, extents) {
            let start = offset, end = offset + extent.length
            offset = end
            if end <= range.lowerBound && extent.length > 0 { continue }
            if start >= range.upperBound { break }
            if range.lowerBound <= start && end <= range.upperBound {
                out.append(node)
                continue
            }
            switch node {
            case .text(let run):
                let cut = run.slice(scalarFloor(run, range.lowerBound - start)..<scalarFloor(run, range.upperBound - start))
                if !cut.isEmpty { out.append(.text(cut)) }
            case .code(let run):
                let cut = run.slice(scalarFloor(run, range.lowerBound - start)..<scalarFloor(run, range.upperBound - start))
                if !cut.isEmpty { out.append(.code(cut)) }
            case .quotation(let children):
                let open = Inline.quotationMarks.0, close = Inline.quotationMarks.1
                let closeStart = end - close.utf8.count
                if range.lowerBound <= start && start + extent.childOffset <= range.upperBound { out.append(.text(TextRun(open))) }
                out += slice(children, extent.children, base: start + extent.childOffset, range)
                if range.lowerBound <= closeStart && end <= range.upperBound { out.append(.text(TextRun(close))) }
            case .emphasis(let children), .strong(let children), .superscript(let children), .subscript(let children),
                 .citedTitle(let children), .link(_, let children):
                let inside = slice(children, extent.children, base: start + extent.childOffset, range)
                if !inside.isEmpty { out.append(node.withChildren(inside)) }
            case .noteRef, .image, .lineBreak:
                break
            }
        }
        return out
    }

    /// `offset` clamped to the run and moved back to the start of the Unicode scalar it falls in.
    public static func scalarFloor(_ run: TextRun, _ offset: Int) -> Int {
        let bytes = run.string.utf8
        var o = min(max(0, offset), bytes.count)
        while o > 0 && o < bytes.count && bytes[bytes.index(bytes.startIndex, offsetBy: o)] & 0xC0 == 0x80 { o -= 1 }
        return o
    }
}
