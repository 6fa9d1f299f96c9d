import Foundation
import KeiDocument
import KeiXML

/// Picks winners among candidates in precedence order and collects the diagnostics that go with it.
struct MetadataMerger {
    let file: String
    /// The page, for the spans (line and column) of diagnostics about a value; nil in unit uses.
    let document: DOMDocument?
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []

    init(file: String, document: DOMDocument? = nil) {
        self.file = file
        self.document = document
    }

    func location(_ line: Int) -> SourceLocation {
        SourceLocation(file: file, line: line)
    }

    /// The source span of a value: an attribute's value, a JSON-LD property's name inside its
    /// `<script>`, or an element's start tag. The runner turns it into line, column and excerpt.
    func span(_ origin: ValueOrigin?) -> SourceSpan? {
        if let text = origin?.text { return text }
        guard let origin, let start = origin.elementStart, let document else { return nil }
        if let key = origin.jsonKey {
            return Self.jsonKeySpan("\"\(key)\"", inScriptAt: start, of: document) ?? document.startTagSpan(at: start)
        }
        return document.startTagSpan(at: start, attribute: origin.attribute)
    }

    /// The first occurrence of `needle` (a quoted JSON property name) between the `<script>` at
    /// `start` and the next `</`, with its value when that is a string (`"datePublished": "1970-01-01"`),
    /// as UTF-8 offsets.
    static func jsonKeySpan(_ needle: String, inScriptAt start: Int, of document: DOMDocument) -> SourceSpan? {
        var text = document.sourceText
        let pattern = Array(needle.utf8)
        return text.withUTF8 { bytes -> SourceSpan? in
            guard !pattern.isEmpty, start >= 0, start < bytes.count else { return nil }
            var i = start
            while i + pattern.count <= bytes.count {
                if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") { return nil }
                if bytes[i] == pattern[0], (1..<pattern.count).allSatisfy({ bytes[i + $0] == pattern[$0] }) {
                    return SourceSpan(start: i, end: stringValueEnd(bytes, after: i + pattern.count) ?? i + pattern.count)
                }
                i += 1
            }
            return nil
        }
    }

    mutating func emit(_ d: Diagnostic) {
        diagnostics.append(d)
    }

    /// The first candidate; each later one that `same` says differs is reported as a conflict at its
    /// own line (once per source and value), unless either side opts out or `checkConflicts` is false.
    mutating func pick(_ field: String, _ candidates: [MetadataCandidate], same: (String, String) -> Bool,
                       checkConflicts: Bool = true) -> MetadataCandidate? {
        guard let winner = candidates.first else { return nil }
        guard checkConflicts, winner.checksConflicts else { return winner }
        for loser in candidates.dropFirst() where loser.checksConflicts && !same(winner.value, loser.value) {
            conflict(field, winner: (winner.source, winner.line, MetadataText.quoted(winner.value)),
                     loser: (loser.source, loser.line, MetadataText.quoted(loser.value)), excerpt: loser.value, origin: loser.origin)
        }
        return winner
    }

    mutating func conflict(_ field: String, winner: (source: String, line: Int, shown: String),
                           loser: (source: String, line: Int, shown: String), excerpt: String, origin: ValueOrigin?) {
        let key = "\(field)|\(loser.source)|\(loser.line)|\(loser.shown)"
        guard reported.insert(key).inserted else { return }
        emit(MetadataMessages.conflict.diagnostic(
            "Conflicting \(field): \(winner.source) (line \(winner.line)) says \(winner.shown) but \(loser.source) (line \(loser.line)) says \(loser.shown); kept \(winner.shown) from \(winner.source).",
            at: location(loser.line), excerpt: String(excerpt.prefix(200)),
            fix: "Correct whichever source is wrong so both give the same \(field).", span: span(origin)))
    }

