/// The kind of a cited work, named by its CSL 1.0.2 item type (the raw value).
public enum ReferenceType: String, Sendable, Hashable, Codable, CaseIterable {
    case book
    case chapter
    case journalArticle = "article-journal"
    case magazineArticle = "article-magazine"
    case newsArticle = "article-newspaper"
    case report
    case webpage
    /// A government document (white paper, law, official statement issued as a document); CSL 1.0.2 `document`.
    case governmentDocument = "document"
    case speech
    case interview
    case thesis
    case conferencePaper = "paper-conference"
    /// Anything else (CSL `article`).
    case other = "article"
}
