import KeiCore
import KeiDocument

/// Serialises an article as JATS 1.3 Journal Publishing XML.
/// PLACEHOLDER until the writer lands.
public enum JATSWriter {
    public static func write(_ article: Article, issue: IssueInfo) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article/>\n"
    }
}
