import Foundation
import KeiDocument
@testable import KeiXML

/// Checks a parsed document's alignment with its source, independently of the aligner: every sourced
/// origin of every text node must slice back from ``DOMDocument/sourceText`` to its text (verbatim), or to
/// a character reference or line end that decodes to it (non-verbatim); comment spans must hold their
/// comment; element starts must be a `<name`.
struct AlignmentCheck {
    var textNodes = 0
    /// Text nodes whose every byte has a source.
    var fullyAlignedNodes = 0
    /// Bytes of text that are not ASCII whitespace, and how many of them have a source.
    var visibleBytes = 0
    var sourcedVisibleBytes = 0
    var verbatimOrigins = 0
    var referenceOrigins = 0
    var comments = 0
    var commentsWithSpan = 0
    var elements = 0
    var elementsWithStart = 0
    var failures: [String] = []
    /// The first unsourced stretches, for diagnosing.
    var unsourced: [String] = []

    var sourcedPercentage: Double {
        visibleBytes == 0 ? 100 : 100 * Double(sourcedVisibleBytes) / Double(visibleBytes)
    }

    init(_ doc: DOMDocument) {
        let source = Array(doc.sourceText.utf8)
        if let root = doc.root { visit(root, source) }
    }

    private mutating func visit(_ element: DOMElement, _ source: [UInt8]) {
        elements += 1
        if let start = element.sourceStart {
            elementsWithStart += 1
            let name = Array(element.name.utf8)
            let ok = start >= 0 && start + 1 + name.count <= source.count && source[start] == 0x3C
                && zip(source[(start + 1)...], name).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
            if !ok { failures.append("element \(element.name) starts at \(start), which is not its tag") }
        }
        for child in element.children {
            switch child {
            case .element(let e): visit(e, source)
            case .text(let t): check(t.run, source)
            case .comment(let c):
                comments += 1
                if let span = c.span {
                    commentsWithSpan += 1
                    let slice = span.end <= source.count ? String(decoding: source[span.range], as: UTF8.self) : ""
                    if !(slice.hasPrefix("<!--") && (slice == "<!--" + c.text + "-->" || slice == "<!--" + c.text + "--!>")) {
                        failures.append("comment \(c.text.debugDescription) has span \(span) reading \(slice.debugDescription)")
                    }
                }
            }
        }
    }

    private mutating func check(_ run: TextRun, _ source: [UInt8]) {
        textNodes += 1
        let text = Array(run.string.utf8)
        var offset = 0
        var all = true
        for o in run.origins {
            let part = Array(text[offset..<(offset + o.length)])
            let visible = part.filter { !Self.isSpace($0) }.count
            visibleBytes += visible
            defer { offset += o.length }
            guard let span = o.source else {
                all = false
                if visible > 0, unsourced.count < 20 { unsourced.append(String(decoding: part, as: UTF8.self)) }
                continue
            }
            sourcedVisibleBytes += visible
            guard span.start >= 0, span.end <= source.count else {
                failures.append("span \(span) outside the source (\(source.count) bytes)")
                continue
            }
            let slice = Array(source[span.range])
            if o.verbatim {
                verbatimOrigins += 1
                if slice != part {
                    failures.append("verbatim \(String(decoding: part, as: UTF8.self).debugDescription) reads \(String(decoding: slice, as: UTF8.self).debugDescription) at \(span)")
                }
            } else {
                referenceOrigins += 1
                let decoded = Self.decode(slice)
                if decoded != part {
                    failures.append("reference \(String(decoding: slice, as: UTF8.self).debugDescription) at \(span) does not decode to \(String(decoding: part, as: UTF8.self).debugDescription)")
                }
            }
        }
        if all { fullyAlignedNodes += 1 }
    }

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    /// A numeric reference as HTML5 reads it: U+0080–U+009F through windows-1252 (its five holes and DEL
    /// are controls, which the tree holds as U+FFFD).
    static func html5Reference(_ v: UInt32) -> Unicode.Scalar? {
        if v == 0x7F { return "\u{FFFD}" }
        if (0x80...0x9F).contains(v) { return Windows1252.referenceReplacement(v) ?? "\u{FFFD}" }
        return Unicode.Scalar(v)
    }

    /// What a character reference or line end in the source reads as; nil bytes when it is neither.
    static func decode(_ slice: [UInt8]) -> [UInt8]? {
        let s = String(decoding: slice, as: UTF8.self)
        if s == "\r\n" || s == "\r" { return [0x0A] }
        guard s.hasPrefix("&"), s.count >= 3 else { return nil }
        var body = Substring(s.dropFirst())
        let scalar: Unicode.Scalar?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            body = body.dropFirst(2)
            if body.hasSuffix(";") { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy(\.isHexDigit), let v = UInt32(body, radix: 16) else { return nil }
            scalar = Self.html5Reference(v)
        } else if body.hasPrefix("#") {
            body = body.dropFirst()
            if body.hasSuffix(";") { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy(\.isASCII), body.allSatisfy(\.isNumber), let v = UInt32(body) else { return nil }
            scalar = Self.html5Reference(v)
        } else {
            guard body.hasSuffix(";") else { return nil }
            scalar = HTMLEntities.scalar(named: String(body.dropLast()))
        }
        guard let scalar else { return nil }
        return Array(String(Character(scalar)).utf8)
    }
}
