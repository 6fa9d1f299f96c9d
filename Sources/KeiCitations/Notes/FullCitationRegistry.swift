/// The full citations read so far in an article, for resolving what comes after them: a repeat of a
/// full citation by its key, a short form by author name words and title (CMOS 17th ed., 14.29–14.31).
/// Indexed by each author word and by the first title word, so a lookup looks only at citations that
/// share a word with it (near-linear in the number of notes).
struct FullCitationRegistry {
    struct Entry {
        var sourceID: String
        var authorWords: Set<String>
        /// The title's words as the note reader found them, and as the reference parser found them.
        var titles: [[String]]
    }

    private(set) var entries: [Entry] = []
    private var byKey: [String: String] = [:]
    private var byAuthorWord: [String: [Int]] = [:]
    private var byTitleWord: [String: [Int]] = [:]

    /// The source first cited in full with `key`, if any.
    func source(forKey key: String) -> String? { key.isEmpty ? nil : byKey[key] }

    mutating func add(sourceID: String, key: String, authorWords: [String], titles: [[String]]) {
        let index = entries.count
        let titles = titles.filter { !$0.isEmpty }
        entries.append(Entry(sourceID: sourceID, authorWords: Set(authorWords), titles: titles))
        if !key.isEmpty, byKey[key] == nil { byKey[key] = sourceID }
        for w in Set(authorWords) { byAuthorWord[w, default: []].append(index) }
        for w in Set(titles.compactMap(\.first)) { byTitleWord[w, default: []].append(index) }
    }

    /// The earliest full citation whose authors include every word of `authorWords` (any, when empty)
    /// and whose title starts with `titleWords`.
    func resolve(authorWords: [String], titleWords: [String]) -> Entry? {
        matches(authorWords: authorWords, titleWords: titleWords, limit: 1).first
    }

    /// The full citations that match so, earliest first, one per source and title (the same work in the
    /// reference list and in a note is one match), at most `limit`.
    func matches(authorWords: [String], titleWords: [String], limit: Int) -> [Entry] {
        guard let firstTitle = titleWords.first else { return [] }
        let candidates = authorWords.first.map { byAuthorWord[$0] ?? [] } ?? (byTitleWord[firstTitle] ?? [])
        let wanted = Set(authorWords)
        var out: [Entry] = []
        for i in candidates {
            let e = entries[i]
            if wanted.isSubset(of: e.authorWords), e.titles.contains(where: { CitationWords.titleStarts($0, with: titleWords) }),
               !out.contains(where: { $0.sourceID == e.sourceID || !Set($0.titles).isDisjoint(with: e.titles) }) {
                out.append(e)
                if out.count >= limit { break }
            }
        }
        return out
    }
}
