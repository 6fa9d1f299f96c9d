/// Whether a contributor is one person or a group that signs as one (JATS distinguishes a personal
/// `<name>`/`<string-name>` from a `<collab>`, "collaboration": an organisation, a committee, a news
/// agency or a newsroom's staff).
public enum AuthorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// One person ("Victor Cha"): written as `<name>` (given names and surname) or `<string-name>`.
    case person
    /// A group author ("The Editorial Board", "Reuters", "Korea Economic Institute of America",
    /// "The Standard Staff"): written as `<collab>`, never split into given names and surname.
    case group
}
