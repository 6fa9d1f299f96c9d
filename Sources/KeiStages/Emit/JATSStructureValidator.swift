import Foundation
import KeiXML

/// A Swift-side structural check of emitted JATS, independent of `xmllint` and the DTD files.
///
/// Plain XML like the writer's is read straight from its bytes by ``JATSOutlineScanner`` (no tree
/// is built); anything the scanner does not vouch for, including every document that is not
/// well-formed, is parsed with ``MarkupParser/parseXML(_:)`` (no DTD loading, no network), which
/// gives libxml2's error messages. Either way the outline (``JATSOutline``) is checked for:
/// - the document is well-formed;
/// - the root is `article` with `dtd-version="1.3"`;
/// - `front`, `front/journal-meta` (with `journal-id` and `issn`, which the Journal Publishing
///   DTD requires), `front/article-meta` and `article-meta/title-group/article-title` exist;
/// - every `id` is a valid XML name (NCName) and unique;
/// - every token of every `rid` attribute resolves to an `id`;
/// - the children of `article-meta` that the writer emits appear in the DTD's order.
///
/// Empty `<p/>` elements are not reported: the DTD allows them and the writer uses one where the
/// DTD requires a paragraph (an empty list item or note); empty content is for check stages to report.
public enum JATSStructureValidator {
    /// The order the Journal Publishing DTD imposes on `article-meta` children (elements sharing a
    /// rank may interleave). Elements not listed are not order-checked.
    static let articleMetaOrder: [String: Int] = [
        "article-id": 0, "article-version": 1, "article-version-alternatives": 1, "article-categories": 2,
        "title-group": 3, "contrib-group": 4, "aff": 4, "aff-alternatives": 4, "author-notes": 5,
        "pub-date": 6, "pub-date-not-available": 6, "volume": 7, "volume-id": 8, "volume-series": 9,
        "issue": 10, "issue-id": 11, "issue-title": 12, "issue-title-group": 13, "issue-sponsor": 14,
        "issue-part": 15, "volume-issue-group": 16, "isbn": 17, "supplement": 18, "fpage": 19, "lpage": 20,
        "page-range": 21, "elocation-id": 19, "email": 22, "ext-link": 22, "uri": 22, "product": 22,
        "supplementary-material": 22, "history": 23, "pub-history": 24, "permissions": 25, "self-uri": 26,
        "related-article": 27, "related-object": 27, "abstract": 28, "trans-abstract": 29, "kwd-group": 30,
        "funding-group": 31, "support-group": 32, "conference": 33, "counts": 34, "custom-meta-group": 35,
    ]

    /// Problems found in `xml`, each as `line N: message` (empty when the structure is sound).
    public static func validate(_ xml: String) -> [String] {
        if let outline = JATSOutlineScanner.scan(xml) { return check(outline) }
        return validateWithLibXML2(Data(xml.utf8))
    }

    /// Problems found in the XML bytes, each as `line N: message` (empty when the structure is sound).
    ///
    /// Plain, well-formed XML like the writer's is read by ``JATSOutlineScanner`` without building
    /// a tree; anything else (including every document that is not well-formed) is parsed by libxml2.
    public static func validate(data: Data) -> [String] {
        let bytes = [UInt8](data)
        if String(validating: bytes, as: UTF8.self) != nil, let outline = JATSOutlineScanner.scan(bytes) {
            return check(outline)
        }
        return validateWithLibXML2(data)
    }

    /// Parses with libxml2 (no DTD loading, no network) and checks the tree.
    static func validateWithLibXML2(_ data: Data) -> [String] {
        let document = MarkupParser.parseXML(data)
        guard let root = document.root else {
            let errors = document.messages.filter { $0.level != .warning }
            if errors.isEmpty { return ["line 0: not well-formed XML"] }
            return errors.map { "line \($0.line): not well-formed XML: \($0.message)" }
        }
        return check(JATSOutline(root: root))
    }

