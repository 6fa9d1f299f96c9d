/// Where a commissioned article stands editorially.
public enum ArticleStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case commissioned, received, edited, approved
}
