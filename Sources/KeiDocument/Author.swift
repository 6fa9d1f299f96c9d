/// A contributor to an article: a person or a group author (see ``AuthorKind``).
public struct Author: Sendable, Hashable, Codable {
    /// The name as displayed ("Lee Jae-won", "Victor Cha", "The Editorial Board").
    public var name: String
    public var affiliation: String?
    public var email: String?
    /// Role when not an author ("editor", "translator").
    public var role: String?
    /// A person (default) or a group author (JATS `<collab>`).
    public var kind: AuthorKind

    public init(name: String, affiliation: String? = nil, email: String? = nil, role: String? = nil,
                kind: AuthorKind = .person) {
        self.name = name
        self.affiliation = affiliation
        self.email = email
        self.role = role
        self.kind = kind
    }

    private enum CodingKeys: String, CodingKey { case name, affiliation, email, role, kind }

    /// Decodes an author; a missing `kind` (data written before group authors existed) is a person.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name),
                  affiliation: try c.decodeIfPresent(String.self, forKey: .affiliation),
                  email: try c.decodeIfPresent(String.self, forKey: .email),
                  role: try c.decodeIfPresent(String.self, forKey: .role),
                  kind: try c.decodeIfPresent(AuthorKind.self, forKey: .kind) ?? .person)
    }

    /// Whether the contributor is a group author (``AuthorKind/group``).
    public var isGroup: Bool { kind == .group }
}
