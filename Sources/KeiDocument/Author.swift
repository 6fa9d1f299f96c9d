/// A contributor to an article.
public struct Author: Sendable, Hashable, Codable {
    /// The name as displayed ("Lee Jae-won", "Victor Cha").
    public var name: String
    public var affiliation: String?
    public var email: String?
    /// Role when not an author ("editor", "translator").
    public var role: String?

    public init(name: String, affiliation: String? = nil, email: String? = nil, role: String? = nil) {
        self.name = name
        self.affiliation = affiliation
        self.email = email
        self.role = role
    }
}
