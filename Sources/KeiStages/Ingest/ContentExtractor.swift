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
    public static func extractDetailed(from document: DOMDocument) -> ContentExtraction {
        guard let root = document.root else {
            return ContentExtraction(content: nil, textLength: 0, usedRelaxedPass: false)
        }
        let tree = ExtractionTree(root: root)
        var strict = ExtractionPass(tree: tree, useHints: true, cleanConditionally: true)
        let first = strict.run()
        if let first, first.textLength >= minimumStrictText {
            return ContentExtraction(content: first.element, textLength: first.textLength, usedRelaxedPass: false)
        }
        var relaxed = ExtractionPass(tree: tree, useHints: false, cleanConditionally: false)
        let second = relaxed.run()
        switch (first, second) {
        case let (a?, b?):
            if b.textLength > a.textLength * 2 {
                return ContentExtraction(content: b.element, textLength: b.textLength, usedRelaxedPass: true)
            }
            return ContentExtraction(content: a.element, textLength: a.textLength, usedRelaxedPass: false)
        case let (a?, nil):
            return ContentExtraction(content: a.element, textLength: a.textLength, usedRelaxedPass: false)
        case let (nil, b?):
            return ContentExtraction(content: b.element, textLength: b.textLength, usedRelaxedPass: true)
        case (nil, nil):
            return ContentExtraction(content: nil, textLength: 0, usedRelaxedPass: false)
        }
    }
}
