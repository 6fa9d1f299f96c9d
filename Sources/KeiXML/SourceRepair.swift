import KeiDocument

/// Rewrites the few constructs that libxml2 reads so differently from browsers that page text is lost,
/// into markup it reads as browsers do. Runs on the decoded text before it becomes the source
/// (``DOMDocument/sourceText``), so every ``SourceSpan`` points into the repaired text; spans found
/// before the repair (the decoder's) are moved with ``map(_:)``.
/// - A numeric reference in an attribute value to a character that is no XML character (`&#0;`, `&#2;`,
///   `&#xD800;`, …): libxml2 writes a NUL for it and the value ends there (`content="Real &#2;Title"`
///   reads “Real”). HTML5 reads it as U+FFFD (or the control, which HTML text cannot hold); it becomes
///   `&#xFFFD;` and is counted in ``attributeReferences``. In text, libxml2 drops such a reference and
///   reads on, so text is left alone.
/// - An abruptly closed empty comment, `<!-->` or `<!--->`: HTML5 ends the comment there, libxml2 reads on
///   to the next `-->` and hides everything in between; it becomes `<!---->`.
struct SourceRepair {
    /// One rewrite: `length` bytes at `start` (in the text before the repair) became `&#xFFFD;` (a
    /// reference) or `<!---->`.
    private struct Edit {
        var start: Int
        var length: Int
        var isReference: Bool

        var replacement: StaticString { isReference ? "&#xFFFD;" : "<!---->" }
    }

    private var edits: [Edit] = []
    /// The references rewritten in attribute values, with their spans in the repaired text.
    private(set) var attributeReferences = ReplacedCharacters()

    /// Repairs `text` (valid UTF-8) in place.
    init(_ text: inout [UInt8]) {
        text.withUnsafeBufferPointer { findEdits(HTMLSourceScanner($0)) }
        guard !edits.isEmpty else { return }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 8 * edits.count)
        var i = 0
        for edit in edits {
            out.append(contentsOf: text[i..<edit.start])
            if edit.isReference {
                attributeReferences.record(SourceSpan(start: out.count, end: out.count + edit.replacement.utf8CodeUnitCount))
            }
            edit.replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            i = edit.start + edit.length
        }
        out.append(contentsOf: text[i...])
        text = out
    }

    /// Where the offset `offset` of the text before the repair stands in the repaired text.
    func map(_ offset: Int) -> Int {
        var shifted = offset
        for edit in edits {
            guard edit.start < offset else { break }
            shifted += edit.replacement.utf8CodeUnitCount - edit.length
        }
        return shifted
    }

    /// ``map(_:)`` for a span.
    func map(_ span: SourceSpan?) -> SourceSpan? {
        span.map { SourceSpan(start: map($0.start), end: map($0.end)) }
    }

    /// The span in the repaired text of each of `characters`' spans.
    func map(_ characters: ReplacedCharacters) -> ReplacedCharacters {
        ReplacedCharacters(count: characters.count, first: map(characters.first))
    }

    /// Walks the source as libxml2 tokenizes it, collecting the edits in source order.
    private mutating func findEdits(_ scanner: HTMLSourceScanner) {
        let b = scanner.bytes
        let n = b.count
        var p = scanner.find(0x3C, from: 0)
        while p < n {
            guard let m = scanner.markup(at: p) else { p = scanner.find(0x3C, from: p + 1); continue }
            var next = max(m.end, p + 1)
            switch m.kind {
            case .startTag:
                _ = scanner.startTag(at: p) { _, value in
                    if let value { self.attributeEdits(value, scanner) }
                }
                if scanner.isRawTextStartTag(at: p, nameEnd: m.nameEnd) {
                    next = max(scanner.rawTextEnd(from: m.end, tag: p, nameEnd: m.nameEnd), m.end)
                }
            case .comment, .unterminatedComment:
                // `<!-->` or `<!--->`: libxml2 looks for `-->` only from the byte after `<!--`.
                let dashes = p + 4 < n && b[p + 4] == 0x2D ? 1 : 0
                if p + 4 + dashes < n, b[p + 4 + dashes] == 0x3E {
                    edits.append(Edit(start: p, length: 5 + dashes, isReference: false))
                    next = p + 5 + dashes
                }
            default:
                break
            }
            p = scanner.find(0x3C, from: next)
        }
    }

    /// The edits for the references in the attribute value `value` that libxml2 would end it at.
    private mutating func attributeEdits(_ value: Range<Int>, _ scanner: HTMLSourceScanner) {
        var p = value.lowerBound
        while p < value.upperBound {
            // Only within the value: a search to the end of the page for each attribute is quadratic
            // (1.2 million `id` attributes and no `&`: hours).
            p = scanner.find(0x26, from: p, before: value.upperBound)
            guard p < value.upperBound else { return }
            if case .dropped(let end) = scanner.reference(at: p, lookup: { HTMLEntities.value(of: $0) }) {
                let end = min(end, value.upperBound)
                edits.append(Edit(start: p, length: end - p, isReference: true))
                p = end
            } else {
                p += 1
            }
        }
    }
}
