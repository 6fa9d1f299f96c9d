import KeiCitations
import KeiCore
import KeiDocument

/// Checks where note markers stand (Chicago Manual of Style, 17th ed., 14.26–14.27):
///
/// - a note number follows any punctuation but a dash: a marker (or a run of markers, "¹,²") directly
///   before a period, comma, semicolon, colon, question or exclamation mark or closing quotation mark is
///   flagged, with a safe fix that moves the punctuation before the marker (inside a closing quotation
///   mark for a period or comma, CMOS 6.9) when both characters are the source's own, one for one;
/// - a numbered marker does not go in a heading or the title (a symbol note, "*", may).
///
/// The span is the marker.
struct MarkerPlacementChecker: CitationChecker {
    enum Messages {
        static let beforePunctuation = StageMessage("check.citations.marker-before-punctuation", .warning,
            "A note marker stands before punctuation; a note number follows punctuation (except a dash).")
        static let inHeading = StageMessage("check.citations.marker-in-heading", .warning,
            "A numbered note marker in a heading or the title.")
    }

    static let messages = [Messages.beforePunctuation, Messages.inHeading]

    /// The punctuation a marker must follow (ASCII), and the closing quotation marks.
    static let punctuation: Set<UInt8> = Set(".,;:?!".utf8)
    static let closingQuotes = ["”", "’", "»"]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        var collector = NoteOrderChecker.MarkerCollector()
        ArticleWalker.walk(input.article, with: &collector)
        var labels: [SourceSpan: String] = [:]
        for m in collector.markers { if let s = m.ref.span { labels[s] = m.ref.label } }
        var out: [Diagnostic] = []
        for unit in input.analysis.units {
            let markers = unit.scopes.filter { $0.kind == .noteMarker }
            guard !markers.isEmpty else { continue }
            let bytes = Array(unit.text.string.utf8)
            if [.heading, .title, .subtitle].contains(unit.scope) {
                for m in markers {
                    let label = unit.span(of: m.range).flatMap { labels[$0] }
                    guard label.map({ Int($0) != nil }) ?? true else { continue }
                    out.append(Messages.inHeading.diagnostic(
                        "Note marker \(label ?? "") is in the heading “\(unit.text.string.replacingOccurrences(of: "\u{FFFC}", with: ""))”; note numbers do not go in titles or subheads (CMOS 17th ed., 14.27).",
                        at: unit.location, excerpt: label,
                        fix: "Move the marker to the text the note is about, or make it an unnumbered note to the section.",
                        span: unit.span(of: m.range)))
                }
            }
            var i = 0
            while i < markers.count {
                var end = markers[i].range.upperBound
                var j = i
                // A run of markers, directly adjacent or separated by commas ("¹,²").
                while j + 1 < markers.count {
                    let next = markers[j + 1].range.lowerBound
                    if next == end || (next == end + 1 && bytes[end] == UInt8(ascii: ",")) { j += 1; end = markers[j].range.upperBound } else { break }
                }
                if let d = misplaced(unit, bytes: bytes, first: markers[i].range, end: end, labels: labels) { out.append(d) }
                i = j + 1
            }
        }
        return out
    }

    /// The diagnostic for the markers from `first` to `end` when punctuation follows them directly.
    func misplaced(_ unit: TextUnit, bytes: [UInt8], first: Range<Int>, end: Int, labels: [SourceSpan: String]) -> Diagnostic? {
        guard first.lowerBound > 0, end < bytes.count, !Self.isSpace(bytes[first.lowerBound - 1]) else { return nil }
        let rest = unit.string(of: end..<min(bytes.count, end + 4))
        var mark: String
        if Self.punctuation.contains(bytes[end]) {
            mark = String(UnicodeScalar(bytes[end]))
            let after = end + 1 < bytes.count ? bytes[end + 1] : UInt8(ascii: " ")
            // An ellipsis, a decimal or an address goes on: not sentence punctuation.
            guard after != bytes[end], Self.isSpace(after) || after >= 0x80 || after == UInt8(ascii: ")") || end + 1 == bytes.count
                  || (after == 0xEF && unit.scopes(at: end + 1).contains(.noteMarker)) else { return nil }
        } else if let q = Self.closingQuotes.first(where: { rest.hasPrefix($0) }), q == "”" || q == "»" {
            mark = q
        } else {
            return nil
        }
        let markRange = end..<(end + mark.utf8.count)
        let markerSpan = unit.span(of: first.lowerBound..<end)
        let label = unit.span(of: first).flatMap { labels[$0] } ?? ""
        // The character before the markers, to put the punctuation after.
        var p = first.lowerBound - 1
        while p > 0, bytes[p] & 0xC0 == 0x80 { p -= 1 }
        let previous = p..<first.lowerBound
        let previousText = unit.string(of: previous)
        var edits: [TextEdit] = []
        if let a = unit.exactSpan(of: previous), let b = unit.exactSpan(of: markRange), unit.isVerbatim(previous), unit.isVerbatim(markRange),
           !unit.scopes(at: p).contains(.noteMarker), !unit.scopes(at: p).contains(.image) {
            let inside = Self.closingQuotes.contains(previousText) && (mark == "." || mark == ",")
            edits = [TextEdit(span: a, replacement: inside ? mark + previousText : previousText + mark, isSafe: true),
                     TextEdit(span: b, replacement: "", isSafe: true)]
        }
        return Messages.beforePunctuation.diagnostic(
            "Note marker \(label) stands before “\(mark)”; a note number follows punctuation, except a dash (CMOS 17th ed., 14.26).",
            at: unit.location, excerpt: label, fix: "Move the marker after the “\(mark)”.", span: markerSpan, edits: edits)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}
