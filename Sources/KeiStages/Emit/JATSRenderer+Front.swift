import KeiCore
import KeiDocument

extension JATSRenderer {
    /// `<front>`: journal-meta and article-meta.
    mutating func writeFront(_ depth: Int) {
        open("front", [], depth)
        writeJournalMeta(depth + 1)
        writeArticleMeta(depth + 1)
        close("front", depth)
    }

    /// `<journal-meta>`. The Journal Publishing DTD requires `journal-id+` and `issn+`: a journal
    /// without an id is written with id `journal`, one without an ISSN with an empty `<issn/>`.
    mutating func writeJournalMeta(_ depth: Int) {
        let journal = issue.journal
        let meta = article.metadata
        open("journal-meta", [], depth)
        let journalID = Self.nonEmpty(journal.id) ?? "journal"
        textLeaf("journal-id", [("journal-id-type", "publisher-id")], journalID, depth + 1)
        let title = Self.nonEmpty(journal.title) ?? Self.nonEmpty(meta.journal) ?? Self.nonEmpty(meta.series)
        let abbrev = Self.nonEmpty(journal.abbreviatedTitle)
        if title != nil || abbrev != nil {
            open("journal-title-group", [], depth + 1)
            if let title { textLeaf("journal-title", [], title, depth + 2) }
            if let abbrev { textLeaf("abbrev-journal-title", [("abbrev-type", "publisher")], abbrev, depth + 2) }
            close("journal-title-group", depth + 1)
        }
        let print = Self.nonEmpty(journal.issnPrint)
        let online = Self.nonEmpty(journal.issnOnline)
        if let print { textLeaf("issn", [("pub-type", "ppub")], print, depth + 1) }
        if let online { textLeaf("issn", [("pub-type", "epub")], online, depth + 1) }
        if print == nil && online == nil { emptyLeaf("issn", [], depth + 1) }
        if let publisher = Self.nonEmpty(journal.publisher) ?? Self.nonEmpty(meta.publisher) {
            open("publisher", [], depth + 1)
            textLeaf("publisher-name", [], publisher, depth + 2)
            if let loc = Self.nonEmpty(journal.publisherLocation) { textLeaf("publisher-loc", [], loc, depth + 2) }
            close("publisher", depth + 1)
        }
        close("journal-meta", depth)
    }

    /// `<article-meta>`, children in the DTD's order.
    mutating func writeArticleMeta(_ depth: Int) {
        let meta = article.metadata
        let d1 = depth + 1
        open("article-meta", [], depth)
        if let pid = Self.nonEmpty(article.id) { textLeaf("article-id", [("pub-id-type", "publisher-id")], pid, d1) }
        if let doi = Self.nonEmpty(meta.doi) { textLeaf("article-id", [("pub-id-type", "doi")], doi, d1) }

        // title-group is required; an article without a title gets an empty <article-title/>.
        open("title-group", [], d1)
        textLeaf("article-title", [], Self.nonEmpty(meta.title) ?? "", d1 + 1)
        if let subtitle = Self.nonEmpty(meta.subtitle) { textLeaf("subtitle", [], subtitle, d1 + 1) }
        close("title-group", d1)

        writeContributors(d1)
        writeDates(d1)

        if let volume = Self.nonEmpty(issue.volume) ?? Self.nonEmpty(meta.volume) { textLeaf("volume", [], volume, d1) }
        if let number = Self.nonEmpty(issue.number) ?? Self.nonEmpty(meta.issue) { textLeaf("issue", [], number, d1) }
        if let issueTitle = Self.nonEmpty(issue.title) { textLeaf("issue-title", [], issueTitle, d1) }

        writePermissions(d1)

        if let url = Self.nonEmpty(meta.canonicalURL).flatMap(Self.safeResource) { emptyLeaf("self-uri", [("xlink:href", url)], d1) }
        if let pdf = Self.nonEmpty(meta.pdfURL).flatMap(Self.safeResource) {
            emptyLeaf("self-uri", [("content-type", "pdf"), ("xlink:href", pdf)], d1)
        }

        if !article.abstract.isEmpty {
            open("abstract", [], d1)
            writeBlocks(article.abstract, in: .abstract, d1 + 1)
            close("abstract", d1)
        }

        let keywords = meta.keywords.compactMap { Self.nonEmpty($0) }
        if !keywords.isEmpty {
            open("kwd-group", [], d1)
            for k in keywords { textLeaf("kwd", [], k, d1 + 1) }
            close("kwd-group", d1)
        }
        close("article-meta", depth)
    }

