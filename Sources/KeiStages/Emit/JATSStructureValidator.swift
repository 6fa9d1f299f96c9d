import Foundation
import KeiXML

/// A Swift-side structural check of JATS XML, independent of `xmllint` and the DTD files.
///
/// The XML is parsed with ``MarkupParser/parseXML(_:)`` (libxml2; no DTD loading, no network) and
/// the tree is checked for:
/// - the document is well-formed;
/// - the root is `article` with `dtd-version="1.3"`;
/// - `front`, `front/journal-meta` (with `journal-id` and `issn`, which the Journal Publishing
///   DTD requires), `front/article-meta` and `article-meta/title-group/article-title` exist;
/// - every `id` is a valid XML name (NCName) and unique;
/// - every token of every `rid` attribute resolves to an `id`;
/// - the children of `article-meta` that the writer emits appear in the DTD's order.
///
/// ``JATSWriter`` produces all of this by construction (ids from ``JATSIDAllocator``, `rid`s only
/// to notes and affiliations it writes, `article-meta` children in the DTD's order); the tests run
/// this check and the DTD over its output, and `emit.jats` runs it when its `validate` option is on.
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
        validate(data: Data(xml.utf8))
    }

    /// Problems found in the XML bytes, each as `line N: message` (empty when the structure is sound).
    public static func validate(data: Data) -> [String] {
        let document = MarkupParser.parseXML(data)
        guard let root = document.root else {
            let errors = document.messages.filter { $0.level != .warning }
            if errors.isEmpty { return ["line 0: not well-formed XML"] }
            return errors.map { "line \($0.line): not well-formed XML: \($0.message)" }
        }
        return check(root)
    }

    /// The structural checks on a well-formed document's root element.
    static func check(_ root: DOMElement) -> [String] {
        var problems: [String] = []
        func report(_ line: Int, _ message: String) { problems.append("line \(line): \(message)") }

        if root.name != "article" {
            report(root.line, "the root element is <\(root.name)>, expected <article>")
        }
        let dtdVersion = root[attribute: "dtd-version"]
        if dtdVersion != "1.3" {
            report(root.line, "<article> has dtd-version \(dtdVersion.map { "\"\($0)\"" } ?? "missing"), expected \"1.3\"")
        }
        let rootChildren = root.childElements
        if let front = rootChildren.first(where: { $0.name == "front" }) {
            if rootChildren.first?.name != "front" {
                report(front.line, "<front> is not the first child of <article>")
            }
            checkFront(front, report)
        } else {
            report(root.line, "<article> has no <front>")
        }

        // ids: valid names, unique; rids: every token resolves.
        var firstLine: [String: Int] = [:]
        var references: [(rid: String, element: String, line: Int)] = []
        root.walk { el in
            if let id = el.id {
                if !isNCName(id) { report(el.line, "id \"\(id)\" on <\(el.name)> is not a valid XML name") }
                if let first = firstLine[id] {
                    report(el.line, "id \"\(id)\" on <\(el.name)> is already used at line \(first)")
                } else {
                    firstLine[id] = el.line
                }
            }
            if let rid = el[attribute: "rid"] {
                let tokens = rid.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                if tokens.isEmpty { report(el.line, "<\(el.name)> has an empty rid") }
                for t in tokens { references.append((String(t), el.name, el.line)) }
            }
            return true
        }
        for r in references where firstLine[r.rid] == nil {
            report(r.line, "<\(r.element)> rid \"\(r.rid)\" does not match any id")
        }
        return problems
    }

    private static func checkFront(_ front: DOMElement, _ report: (Int, String) -> Void) {
        let children = front.childElements
        if let journalMeta = children.first(where: { $0.name == "journal-meta" }) {
            let names = journalMeta.childElements.map(\.name)
            if !names.contains("journal-id") { report(journalMeta.line, "<journal-meta> has no <journal-id>") }
            if !names.contains("issn") { report(journalMeta.line, "<journal-meta> has no <issn>") }
        } else {
            report(front.line, "<front> has no <journal-meta>")
        }
        guard let articleMeta = children.first(where: { $0.name == "article-meta" }) else {
            report(front.line, "<front> has no <article-meta>")
            return
        }
        let metaChildren = articleMeta.childElements
        if let titleGroup = metaChildren.first(where: { $0.name == "title-group" }) {
            if titleGroup.childElements.first?.name != "article-title" {
                report(titleGroup.line, "<title-group> does not start with <article-title>")
            }
        } else {
            report(articleMeta.line, "<article-meta> has no <title-group> (required, with <article-title>)")
        }
        var lastRank = -1
        var lastName = ""
        for child in metaChildren {
            guard let rank = articleMetaOrder[child.name] else { continue }
            if rank < lastRank {
                report(child.line, "<\(child.name)> comes after <\(lastName)> in <article-meta>; the DTD wants it before")
            } else {
                lastRank = rank
                lastName = child.name
            }
        }
    }

    /// Whether `s` is an XML NCName (a name without a colon): a letter or `_`, then letters, digits,
    /// `_`, `-`, `.`, `·` and combining marks.
    static func isNCName(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.dropFirst().allSatisfy { c in
            c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "\u{00B7}"
                || c.unicodeScalars.allSatisfy {
                    $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark
                }
        }
    }
}
