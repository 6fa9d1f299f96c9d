import Foundation
import KeiDocument
import KeiXML

/// Reads the suppressions an editor wrote into the page: `<!-- kei-disable RULE[, RULE] -->` …
/// `<!-- kei-enable [RULE…] -->`, `<!-- kei-disable-next RULE -->` (the next block: the next sibling
/// element or text with content) and `data-kei-ignore="RULE …"` on any element (an empty value
/// ignores every rule inside it). Rule lists are separated by commas or spaces; a rule id ending in
/// "." is a prefix. What a suppression covers is computed from the source spans of the text inside.
///
/// One pass over the tree; regions are spans of UTF-8 offsets into the decoded source.
struct SuppressionReader {
    /// A directive that could not be used (an enable without a disable, a comment with no rules).
    struct Problem {
        var message: String
        var span: SourceSpan?
    }

    private(set) var suppressions: [Suppression] = []
    private(set) var problems: [Problem] = []
    private var open: [(rules: [String], start: Int, directive: SourceSpan?)] = []
    private var pendingNext: [(rules: [String], directive: SourceSpan?)] = []
    private let sourceLength: Int
    private let lineOf: (Int) -> Int

    init(sourceLength: Int, lineOf: @escaping (Int) -> Int) {
        self.sourceLength = sourceLength
        self.lineOf = lineOf
    }

    /// Reads every directive under `root`; regions left open run to the end of the source.
    /// `source` is the decoded page: when it never spells `kei-` (in any case), which every directive
    /// and `data-kei-ignore` do, the tree is not walked at all.
    static func read(_ root: DOMElement, source: String, lineOf: @escaping (Int) -> Int) -> SuppressionReader {
        let sourceLength = source.utf8.count
        var reader = SuppressionReader(sourceLength: sourceLength, lineOf: lineOf)
        guard mentionsDirectives(source) else { return reader }
        _ = reader.visit(root)
        for o in reader.open {
            reader.add(.disable, o.rules, o.directive, SourceSpan(start: o.start, end: sourceLength))
        }
        reader.open = []
        for p in reader.pendingNext {
            reader.problems.append(Problem(message: "kei-disable-next is not followed by any block; it suppresses nothing.", span: p.directive))
        }
        reader.pendingNext = []
        reader.suppressions.sort { $0.covered < $1.covered }
        return reader
    }

    /// Whether `source` holds `kei-` in any case: one pass over its UTF-8 bytes, looking back from each `-`.
    static func mentionsDirectives(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            // ASCII letters OR 0x20 are lower case; no other byte becomes "k", "e" or "i" that way.
            var i = 3
            while i < bytes.count {
                if bytes[i] == 0x2D, bytes[i - 1] | 0x20 == 0x69, bytes[i - 2] | 0x20 == 0x65, bytes[i - 3] | 0x20 == 0x6B {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// Elements that are blocks for `kei-disable-next` (HTML's flow content that starts a new block).
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "aside", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "pre", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "footer", "main", "nav", "details", "summary", "hr", "address", "center",
    ]

    /// The rule ids (or prefixes ending in ".") a directive names, separated by commas or white space,
    /// in lower case: rule ids are lower case, and a directive names them without regard to case
    /// (`Style.US-Abbreviation`, `STYLE.` name `style.us-abbreviation`, `style.`).
    static func ruleNames<S: StringProtocol>(_ list: S) -> [String] {
        list.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { $0.lowercased() }
    }

    /// The parsed directive of a comment (names matched without regard to case), or nil when the
    /// comment is not one.
    static func directive(_ text: String) -> (kind: String, rules: [String])? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = t.lowercased()
        for kind in ["kei-disable-next", "kei-disable", "kei-enable"] where lower.hasPrefix(kind) {
            let rest = t.dropFirst(kind.count)
            guard rest.isEmpty || rest.first!.isWhitespace else { continue }
            return (kind, ruleNames(rest))
        }
        return nil
    }

    /// Visits an element's children in order; returns the source extent of the text inside it.
    private mutating func visit(_ element: DOMElement) -> SourceSpan? {
        var extent: SourceSpan?
        for child in element.children {
            // Directives waiting for the next block before this child (`before`), and those written
            // inside the child (`inside`): these wait for what follows the child, never the child itself.
            let before = pendingNext
            var inside: [(rules: [String], directive: SourceSpan?)] = []
            var childExtent: SourceSpan?
            var isBlock = false
            switch child {
            case .comment(let c):
                handle(comment: c)
                continue
            case .text(let t):
                if !t.value.allSatisfy(\.isWhitespace) { childExtent = t.run.span }
            case .element(let e):
                pendingNext = []
                childExtent = visit(e)
                inside = pendingNext
                isBlock = Self.blockElements.contains(e.name)
            }
            guard let ce = childExtent else {
                pendingNext = before + inside
                continue
            }
            // kei-disable-next covers the next block: text or inline markup after the directive (in
            // the same paragraph) does not take it.
            if isBlock {
                for p in before { add(.disableNext, p.rules, p.directive, ce) }
                pendingNext = inside
            } else {
                pendingNext = before + inside
            }
            extent = extent.map { $0.union(ce) } ?? ce
        }
        if let value = element[attribute: "data-kei-ignore"], let extent {
            add(.ignoreAttribute, Self.ruleNames(value), extent, extent)
        }
        return extent
    }

    private mutating func handle(comment c: DOMComment) {
        guard let (kind, rules) = Self.directive(c.text) else { return }
        let at = c.span?.end ?? 0
        switch kind {
        case "kei-disable":
            open.append((rules, at, c.span))
        case "kei-disable-next":
            pendingNext.append((rules, c.span))
        default: // kei-enable
            let end = c.span?.start ?? at
            // An enable without rules closes every open region; otherwise those naming one of its rules.
            // An enable naming rules ends them only: the region goes on for its other rules.
            let closing = open.filter { rules.isEmpty || $0.rules.isEmpty || !Set($0.rules).isDisjoint(with: rules) }
            open.removeAll { o in rules.isEmpty || o.rules.isEmpty || !Set(o.rules).isDisjoint(with: rules) }
            for o in closing {
                add(.disable, o.rules, o.directive, SourceSpan(start: o.start, end: end))
                let rest = o.rules.filter { !rules.contains($0) }
                if !rules.isEmpty, !o.rules.isEmpty, !rest.isEmpty { open.append((rest, at, o.directive)) }
            }
            let closed = !closing.isEmpty
            if !closed {
                problems.append(Problem(message: "kei-enable\(rules.isEmpty ? "" : " " + rules.joined(separator: ", ")) has no matching kei-disable before it.", span: c.span))
            }
        }
    }

    private mutating func add(_ kind: Suppression.Kind, _ rules: [String], _ directive: SourceSpan?, _ covered: SourceSpan) {
        suppressions.append(Suppression(kind: kind, rules: rules, directive: directive,
                                        line: directive.map { lineOf($0.start) } ?? 0, covered: covered))
    }
}
