/// One cited work as a CSL-JSON item (CSL 1.0.2, https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html):
/// the structured form of a reference that `kei-pipeline cite parse` prints and JATS `element-citation`
/// is written from. Absent fields are nil and are left out of the JSON.
public struct CSLItem: Sendable, Hashable, Codable {
    public var type: ReferenceType
    public var author: [CSLName]?
    public var editor: [CSLName]?
    public var translator: [CSLName]?
    public var title: String?
    /// The book of a chapter, the journal of an article, the site of a web page (JATS `source`).
    public var containerTitle: String?
    public var collectionTitle: String?
    public var edition: String?
    public var volume: String?
    public var issue: String?
    /// Pages as printed, with an en dash for a range ("211–29").
    public var page: String?
    public var publisher: String?
    public var publisherPlace: String?
    public var issued: CSLDate?
    public var accessed: CSLDate?
    public var url: String?
    /// The bare DOI ("10.1076/csed.13.2.137.14200"), without "doi:" or a resolver prefix.
    public var doi: String?
    public var isbn: String?
    /// What a citation adds that has no field of its own ("Cited 76 times", "PMID 24568259").
    public var note: String?
    /// The kind within the type ("PhD diss.", "white paper", "press release").
    public var genre: String?

    enum CodingKeys: String, CodingKey {
        case type, author, editor, translator, title
        case containerTitle = "container-title"
        case collectionTitle = "collection-title"
        case edition, volume, issue, page, publisher
        case publisherPlace = "publisher-place"
        case issued, accessed
        case url = "URL"
        case doi = "DOI"
        case isbn = "ISBN"
        case note, genre
    }

    public init(type: ReferenceType = .other) {
        self.type = type
    }
}
