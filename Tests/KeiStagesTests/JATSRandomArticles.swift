import KeiCore
import KeiDocument

/// A seeded generator of arbitrary article models (deterministic per seed): random nesting of every
/// block and inline type, hostile ids (empty, duplicate, digits, spaces, non-ASCII), random note
/// markers (valid and dangling), empty containers, and text drawn from markup characters, control
/// characters, non-characters, U+00A0, Korean and emoji.
struct JATSRandomArticles {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ list: [T]) -> T { list[int(list.count)] }

    static let pieces = ["a", "word", " ", "&", "<", ">", "\"", "'", "]]>", "\u{00A0}", "\u{201C}", "\u{2019}", "한국어", "😀",
                         "\u{0000}", "\u{0001}", "\u{000B}", "\u{001F}", "\u{FFFE}", "\u{FFFF}", "\t", "\n", "\r", "\u{0085}",
                         "\u{200B}", "&amp;", "<p>", "-->", "<!--", "e\u{0301}"]

    mutating func text() -> String {
        var s = ""
        for _ in 0..<int(6) { s += pick(Self.pieces) }
        return s
    }

    mutating func id(_ prefix: String) -> String {
        pick(["", "\(prefix)1", "\(prefix)1", "1", "a b", "한", "xml-x", "\(prefix)\(int(5))", "-x", "a:b", text()])
    }

    let loc = SourceLocation(file: "random.html", line: 1)

    mutating func inlines(_ depth: Int, notes: [String]) -> [Inline] {
        var out: [Inline] = []
        for _ in 0..<int(5) {
            let k = depth > 3 ? 0 : int(10)
            switch k {
            case 1: out.append(.emphasis(inlines(depth + 1, notes: notes)))
            case 2: out.append(.strong(inlines(depth + 1, notes: notes)))
            case 3: out.append(.superscript(inlines(depth + 1, notes: notes)))
            case 4: out.append(.subscript(inlines(depth + 1, notes: notes)))
            case 5: out.append(.code(TextRun(text())))
            case 6: out.append(.link(url: pick(["", "https://example.org/?a=1&b=\"2\"", text()]), children: inlines(depth + 1, notes: notes)))
            case 7: out.append(.noteRef(NoteRef(label: text(), noteID: chance(70) && !notes.isEmpty ? pick(notes) : "missing")))
            case 8: out.append(.lineBreak)
            default: out.append(.text(TextRun(text())))
            }
        }
        return out
    }

    mutating func blocks(_ depth: Int, notes: [String]) -> [Block] {
        var out: [Block] = []
        for _ in 0..<int(4) {
            let k = depth > 3 ? 0 : int(7)
            switch k {
            case 1:
                var items: [ListItem] = []
                for _ in 0..<int(3) { items.append(ListItem(blocks: blocks(depth + 1, notes: notes), location: loc)) }
                out.append(.list(ListBlock(ordered: chance(50), items: items, location: loc)))
            case 2:
                out.append(.blockQuote(BlockQuote(blocks: blocks(depth + 1, notes: notes),
                                                  attribution: chance(50) ? inlines(1, notes: notes) : nil, location: loc)))
            case 3:
                func rows(_ n: Int) -> [TableRow] {
                    (0..<n).map { _ in TableRow(cells: (0..<int(4)).map { _ in
                        TableCell(inlines: inlines(1, notes: notes), isHeader: chance(30), columnSpan: int(4) - 1, rowSpan: int(3))
                    }, location: loc) }
                }
                out.append(.table(Table(id: id("tbl"), label: chance(50) ? text() : nil, caption: chance(50) ? inlines(1, notes: notes) : nil,
                                        head: rows(int(3)), body: rows(int(3)), foot: rows(int(3)), location: loc)))
            case 4:
                out.append(.figure(Figure(id: id("fig"), label: chance(50) ? text() : nil, caption: chance(50) ? inlines(1, notes: notes) : nil,
                                          graphic: chance(60) ? text() : nil, altText: chance(50) ? text() : nil, location: loc)))
            case 5:
                out.append(.preformatted(Preformatted(text: TextRun(text()), location: loc)))
            default:
                out.append(.paragraph(Paragraph(inlines: inlines(0, notes: notes), location: loc)))
            }
        }
        return out
    }

    mutating func section(_ depth: Int, notes: [String]) -> Section {
        Section(id: id("sec"), title: chance(20) ? [] : inlines(1, notes: notes), level: depth + 2,
                blocks: blocks(0, notes: notes),
                subsections: depth > 2 ? [] : (0..<int(3)).map { _ in section(depth + 1, notes: notes) }, location: loc)
    }

    mutating func article() -> Article {
        let noteIDs = (0..<int(4)).map { _ in id("fn") }
        var metadata = ArticleMetadata()
        if chance(80) { metadata.title = text() }
        if chance(50) { metadata.subtitle = text() }
        metadata.authors = (0..<int(4)).map { _ in
            Author(name: pick([text(), "Kim Jong Un", "Scott Snyder", ""]), affiliation: chance(50) ? text() : nil,
                   email: chance(30) ? text() : nil, role: chance(20) ? text() : nil)
        }
        if chance(60) { metadata.publicationDate = PublicationDate(year: 2000 + int(30), month: chance(70) ? 1 + int(12) : nil) }
        metadata.volume = chance(50) ? text() : nil
        metadata.issue = chance(50) ? text() : nil
        metadata.canonicalURL = chance(50) ? text() : nil
        metadata.language = chance(50) ? pick(["en", "ko-KR", text()]) : nil
        metadata.keywords = (0..<int(3)).map { _ in text() }
        metadata.doi = chance(30) ? text() : nil
        metadata.publisher = chance(30) ? text() : nil
        let notes = noteIDs.map { Note(id: $0, label: text(), blocks: blocks(1, notes: noteIDs), location: loc) }
        let refs = (0..<int(3)).map { _ in Reference(id: id("ref"), label: chance(50) ? text() : nil, inlines: inlines(0, notes: noteIDs), location: loc) }
        return Article(id: id("art"), source: "random.html", metadata: metadata, abstract: blocks(1, notes: noteIDs),
                       sections: (0..<int(4)).map { _ in section(0, notes: noteIDs) }, notes: notes, references: refs)
    }

    mutating func issue() -> IssueInfo {
        IssueInfo(journal: JournalInfo(id: chance(80) ? text() : "", title: chance(70) ? text() : "", abbreviatedTitle: chance(30) ? text() : nil,
                                       publisher: chance(70) ? text() : "", publisherLocation: chance(30) ? text() : nil,
                                       issnPrint: chance(50) ? text() : nil, issnOnline: chance(50) ? text() : nil,
                                       license: chance(40) ? text() : nil, licenseURL: chance(40) ? text() : nil),
                  volume: chance(50) ? text() : nil, number: chance(50) ? text() : nil,
                  coverDate: chance(50) ? pick(["2025-12-15", "2025", "bad", "2025-02-30"]) : nil, title: chance(30) ? text() : nil)
    }
}