    /// The structural checks on a well-formed document's outline.
    static func check(_ outline: JATSOutline) -> [String] {
        var problems: [String] = []
        func report(_ line: Int, _ message: String) { problems.append("line \(line): \(message)") }
        guard let root = outline.elements.first else { return ["line 0: not well-formed XML"] }

        if root.name != "article" {
            report(root.line, "the root element is <\(root.name)>, expected <article>")
        }
        if root.dtdVersion != "1.3" {
            report(root.line, "<article> has dtd-version \(root.dtdVersion.map { "\"\($0)\"" } ?? "missing"), expected \"1.3\"")
        }
        let rootChildren = outline.children(of: 0)
        if let front = rootChildren.first(where: { outline.elements[$0].name == "front" }) {
            if let first = rootChildren.first, outline.elements[first].name != "front" {
                report(outline.elements[front].line, "<front> is not the first child of <article>")
            }
            checkFront(front, in: outline, report)
        } else {
            report(root.line, "<article> has no <front>")
        }

        // ids: valid names, unique.
        var firstLine: [String: Int] = [:]
        var references: [(rid: String, element: String, line: Int)] = []
        for el in outline.elements {
            if let id = el.id {
                if !isNCName(id) { report(el.line, "id \"\(id)\" on <\(el.name)> is not a valid XML name") }
                if let first = firstLine[id] {
                    report(el.line, "id \"\(id)\" on <\(el.name)> is already used at line \(first)")
                } else {
                    firstLine[id] = el.line
                }
            }
            if let rid = el.rid {
                let tokens = rid.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                if tokens.isEmpty { report(el.line, "<\(el.name)> has an empty rid") }
                for t in tokens { references.append((String(t), el.name, el.line)) }
            }
        }
        for r in references where firstLine[r.rid] == nil {
            report(r.line, "<\(r.element)> rid \"\(r.rid)\" does not match any id")
        }
        return problems
    }

    private static func checkFront(_ front: Int, in outline: JATSOutline, _ report: (Int, String) -> Void) {
        let elements = outline.elements
        let children = outline.children(of: front)
        if let journalMeta = children.first(where: { elements[$0].name == "journal-meta" }) {
            let names = outline.children(of: journalMeta).map { elements[$0].name }
            if !names.contains("journal-id") { report(elements[journalMeta].line, "<journal-meta> has no <journal-id>") }
            if !names.contains("issn") { report(elements[journalMeta].line, "<journal-meta> has no <issn>") }
        } else {
            report(elements[front].line, "<front> has no <journal-meta>")
        }
        guard let articleMeta = children.first(where: { elements[$0].name == "article-meta" }) else {
            report(elements[front].line, "<front> has no <article-meta>")
            return
        }
        let metaChildren = outline.children(of: articleMeta)
        if let titleGroup = metaChildren.first(where: { elements[$0].name == "title-group" }) {
            if outline.children(of: titleGroup).first.map({ elements[$0].name }) != "article-title" {
                report(elements[titleGroup].line, "<title-group> does not start with <article-title>")
            }
        } else {
            report(elements[articleMeta].line, "<article-meta> has no <title-group> (required, with <article-title>)")
        }
        var lastRank = -1
        var lastName = ""
        for child in metaChildren {
            let name = elements[child].name
            guard let rank = articleMetaOrder[name] else { continue }
            if rank < lastRank {
                report(elements[child].line, "<\(name)> comes after <\(lastName)> in <article-meta>; the DTD wants it before")
            } else {
                lastRank = rank
                lastName = name
            }
        }
    }

    /// Whether `s` is an XML NCName (a name without a colon).
    static func isNCName(_ s: String) -> Bool {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: letters or `_` first, then letters, digits, `_`, `-`, `.`.
            guard let first = s.utf8.first else { return false }
            guard isASCIILetter(first) || first == UInt8(ascii: "_") else { return false }
            return s.utf8.dropFirst().allSatisfy { isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39)
                || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        }
        guard let first = s.first else { return false }
        guard first.isLetter || first == "_" else { return false }
        for c in s.dropFirst() {
            if !(c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "\u{00B7}"
                 || c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark
                                                  || $0.properties.generalCategory == .spacingMark })) {
                return false
            }
        }
        return true
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
