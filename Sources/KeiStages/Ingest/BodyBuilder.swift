import KeiDocument
import KeiXML

/// Builds sections, blocks, notes and references from the main-content element.
/// PLACEHOLDER: one paragraph per <p>, until the builder lands.
public enum BodyBuilder {
    public static func build(content: DOMElement, document: DOMDocument, metadata: ArticleMetadata,
                             file: String) -> BodyResult {
        let paragraphs = content.descendants(named: ["p"]).map {
            Block.paragraph(Paragraph(inlines: [.text($0.textContent)], location: SourceLocation(file: file, line: $0.line)))
        }
        return BodyResult(sections: [Section(id: "sec1", title: [], level: 0, blocks: paragraphs,
                                             location: SourceLocation(file: file, line: content.line))])
    }
}
