import KeiDocument

/// One pass over the decoded source, reading it as libxml2 tokenizes it (``HTMLSourceScanner``), that
/// measures what the parsed tree must hold and finds what no tree will show:
/// - ``letters``: the letters and digits of the visible text (outside markup, comments, `script` and
///   `style`; character references are not counted), to compare with the tree's (``letterCount(of:)``);
/// - ``controlReferences``: numeric character references to characters HTML text cannot hold (controls,
///   surrogates, values past U+10FFFF, the windows-1252 holes 0x81, 0x8D, 0x8F, 0x90, 0x9D), which
///   libxml2 drops or which become U+FFFD, in text and attribute values;
/// - ``hidden``: a comment, a `script`/`style`, an element browsers read as raw text (`textarea`, `title`,
///   `iframe`, `noembed`, `noframes`), an element whose content ingest leaves out (`noscript`, `template`,
///   `select`, `object`, `svg`, `math`) never closed, or a start tag whose attribute quote is never
///   closed, whose rest of the page holds markup and text.
struct SourceSurvey {
    private(set) var letters = 0
    private(set) var controlReferences = ReplacedCharacters()
    private(set) var hidden: [ReadingStop] = []

    private let scanner: HTMLSourceScanner

    init(_ source: UnsafeBufferPointer<UInt8>) {
        scanner = HTMLSourceScanner(source)
        letters = walk(0..<source.count, top: true, stopAfter: nil).letters
    }

    /// The offset of the first visible letter after the first `count` (where text that is missing from
    /// the tree starts, when the tree lost the rest of the page); nil when the source has no more.
    func offset(afterLetters count: Int) -> Int? {
        var copy = self
        return copy.walk(0..<scanner.count, top: false, stopAfter: count).stop
    }

