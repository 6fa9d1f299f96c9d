import Foundation
import KeiCore
import KeiDocument

/// A Crossref `doi_batch` deposit for one issue, schema 5.3.1 (namespace
/// `http://www.crossref.org/schema/5.3.1`), as UTF-8 XML text:
///
/// - `head`: `doi_batch_id`, `timestamp`, `depositor` (`depositor_name`, `email_address`) and `registrant`
///   from the journal file's `crossref:` section.
/// - `body/journal/journal_metadata`: `full_title`, `abbrev_title`, the print and electronic `issn`s
///   (`media_type`) as the journal file gives them, when they have the schema's form.
/// - `journal_issue`: `publication_date` (media type online) from the cover date, `journal_volume/volume`, `issue`.
/// - one `journal_article` per article (publication type `full_text`), in workflow order: `titles`
///   (`title`, `subtitle`); `contributors` — a group is an `organization`, a person a `person_name`
///   (`sequence` first for the first contributor, additional after; `contributor_role` author, editor or
///   translator) with `given_name`, `surname` (the whole name when it cannot be split, as Crossref asks for
///   mononyms), `suffix`, `affiliations/institution/institution_name` and `ORCID`; `publication_date` (the
///   article's date, else the cover date); `publisher_item/item_number` (the elocation-id, type
///   `article_number`); `doi_data` (`doi`, `resource`); `citation_list` (``citations(_:)``).
///
/// Values are fitted to the schema's limits: names lose digits and `?` (the schema's name pattern refuses
/// most of them) and are cut to 60 characters, an institution name to 1,024, a title is not cut (5.3.1 sets
/// no limit). XML-illegal characters are dropped. The caller (``EmitCrossrefStage``) checks the values the
/// writer cannot repair (DOI, resource URL, dates, depositor) before writing.
enum CrossrefDepositWriter {
    static let namespace = "http://www.crossref.org/schema/5.3.1"

    struct Head {
        var batchID: String
        var timestamp: String
    }

    struct Item {
        var publication: ArticlePublication
        var article: Article?
        /// ISO 8601 date of publication (the article's, else the cover date).
        var date: String
    }

