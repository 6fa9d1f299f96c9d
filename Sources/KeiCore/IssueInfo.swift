/// The issue-level facts every stage may need: journal, volume, number, cover date.
public struct IssueInfo: Sendable, Hashable {
    public var journal: JournalInfo
    public var volume: String?
    public var number: String?
    /// ISO 8601 (`2025-12-15`).
    public var coverDate: String?
    public var title: String?
    /// The workflow's `deposit:` section (Crossref batch id and timestamp).
    public var deposit = DepositSpec()

    public init(journal: JournalInfo = JournalInfo(), volume: String? = nil, number: String? = nil,
                coverDate: String? = nil, title: String? = nil) {
        self.journal = journal
        self.volume = volume
        self.number = number
        self.coverDate = coverDate
        self.title = title
    }
}
