import KeiXML

/// Finds an HTML page's main content and strips site chrome (navigation, search, newsletter,
/// series blurbs, share/download/PDF-embed blocks, comments, footers) by structure and density.
///
/// The algorithm (see `ExtractionPass`) is Readability-like — paragraph scores propagated to
/// ancestors, link density, class/id/role hints — with additions for journal articles:
/// footnote/endnote/reference containers are never treated as chrome and are rescued when they
/// sit outside the best-scoring block; blocks before the article's title `h1` and short blocks
/// after its notes are dropped. When the strict pass finds little text, a relaxed pass without
/// class hints is tried. Statistics are computed bottom-up in one pass per phase, so the work is
/// linear in the page size. The result is deterministic and never traps on malformed input.
public enum ContentExtractor {
    /// Minimum non-whitespace characters for the strict pass's result to be accepted without a retry.
    static let minimumStrictText = 250

    /// The main-content element of the page with chrome removed, or nil when the page has no content.
    ///
    /// The result is a copy of the container that holds the article (its name, attributes and
    /// `line` preserved) whose children are only the content blocks; text nodes between
    /// dropped blocks at the top level are not kept.
    public static func extract(from document: DOMDocument) -> DOMElement? {
        extractDetailed(from: document).content
    }

    /// Like ``extract(from:)``, also saying how much text was found and whether the relaxed pass was needed.
    ///
    /// Before extraction, the parsed tree is repaired where libxml2 reads markup differently from a
    /// browser: text the parser made of an XHTML DOCTYPE's internal subset is dropped
    /// (``DoctypeSubset``) and lists split by a list typed inside a list are rebuilt
    /// (``ListNestingRepair``, reported in ``ContentExtraction/listRepairs``).
    public static func extractDetailed(from document: DOMDocument) -> ContentExtraction {
        guard var root = document.root else {
            return ContentExtraction(content: nil, textLength: 0, usedRelaxedPass: false)
        }
        if let declaration = DoctypeSubset.declaration(in: document.sourceText) {
            root = DoctypeSubset.removingDebris(from: root, declaration: declaration)
        }
        let (repaired, repairs) = ListNestingRepair.repair(root, in: document)
        var result = extract(root: repaired)
        result.listRepairs = repairs
        for i in result.removedBlocks.indices {
            if let start = result.removedBlocks[i].sourceStart {
                result.removedBlocks[i].span = document.startTagSpan(at: start)
            }
        }
        return result
    }

    private static func extract(root: DOMElement) -> ContentExtraction {
        let tree = ExtractionTree(root: root)
        var strict = ExtractionPass(tree: tree, useHints: true, cleanConditionally: true)
        let first = strict.run()
        func strictResult(_ a: (element: DOMElement, textLength: Int)) -> ContentExtraction {
            ContentExtraction(content: a.element, textLength: a.textLength, usedRelaxedPass: false,
                              removedBlocks: strict.removedBlocks)
        }
        if let first, first.textLength >= minimumStrictText { return strictResult(first) }
        var relaxed = ExtractionPass(tree: tree, useHints: false, cleanConditionally: false)
        let second = relaxed.run()
        func relaxedResult(_ b: (element: DOMElement, textLength: Int)) -> ContentExtraction {
            ContentExtraction(content: b.element, textLength: b.textLength, usedRelaxedPass: true,
                              removedBlocks: relaxed.removedBlocks)
        }
        switch (first, second) {
        case let (a?, b?):
            return b.textLength > a.textLength * 2 ? relaxedResult(b) : strictResult(a)
        case let (a?, nil):
            return strictResult(a)
        case let (nil, b?):
            return relaxedResult(b)
        case (nil, nil):
            return ContentExtraction(content: nil, textLength: 0, usedRelaxedPass: false)
        }
    }
}
