/// Where a run of text sits in an article; house-style and citation checks key off it.
public enum TextScope: String, Sendable, Hashable, Codable {
    case title, subtitle, abstract, heading, paragraph, listItem, quotation, tableCell, caption, note, reference
}
