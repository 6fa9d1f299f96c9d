import KeiXML

/// Finds an HTML page's main content and strips site chrome (navigation, search, newsletter,
/// series blurbs, share/download/PDF-embed blocks, footers) by structure and density.
/// PLACEHOLDER: returns <body> unchanged until the extractor lands.
public enum ContentExtractor {
    /// The main-content element of the page with chrome removed, or nil when the page has no content.
    public static func extract(from document: DOMDocument) -> DOMElement? {
        document.root?.firstDescendant(named: "body")
    }
}
