import KeiXML

/// Finds an HTML page's main content and strips site chrome (navigation, search, newsletter,
/// series blurbs, share/download/PDF-embed blocks, comments, footers) by structure and density.
///
/// The algorithm (see `ExtractionPass`) is Readability-like — paragraph scores propagated to
/// ancestors, link density, class/id/role hints — with two additions for journal articles:
/// footnote/endnote/reference containers are never treated as chrome and are rescued when they
/// sit outside the best-scoring block, and siblings before the article's `h1` are not merged.
/// When the strict pass finds little text, a relaxed pass without class hints is tried.
/// Statistics are computed bottom-up in one pass per phase, so the work is linear in page size.
public enum ContentExtractor {
    /// Minimum non-whitespace characters for the strict pass's result to be accepted without a retry.
    static let minimumStrictText = 250

    /// The main-content element of the page with chrome removed, or nil when the page has no content.
    ///
    /// The result is a copy of the container that holds the article (its name, attributes and
    /// `line` preserved) whose children are only the content blocks; text nodes between
    /// dropped blocks at the top level are not kept.
    public static func extract(from document: DOMDocument) -> DOMElement? {
        guard let root = document.root else { return nil }
        let tree = ExtractionTree(root: root)
        var strict = ExtractionPass(tree: tree, useHints: true, cleanConditionally: true)
        let first = strict.run()
        if let first, first.textLength >= minimumStrictText { return first.element }
        var relaxed = ExtractionPass(tree: tree, useHints: false, cleanConditionally: false)
        let second = relaxed.run()
        switch (first, second) {
        case let (a?, b?): return b.textLength > a.textLength * 2 ? b.element : a.element
        case let (a?, nil): return a.element
        case let (nil, b?): return b.element
        case (nil, nil): return nil
        }
    }
}
