/// One office ("President of South Korea") and the people who held it, in order.
public struct TimelineOffice: Sendable, Hashable {
    public var id: String
    /// The office's full name.
    public var office: String
    /// The titles written before a holder's name ("President", "Secretary of State", "Secretary").
    public var titles: [String]
    /// Words that tie a title to this office ("South Korean", "ROK", "U.S.", "American").
    public var qualifiers: [String]
    public var holders: [OfficeTerm]

    public init(id: String, office: String, titles: [String], qualifiers: [String] = [], holders: [OfficeTerm]) {
        self.id = id
        self.office = office
        self.titles = titles
        self.qualifiers = qualifiers
        self.holders = holders
    }
}
