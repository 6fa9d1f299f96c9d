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

    /// `<article-meta>`, children in the DTD's order. Identifiers, subject, elocation-id, resource URL,
    /// keywords and contributors come from ``ArticlePublication``.
    mutating func writeArticleMeta(_ depth: Int) {
        let meta = article.metadata
        let d1 = depth + 1
        open("article-meta", [], depth)
        if let pid = Self.nonEmpty(article.id) { textLeaf("article-id", [("pub-id-type", "publisher-id")], pid, d1) }
        if let doi = Self.nonEmpty(publication.doi) { textLeaf("article-id", [("pub-id-type", "doi")], doi, d1) }

        open("article-categories", [], d1)
        open("subj-group", [("subj-group-type", "heading")], d1 + 1)
        textLeaf("subject", [], publication.subject, d1 + 2)
        close("subj-group", d1 + 1)
        close("article-categories", d1)

        // title-group is required; an article without a title gets an empty <article-title/>.
        open("title-group", [], d1)
        textLeaf("article-title", [], Self.nonEmpty(meta.title) ?? "", d1 + 1)
        if let subtitle = Self.nonEmpty(meta.subtitle) { textLeaf("subtitle", [], subtitle, d1 + 1) }
        close("title-group", d1)

        writeContributors(d1)
        writeAuthorNotes(d1)
        writeDates(d1)

        if let volume = Self.nonEmpty(issue.volume) ?? Self.nonEmpty(meta.volume) { textLeaf("volume", [], volume, d1) }
        if let number = Self.nonEmpty(issue.number) ?? Self.nonEmpty(meta.issue) { textLeaf("issue", [], number, d1) }
        if let issueTitle = Self.nonEmpty(issue.title) { textLeaf("issue-title", [], issueTitle, d1) }
        if let elocation = Self.nonEmpty(publication.elocationID) { textLeaf("elocation-id", [], elocation, d1) }

        writePermissions(d1)

        let resource = Self.nonEmpty(publication.resourceURL).flatMap(Self.safeResource)
        if let url = resource ?? Self.nonEmpty(meta.canonicalURL).flatMap(Self.safeResource) {
            emptyLeaf("self-uri", [("xlink:href", url)], d1)
        }
        if let pdf = Self.nonEmpty(meta.pdfURL).flatMap(Self.safeResource) {
            emptyLeaf("self-uri", [("content-type", "pdf"), ("xlink:href", pdf)], d1)
        }

        if !article.abstract.isEmpty {
            open("abstract", [], d1)
            writeBlocks(article.abstract, in: .abstract, d1 + 1)
            close("abstract", d1)
        }

        if !publication.keywords.isEmpty {
            open("kwd-group", [], d1)
            for k in publication.keywords { textLeaf("kwd", [], k, d1 + 1) }
            close("kwd-group", d1)
        }
        close("article-meta", depth)
    }

    /// `<contrib-group>` and the `<aff>` elements its `xref`s point at (one per distinct affiliation),
    /// from ``ArticlePublication/contributors``. A person is a `<name>` when the workflow or
    /// ``JATSNameSplitter`` gives the surname, else a `<string-name>` as displayed (the stage warns
    /// `emit.jats.unsplit-name`); a group author is a `<collab>` (JATS 1.3), never split. ORCID iDs are
    /// `contrib-id contrib-id-type="orcid"` (not authenticated: the workflow states them); the
    /// corresponding author gets `corresp="yes"` and, when an email is known, an `xref` to the
    /// `author-notes/corresp` holding it.
    mutating func writeContributors(_ depth: Int) {
        let contributors = writtenContributors
        guard !contributors.isEmpty else { return }
        let correspondent = correspondingContributorIndex
        open("contrib-group", [], depth)
        for (index, contributor) in contributors.enumerated() {
            let role = Self.nonEmpty(contributor.role)
            var attrs = [("contrib-type", role.map { $0.lowercased() } ?? "author")]
            if contributor.corresponding { attrs.append(("corresp", "yes")) }
            open("contrib", attrs, depth + 1)
            if let orcid = contributor.orcidURL, !contributor.isGroup {
                textLeaf("contrib-id", [("contrib-id-type", "orcid"), ("authenticated", "false")], orcid, depth + 2)
            }
            writeName(contributor, depth + 2)
            if let role { textLeaf("role", [], role, depth + 2) }
            let writesCorrespondence = correspondenceID != nil && index == correspondent
            if !writesCorrespondence, let email = Self.nonEmpty(contributor.email) { textLeaf("email", [], email, depth + 2) }
            if let aff = Self.nonEmpty(contributor.affiliation), let entry = affiliations.first(where: { $0.text == aff }) {
                emptyLeaf("xref", [("ref-type", "aff"), ("rid", entry.id)], depth + 2)
            }
            if writesCorrespondence, let rid = correspondenceID {
                emptyLeaf("xref", [("ref-type", "corresp"), ("rid", rid)], depth + 2)
            }
            close("contrib", depth + 1)
        }
        close("contrib-group", depth)
        for entry in affiliations {
            textLeaf("aff", [("id", entry.id)], entry.text, depth)
        }
    }

    /// `<collab>`, `<name>` (surname, given names, suffix) or `<string-name>` for one contributor.
    private mutating func writeName(_ contributor: PublishedContributor, _ depth: Int) {
        let name = Self.nonEmpty(contributor.name) ?? ""
        if contributor.isGroup {
            textLeaf("collab", [], name, depth)
        } else if let surname = Self.nonEmpty(contributor.surname) {
            open("name", [("name-style", Self.nameStyle(surname + (contributor.givenNames ?? "")))], depth)
            textLeaf("surname", [], surname, depth + 1)
            if let given = Self.nonEmpty(contributor.givenNames) { textLeaf("given-names", [], given, depth + 1) }
            if let suffix = Self.nonEmpty(contributor.suffix) { textLeaf("suffix", [], suffix, depth + 1) }
            close("name", depth)
        } else {
            textLeaf("string-name", [], name, depth)
        }
    }

    /// JATS `@name-style`: `eastern` (surname first, as Korean, Chinese and Japanese names are written) when the
    /// name is in Hangul, Han ideographs or kana, else `western`.
    static func nameStyle(_ name: String) -> String {
        let eastern = name.unicodeScalars.contains {
            switch $0.value {
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF, 0xA960...0xA97F, 0xD7B0...0xD7FF: true  // Hangul
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true  // kana, Han
            default: false
            }
        }
        return eastern ? "eastern" : "western"
    }

    /// The contributors written in `contrib-group`: those with a name, an affiliation or an email.
    var writtenContributors: [PublishedContributor] {
        publication.contributors.filter {
            Self.nonEmpty($0.name) != nil || Self.nonEmpty($0.affiliation) != nil || Self.nonEmpty($0.email) != nil
        }
    }

    /// The index (among ``writtenContributors``) of the first corresponding author with an email.
    var correspondingContributorIndex: Int? {
        writtenContributors.firstIndex { $0.corresponding && Self.nonEmpty($0.email) != nil }
    }

    /// The email of the first corresponding author that has one.
    var correspondingEmail: String? {
        publication.contributors.first { $0.corresponding && Self.nonEmpty($0.email) != nil }.flatMap { Self.nonEmpty($0.email) }
    }

    /// `<author-notes><corresp id>Corresponding author: <email>…</email></corresp></author-notes>` when a
    /// corresponding author's email is known.
    mutating func writeAuthorNotes(_ depth: Int) {
        guard let id = correspondenceID, let email = correspondingEmail else { return }
        open("author-notes", [], depth)
        leaf("corresp", [("id", id)], depth + 1) {
            $0.writeText("Corresponding author: ")
            $0.textLeaf("email", [], email, nil)
        }
        close("author-notes", depth)
    }

    /// The article's online publication date (`date-type="pub"`, ``ArticlePublication/onlinePublicationDate``:
    /// the page's full date, else the cover date) and the issue's cover date (`date-type="collection"`);
    /// `<pub-date-not-available/>` when there is neither.
    mutating func writeDates(_ depth: Int) {
        let pub = publication.onlinePublicationDate
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
    /// of online publication (``ArticlePublication/onlinePublicationDate``); the licence from the journal. Omitted when there
    /// is neither a copyright holder nor a licence.
    mutating func writePermissions(_ depth: Int) {
        let holder = Self.nonEmpty(issue.journal.publisher) ?? Self.nonEmpty(article.metadata.publisher)
        let year = publication.onlinePublicationDate?.year
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