    /// `<contrib-group>` and the `<aff>` elements its `xref`s point at. A person is a `<name>` (when
    /// ``JATSNameSplitter`` can split it) or a `<string-name>`; a group author is a `<collab>` inside
    /// `<contrib contrib-type="author">` (JATS 1.3), never split into given names and surname.
    mutating func writeContributors(_ depth: Int) {
        let authors = article.metadata.authors.filter {
            Self.nonEmpty($0.name) != nil || Self.nonEmpty($0.affiliation) != nil || Self.nonEmpty($0.email) != nil
        }
        guard !authors.isEmpty else { return }
        open("contrib-group", [], depth)
        for author in authors {
            let role = Self.nonEmpty(author.role)
            let type = role.map { $0.lowercased() } ?? "author"
            open("contrib", [("contrib-type", type)], depth + 1)
            let name = Self.nonEmpty(author.name) ?? ""
            if author.isGroup {
                textLeaf("collab", [], name, depth + 2)
            } else if let split = JATSNameSplitter.split(name) {
                open("name", [("name-style", "western")], depth + 2)
                textLeaf("surname", [], split.surname, depth + 3)
                textLeaf("given-names", [], split.givenNames, depth + 3)
                if let suffix = split.suffix { textLeaf("suffix", [], suffix, depth + 3) }
                close("name", depth + 2)
            } else {
                textLeaf("string-name", [], name, depth + 2)
            }
            if let role { textLeaf("role", [], role, depth + 2) }
            if let email = Self.nonEmpty(author.email) { textLeaf("email", [], email, depth + 2) }
            if let aff = Self.nonEmpty(author.affiliation), let entry = affiliations.first(where: { $0.text == aff }) {
                emptyLeaf("xref", [("ref-type", "aff"), ("rid", entry.id)], depth + 2)
            }
            close("contrib", depth + 1)
        }
        close("contrib-group", depth)
        for entry in affiliations {
            textLeaf("aff", [("id", entry.id)], entry.text, depth)
        }
    }

    /// The article's publication date (`date-type="pub"`) and the issue's cover date
    /// (`date-type="collection"`); `<pub-date-not-available/>` when there is neither.
    mutating func writeDates(_ depth: Int) {
        let pub = article.metadata.publicationDate
        let cover = issue.coverDate.flatMap { PublicationDate(iso: $0) }
        if let pub { writeDate(pub, type: "pub", depth) }
        if let cover { writeDate(cover, type: "collection", depth) }
        if pub == nil && cover == nil { emptyLeaf("pub-date-not-available", [], depth) }
    }

    private mutating func writeDate(_ date: PublicationDate, type: String, _ depth: Int) {
        open("pub-date", [("publication-format", "electronic"), ("date-type", type), ("iso-8601-date", date.iso)], depth)
        if let day = date.day { textLeaf("day", [], Self.zeroPadded(day, 2), depth + 1) }
        if let month = date.month { textLeaf("month", [], Self.zeroPadded(month, 2), depth + 1) }
        textLeaf("year", [], Self.zeroPadded(date.year, 4), depth + 1)
        close("pub-date", depth)
    }

    /// `<permissions>`: copyright from the publisher (journal, else article metadata) and the year
    /// of publication (article, else cover date); the licence from the journal. Omitted when there
    /// is neither a copyright holder nor a licence.
    mutating func writePermissions(_ depth: Int) {
        let holder = Self.nonEmpty(issue.journal.publisher) ?? Self.nonEmpty(article.metadata.publisher)
        let year = article.metadata.publicationDate?.year ?? issue.coverDate.flatMap { PublicationDate(iso: $0) }?.year
        let license = Self.nonEmpty(issue.journal.license)
        let licenseURL = Self.nonEmpty(issue.journal.licenseURL)
        guard holder != nil || license != nil || licenseURL != nil else { return }
        open("permissions", [], depth)
        if let holder {
            let statement = "\u{00A9} " + (year.map { "\($0) " } ?? "") + holder
            textLeaf("copyright-statement", [], statement, depth + 1)
            if let year { textLeaf("copyright-year", [], String(year), depth + 1) }
            textLeaf("copyright-holder", [], holder, depth + 1)
        }
        if license != nil || licenseURL != nil {
            open("license", licenseURL.map { [("xlink:href", $0)] } ?? [], depth + 1)
            if let licenseURL { textLeaf("ali:license_ref", [], licenseURL, depth + 2) }
            if let license { textLeaf("license-p", [], license, depth + 2) }
            close("license", depth + 1)
        }
        close("permissions", depth)
    }
}
