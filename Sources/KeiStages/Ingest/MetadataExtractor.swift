import KeiDocument
import KeiXML

/// Reads article metadata from a page in a documented precedence.
/// PLACEHOLDER: title from <title> only, until the extractor lands.
public enum MetadataExtractor {
    public static func extract(from document: DOMDocument, file: String) -> (metadata: ArticleMetadata, diagnostics: [Diagnostic]) {
        var m = ArticleMetadata()
        m.title = document.root?.firstDescendant(named: "title")?.textContent
        return (m, [])
    }
}
