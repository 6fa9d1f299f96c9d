/// An author as the workflow commissions them: `authors:` items are either a name or a mapping
/// `{name, surname, given-names, affiliation, orcid, email, corresponding}`. Emitters (JATS, Crossref, FO) merge these
/// facts with the authors read from the page, matching by name.
public struct ContributorEntry: Sendable, Hashable {
    /// The name as it is printed ("Min-seo Kwak").
    public var name: String
    /// `surname` and `given-names` as JATS and Crossref want them, when the workflow gives them: the only
    /// safe split of a Korean name ("Min-seo Kwak": surname Kwak), which the name alone does not tell.
    /// A surname alone (given-names nil) is allowed for a mononym.
    public var surname: String?
    public var givenNames: String?
    /// The institution, as one line ("Korea Economic Institute of America, Washington, DC").
    public var affiliation: String?
    /// The ORCID iD as `0000-0002-1825-0097` (16 characters with hyphens; checksum verified by the loader,
    /// ISO 7064 MOD 11-2). Emitters write it as `https://orcid.org/` + this.
    public var orcid: String?
    public var email: String?
    /// True for the corresponding author.
    public var corresponding: Bool
    /// The workflow's `group: true|false`: a group author (JATS `collab`, Crossref `organization`) or a
    /// person. Nil when the workflow does not say; publishing then decides from the name ("The Editors",
    /// "Korea Economic Institute of America" are groups).
    public var group: Bool? = nil

    public init(name: String, surname: String? = nil, givenNames: String? = nil, affiliation: String? = nil,
                orcid: String? = nil, email: String? = nil, corresponding: Bool = false) {
        self.name = name
        self.surname = surname
        self.givenNames = givenNames
        self.affiliation = affiliation
        self.orcid = orcid
        self.email = email
        self.corresponding = corresponding
    }

    /// Whether `id` (`0000-0002-1825-0097`, upper-case X allowed as last character) has a valid ORCID
    /// check character (ISO 7064 MOD 11-2, as ORCID documents it).
    public static func isValidORCID(_ id: String) -> Bool {
        let chars = Array(id)
        guard chars.count == 19, chars[4] == "-", chars[9] == "-", chars[14] == "-" else { return false }
        let digits = chars.enumerated().filter { ![4, 9, 14].contains($0.offset) }.map(\.element)
        var total = 0
        for c in digits.dropLast() {
            guard let d = c.wholeNumberValue, c.isASCII else { return false }
            total = (total + d) * 2
        }
        let result = (12 - total % 11) % 11
        let check: Character = result == 10 ? "X" : Character(String(result))
        return digits.last == check
    }
}