    static func write(head: Head, issue: IssueInfo, items: [Item]) -> String {
        var x = XMLTextBuilder()
        x.open("doi_batch", [("xmlns", namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                             ("xsi:schemaLocation", namespace + " https://www.crossref.org/schemas/crossref5.3.1.xsd"),
                             ("version", "5.3.1")], 0)
        let journal = issue.journal
        x.open("head", [], 1)
        x.leaf("doi_batch_id", [], head.batchID, 2)
        x.leaf("timestamp", [], head.timestamp, 2)
        x.open("depositor", [], 2)
        x.leaf("depositor_name", [], journal.crossref.depositorName.map { cut($0, 130) }, 3)
        x.leaf("email_address", [], journal.crossref.depositorEmail, 3)
        x.close("depositor", 2)
        x.leaf("registrant", [], cut(journal.crossref.registrant ?? journal.publisher, 255), 2)
        x.close("head", 1)
        x.open("body", [], 1)
        x.open("journal", [], 2)
        x.open("journal_metadata", [("language", "en")], 3)
        x.leaf("full_title", [], cut(journal.title, 255), 4)
        x.leaf("abbrev_title", [], journal.abbreviatedTitle.map { cut($0, 150) }, 4)
        for (issn, media) in [(journal.issnPrint, "print"), (journal.issnOnline, "electronic")] {
            if let issn, ISSN.hasSchemaForm(issn) { x.leaf("issn", [("media_type", media)], issn, 4) }
        }
        x.close("journal_metadata", 3)
        x.open("journal_issue", [], 3)
        if let cover = issue.coverDate { date(cover, into: &x, depth: 4) }
        if let v = issue.volume {
            x.open("journal_volume", [], 4)
            x.leaf("volume", [], cut(v, 32), 5)
            x.close("journal_volume", 4)
        }
        x.leaf("issue", [], issue.number.map { cut($0, 32) }, 4)
        x.close("journal_issue", 3)
        for item in items { article(item, into: &x) }
        x.close("journal", 2)
        x.close("body", 1)
        x.close("doi_batch", 0)
        return x.text
    }

    static func article(_ item: Item, into x: inout XMLTextBuilder) {
        let p = item.publication
        let language = CrossrefLanguage.code(for: item.article?.metadata.language).map { [("language", $0)] } ?? []
        x.open("journal_article", [("publication_type", "full_text")] + language, 3)
        x.open("titles", [], 4)
        x.leaf("title", [], p.title, 5)
        x.leaf("subtitle", [], p.subtitle, 5)
        x.close("titles", 4)
        let people = p.contributors.filter(isWritable)
        if !people.isEmpty {
            x.open("contributors", [], 4)
            for (i, c) in people.enumerated() { contributor(c, first: i == 0, into: &x) }
            x.close("contributors", 4)
        }
        date(item.date, into: &x, depth: 4)
        if let e = p.elocationID {
            x.open("publisher_item", [], 4)
            x.leaf("item_number", [("item_number_type", "article_number")], cut(e, 32), 5)
            x.close("publisher_item", 4)
        }
        x.open("doi_data", [], 4)
        x.leaf("doi", [], p.doi, 5)
        x.leaf("resource", [], p.resourceURL, 5)
        x.close("doi_data", 4)
        let refs = item.article.map(citations) ?? []
        if !refs.isEmpty {
            x.open("citation_list", [], 4)
            for (i, r) in refs.enumerated() { citation(i + 1, r, into: &x) }
            x.close("citation_list", 4)
        }
        x.close("journal_article", 3)
    }

    static func contributor(_ c: PublishedContributor, first: Bool, into x: inout XMLTextBuilder) {
        let role = ["editor", "translator"].contains(c.role ?? "") ? c.role! : "author"
        let attrs = [("sequence", first ? "first" : "additional"), ("contributor_role", role)]
        if c.isGroup {
            x.leaf("organization", attrs, cut(clean(c.name), 511), 5)
            return
        }
        guard let surname = namePart(c.surname) ?? namePart(c.name) else { return }
        x.open("person_name", attrs, 5)
        x.leaf("given_name", [], c.surname == nil ? nil : namePart(c.givenNames), 6)
        x.leaf("surname", [], surname, 6)
        x.leaf("suffix", [], c.suffix.flatMap { namePart($0) }.map { cut($0, 10) }, 6)
        if let aff = c.affiliation.map(clean), !aff.isEmpty {
            x.open("affiliations", [], 6)
            x.open("institution", [], 7)
            x.leaf("institution_name", [], cut(aff, 1024), 8)
            x.close("institution", 7)
            x.close("affiliations", 6)
        }
        x.leaf("ORCID", [], c.orcidURL, 6)
        x.close("person_name", 5)
    }

    /// Whether `c` can be written as the schema wants: a group with a name, a person whose surname (or
    /// name) keeps a letter after ``namePart(_:)`` cleans it ("??" and "123" do not; they are left out,
    /// and `emit.crossref.unwritable-name` says so).
    static func isWritable(_ c: PublishedContributor) -> Bool {
        c.isGroup ? clean(c.name).contains(where: \.isLetter) : (namePart(c.surname) ?? namePart(c.name)) != nil
    }

    /// `publication_date` (media type online) from an ISO 8601 date: year, and month and day when given.
    static func date(_ iso: String, into x: inout XMLTextBuilder, depth: Int) {
        let parts = iso.split(separator: "-").map(String.init)
        x.open("publication_date", [("media_type", "online")], depth)
        if parts.count > 1 { x.leaf("month", [], parts[1], depth + 1) }
        if parts.count > 2 { x.leaf("day", [], parts[2], depth + 1) }
        x.leaf("year", [], parts.first, depth + 1)
        x.close("publication_date", depth)
    }

    /// A name part the schema's pattern `[^\d\?]*[^\?\s]+[^\d]*` accepts: XML-legal, without digits or `?`,
    /// white space collapsed, at most 60 characters; nil when nothing is left.
    static func namePart(_ s: String?) -> String? {
        guard let s else { return nil }
        let kept = String(String.UnicodeScalarView(clean(s).unicodeScalars.filter {
            $0.properties.generalCategory != .decimalNumber && $0 != "?"
        }))
        let t = cut(TextTrimming.trim(clean(kept), CharacterSet(charactersIn: ",;: ")), 60)
        return t.contains(where: \.isLetter) ? t : nil
    }

    /// XML-legal characters only, runs of white space as one space, trimmed.
    static func clean(_ s: String) -> String {
        XMLEscaper.legalCharacters(s).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// At most `limit` Unicode scalars (XML Schema counts characters so), without a trailing space.
    static func cut(_ s: String, _ limit: Int) -> String {
        let scalars = XMLEscaper.legalCharacters(s).unicodeScalars
        guard scalars.count > limit else { return XMLEscaper.legalCharacters(s) }
        return TextTrimming.whitespacesAndNewlines(String(String.UnicodeScalarView(scalars.prefix(limit))))
    }
}