    /// Counts the visible letters and the tags in `range`; at the top level records references and hidden
    /// content. With `stopAfter`, returns as soon as that many letters were passed, with the next
    /// letter's offset as `stop`.
    private mutating func walk(_ range: Range<Int>, top: Bool, stopAfter: Int?) -> (letters: Int, tags: Int, stop: Int?) {
        let b = scanner.bytes
        var count = 0
        var tags = 0
        var p = range.lowerBound
        let n = range.upperBound
        while p < n {
            let c = b[p]
            if c == 0x3C, let m = scanner.markup(at: p) {
                switch m.kind {
                case .startTag:
                    tags += 1
                    if top {
                        _ = scanner.startTag(at: p) { _, value in
                            if let value { self.attributeReferences(value) }
                        }
                    }
                    if scanner.isRawTextStartTag(at: p, nameEnd: m.nameEnd) {
                        let end = scanner.rawTextEnd(from: m.end, tag: p, nameEnd: m.nameEnd)
                        if top, end == scanner.count {
                            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(p + 1)..<m.nameEnd]), as: UTF8.self).lowercased()
                            hide(.unterminatedRawText, opening: p..<m.end, rest: m.end..<end, detail: name)
                        }
                        p = max(end, m.end)
                        continue
                    }
                    if top, let (kind, name) = unclosedHidingElement(at: p, nameEnd: m.nameEnd, from: m.end) {
                        hide(kind, opening: p..<m.end, rest: m.end..<scanner.count, detail: name)
                    }
                    if top, m.end == scanner.count {
                        // A quote never closed: the rest of the page is an attribute value.
                        let name = String(decoding: UnsafeBufferPointer(rebasing: b[(p + 1)..<m.nameEnd]), as: UTF8.self).lowercased()
                        hide(.unterminatedTag, opening: p..<m.nameEnd, rest: m.nameEnd..<m.end, detail: name)
                    }
                case .endTag:
                    tags += 1
                case .unterminatedComment:
                    if top { hide(.unterminatedComment, opening: p..<min(p + 4, n), rest: min(p + 4, n)..<n, detail: "comment") }
                default:
                    break
                }
                p = max(m.end, p + 1)
                continue
            }
            if c == 0x26 {
                switch scanner.reference(at: p, lookup: { HTMLEntities.value(of: $0) }) {
                case .literal:
                    p += 1
                case .dropped(let end):
                    if top { controlReferences.record(SourceSpan(start: p, end: end)) }
                    p = end
                case .scalar(let value, let end):
                    if top, MarkupParser.referenceValue(value) == 0xFFFD, value != 0xFFFD {
                        controlReferences.record(SourceSpan(start: p, end: end))
                    }
                    p = end
                }
                continue
            }
            if Self.isLetterStart(c) {
                if let stopAfter, count == stopAfter { return (count, tags, p) }
                count += 1
            }
            p += 1
        }
        return (count, tags, nil)
    }

    /// Elements whose content browsers read as raw text up to their end tag, which libxml2 parses as
    /// markup (and ingest leaves out): never closed, they hide the rest of the page. (`xmp` is not one:
    /// ingest keeps its content as preformatted text.)
    private static let rawTextInBrowsers: [StaticString] = ["textarea", "title", "iframe", "noembed", "noframes"]

    /// Elements whose content libxml2 parses as markup and ingest leaves out (not rendered, or foreign
    /// content): never closed, libxml2 puts the rest of the page inside them.
    private static let unrenderedContainers: [StaticString] = ["noscript", "template", "select", "object", "svg", "math"]

    /// The kind of stop and the name of the element whose start tag is at `p` when it is one of
    /// ``rawTextInBrowsers`` or ``unrenderedContainers`` and no end tag for it follows.
    private func unclosedHidingElement(at p: Int, nameEnd: Int, from end: Int) -> (ReadingStop.Kind, String)? {
        let name = (p + 1)..<nameEnd
        let kind: ReadingStop.Kind
        let match: StaticString
        if let raw = Self.rawTextInBrowsers.first(where: { scanner.equalsIgnoringCase(name, $0) }) {
            (kind, match) = (.unterminatedRawText, raw)
        } else if let container = Self.unrenderedContainers.first(where: { scanner.equalsIgnoringCase(name, $0) }) {
            (kind, match) = (.unterminatedElement, container)
        } else {
            return nil
        }
        return scanner.rawTextEnd(from: end, tag: p, nameEnd: nameEnd) == scanner.count ? (kind, match.description) : nil
    }

    /// Records control references in an attribute value.
    private mutating func attributeReferences(_ value: Range<Int>) {
        let b = scanner.bytes
        var p = value.lowerBound
        while p < value.upperBound {
            guard b[p] == 0x26 else { p += 1; continue }
            switch scanner.reference(at: p, lookup: { HTMLEntities.value(of: $0) }) {
            case .literal:
                p += 1
            case .dropped(let end):
                controlReferences.record(SourceSpan(start: p, end: end))
                p = end
            case .scalar(let v, let end):
                if MarkupParser.referenceValue(v) == 0xFFFD, v != 0xFFFD { controlReferences.record(SourceSpan(start: p, end: end)) }
                p = end
            }
        }
    }

    /// Records `rest` as hidden by the markup at `opening` when it holds page markup with visible text.
    private mutating func hide(_ kind: ReadingStop.Kind, opening: Range<Int>, rest: Range<Int>, detail: String) {
        var inner = self
        let (lost, tags, _) = inner.walk(rest, top: false, stopAfter: nil)
        if lost > 0, tags > 0 {
            hidden.append(ReadingStop(kind: kind, span: SourceSpan(opening), lostLetters: lost, detail: detail))
        }
    }

    /// Whether the byte starts a letter or digit as counted here: an ASCII letter or digit, or the lead
    /// byte of a non-ASCII character.
    @inline(__always) static func isLetterStart(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c >= 0xC0
    }

    /// The letters and digits (as ``isLetterStart(_:)`` counts them) of the text of `root`, leaving out
    /// `script` and `style`.
    static func letterCount(of root: DOMElement) -> Int {
        var count = 0
        var stack: [DOMElement] = [root]
        while let e = stack.popLast() {
            if e.name == "script" || e.name == "style" { continue }
            for child in e.children {
                switch child {
                case .element(let c): stack.append(c)
                case .text(let t): for c in t.value.utf8 where isLetterStart(c) { count += 1 }
                case .comment: break
                }
            }
        }
        return count
    }
}