    /// The end of the JSON string value after a property name ending at `keyEnd` (`: "…"`), or nil.
    private static func stringValueEnd(_ bytes: UnsafeBufferPointer<UInt8>, after keyEnd: Int) -> Int? {
        var j = keyEnd
        func skipBlanks() { while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 } }
        skipBlanks()
        guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return nil }
        j += 1
        skipBlanks()
        guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") else { return nil }
        j += 1
        while j < bytes.count, j - keyEnd < 2_000 {
            if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
            if bytes[j] == UInt8(ascii: "\"") { return j + 1 }
            if bytes[j] == UInt8(ascii: "<") || bytes[j] == 0x0A { return nil }
            j += 1
        }
        return nil
    }

    /// The first valid date that is not a placeholder. Placeholders (``PlaceholderDate``) are reported
    /// as `ingest.placeholder-date` and invalid machine dates as `ingest.date-invalid`, and both are
    /// skipped, so any real date wins over them; disagreeing valid dates are reported as conflicts.
    mutating func pickDate(_ candidates: [DateCandidate]) -> PublicationDate? {
        var valid: [(DateCandidate, PublicationDate)] = []
        for c in candidates {
            let parsed = c.parse()
            if let placeholder = PlaceholderDate.describe(c.raw, parsed: parsed) {
                emit(MetadataMessages.placeholderDate.diagnostic(
                    "\(c.source) at line \(c.line) has \(MetadataText.quoted(c.raw)), which is \(placeholder), a value systems write when an article has no date; it was ignored\(valid.isEmpty ? " and the next date source in precedence order was used, if any" : "").",
                    at: location(c.line), excerpt: String(c.raw.prefix(200)),
                    fix: "Set \(c.source) to the real publication date as YYYY-MM-DD (e.g. 2025-12-15), or remove it.",
                    span: span(c.origin)))
                continue
            }
            if let d = parsed {
                valid.append((c, d))
                continue
            }
            emit(MetadataMessages.dateInvalid.diagnostic(
                "\(c.source) at line \(c.line) has \(MetadataText.quoted(c.raw)), which is not a readable calendar date (impossible month or day, year 0, or an unrecognised format); it was ignored\(valid.isEmpty ? " and the next date source in precedence order was used, if any" : "").",
                at: location(c.line), excerpt: String(c.raw.prefix(200)),
                fix: "Set \(c.source) to the publication date as YYYY-MM-DD (e.g. 2025-12-15), or remove it.",
                span: span(c.origin)))
        }
        guard let (winner, date) = valid.first else { return nil }
        if winner.checksConflicts {
            for (c, d) in valid.dropFirst() where c.checksConflicts && !DateCandidate.agree(date, d) {
                conflict("publication date", winner: (winner.source, winner.line, date.iso),
                         loser: (c.source, c.line, d.iso), excerpt: c.raw, origin: c.origin)
            }
        }
        return date
    }

    /// A key for matching one person across sources: name words, lower-cased, sorted (`Doe, Jane` = `Jane Doe`).
    static func personKey(_ name: String) -> String {
        MetadataText.comparisonKey(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .sorted().joined(separator: " ")
    }

    /// Authors from the first source that names any (`citation_author` → JSON-LD `author` → JSON-LD
    /// `creator` → `DC.creator` → `dcterms.creator` → meta `author` → `article:author` → the visible
    /// byline), each named once, with affiliations and e-mails filled in from other sources naming the
    /// same person. Names that ``GroupAuthorName`` recognises are group authors unless the source says
    /// it is a person (JSON-LD `@type: Person`).
    mutating func pickAuthors(tags: MetaTagIndex, ld: JSONLDMetadata, visible: VisibleMetadata) -> [Author] {
        var groups: [[Author]] = []
        // citation_author with the institution/email tags that follow it.
        var citation: [Author] = []
        for meta in tags.metas {
            switch meta.key {
            case "citation_author":
                if let n = MetadataText.nonEmpty(meta.content) { citation.append(BylineParser.structuredAuthor(named: n)) }
            case "citation_author_institution":
                if let v = MetadataText.nonEmpty(meta.content), let last = citation.indices.last {
                    citation[last].affiliation = citation[last].affiliation.map { $0 + "; " + v } ?? v
                }
            case "citation_author_email":
                if let v = MetadataText.nonEmpty(meta.content), let last = citation.indices.last, citation[last].email == nil {
                    citation[last].email = v
                }
            default:
                break
            }
        }
        groups.append(citation)
        groups.append(ld.authors)
        groups.append(ld.creators)
        groups.append(tags.candidates(["dc.creator"]).map { BylineParser.structuredAuthor(named: $0.value) })
        groups.append(tags.candidates(["dcterms.creator"]).map { BylineParser.structuredAuthor(named: $0.value) })
        for keys in [["author"], ["article:author", "og:article:author"]] {
            var list: [Author] = []
            for c in tags.candidates(keys) {
                let value = MetadataText.normalize(BylineParser.removeParentheses(c.value))
                guard !value.isEmpty, !value.contains("://"), !value.hasPrefix("@"), !value.hasPrefix("www.") else { continue }
                list += BylineParser.authors(fromStructured: value)
            }
            groups.append(list)
        }
        groups.append(visible.authors)
        guard let index = groups.firstIndex(where: { !$0.isEmpty }) else { return [] }
        var winner: [Author] = []
        var seen: Set<String> = []
        for a in groups[index] where seen.insert(Self.personKey(a.name)).inserted { winner.append(a) }
        var othersKeyed: [(key: String, author: Author)]?
        // A group that is itself an author is never a person's affiliation ("Minho Kim, KEI Staff" in a
        // byline when citation_author names KEI Staff as an author).
        let groupAuthors = Set(winner.filter { $0.kind == .group }.map { MetadataText.comparisonKey($0.name) })
        for i in winner.indices where winner[i].affiliation == nil || winner[i].email == nil {
            let key = Self.personKey(winner[i].name)
            let others = othersKeyed ?? groups[(index + 1)...].joined().map { (Self.personKey($0.name), $0) }
            othersKeyed = others
            for (otherKey, other) in others where otherKey == key {
                if winner[i].affiliation == nil, let affiliation = other.affiliation,
                   !groupAuthors.contains(MetadataText.comparisonKey(affiliation)) {
                    winner[i].affiliation = affiliation
                }
                if winner[i].email == nil { winner[i].email = other.email }
            }
        }
        return winner
    }

    /// Keywords of the first source that has any, de-duplicated.
    mutating func pickKeywords(tags: MetaTagIndex, ld: JSONLDMetadata) -> [String] {
        func split(_ values: [MetadataCandidate]) -> [String] {
            values.flatMap { $0.value.split(whereSeparator: { $0 == ";" || $0 == "," }) }
                .compactMap { MetadataText.nonEmpty(String($0)) }
        }
        let groups: [[String]] = [
            split(tags.candidates(["citation_keywords"])),
            ld.keywords,
            split(tags.candidates(["dc.subject", "dcterms.subject"])),
            tags.candidates(["article:tag"]).map(\.value),
            split(tags.candidates(["keywords", "news_keywords"])),
        ]
        guard let first = groups.first(where: { !$0.isEmpty }) else { return [] }
        var seen: Set<String> = []
        return first.filter { seen.insert(MetadataText.comparisonKey($0)).inserted }
    }

    /// Warns when no title or no publication date was found.
    mutating func reportMissing(_ m: ArticleMetadata, document: DOMDocument, tags: MetaTagIndex) {
        let headLine = document.root?.firstDescendant(named: "head")?.line ?? document.root?.line ?? 0
        if m.title == nil {
            emit(MetadataMessages.missing.diagnostic(
                "No title was found: the page has no citation_title, JSON-LD headline, og:title, <title> or <h1>.",
                at: location(headLine),
                fix: "Add <meta name=\"citation_title\" content=\"…\"> to the page's <head>."))
        }
        if m.publicationDate == nil {
            emit(MetadataMessages.missing.diagnostic(
                "No valid publication date was found in citation_publication_date, JSON-LD datePublished, article:published_time, <time datetime> or a visible \"Published …\" line.",
                at: location(headLine),
                fix: "Add <meta name=\"citation_publication_date\" content=\"YYYY-MM-DD\"> to the page's <head>."))
        }
    }
}
