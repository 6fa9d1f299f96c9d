import Foundation
import KeiDocument
import KeiXML

/// Reads article metadata from a parsed page, merging its sources in a fixed, documented precedence.
///
/// For each field the first source in the list below that yields a usable value wins
/// ("meta X" is `<meta name|property|itemprop="X" content>`; keys are matched case-insensitively).
/// Singular fields read only the first tag of each key (later ones usually describe related articles).
/// JSON-LD means the first `Article`-like node (`Article`, `ScholarlyArticle`, `NewsArticle`,
/// `BlogPosting`, `Report`, any `…Article`; a `WebPage` only when there is none), looked for in
/// top-level arrays, `@graph` and `mainEntity`, with `@id` references resolved. "Visible" sources
/// read the body outside `nav`, `aside`, `footer`, `form`, scripts and hidden elements.
///
/// | field | precedence (first wins) |
/// | --- | --- |
/// | title | `citation_title` → JSON-LD `headline`/`name` → `DC.title` → `dcterms.title` → `og:title` → `twitter:title` → `<title>` → first `<h1>` |
/// | subtitle | `citation_subtitle` → JSON-LD `alternativeHeadline` → `DC.title.alternative` → visible `.subtitle`/`.dek`/`.standfirst` element |
/// | authors | `citation_author` (+ following `citation_author_institution`/`_email`) → JSON-LD `author` → JSON-LD `creator` → `DC.creator` → `dcterms.creator` → meta `author` → `article:author`/`og:article:author` (not URLs) → visible byline (`rel=author`, `itemprop=author`, class `*author*`/`*byline*`; name/affiliation children or "By A and B" / "A, Korea University" text) |
/// | publication date | `citation_publication_date` → `citation_date` → `citation_online_date` → JSON-LD `datePublished` → `DC.date.issued` → `dcterms.issued` → `DC.date` → `dcterms.date` → `article:published_time` → `og:article:published_time` → meta `datePublished` → first `<time pubdate>`/`<time itemprop=datePublished>` → visible "Published December 15, 2025" / date-classed element → first other `<time datetime>` |
/// | journal | `citation_journal_title` → JSON-LD `isPartOf` Periodical `name` → `prism.publicationName` → visible series banner name |
/// | series | visible series banner ("Korea Policy Vol. 3, Issue 2") → `citation_series_title` → JSON-LD Periodical `name` → `citation_journal_title` → `article:section` |
/// | volume | `citation_volume` → JSON-LD `volumeNumber` → `prism.volume` → visible banner |
/// | issue | `citation_issue` → JSON-LD `issueNumber` → `prism.number` → visible banner |
/// | publisher | `citation_publisher` → `DC.publisher` → `dcterms.publisher` → JSON-LD `publisher.name` → `og:site_name` |
/// | canonical URL | `<link rel=canonical>` → `citation_public_url` → `og:url` → JSON-LD `url`/`mainEntityOfPage` → `DC.identifier` (http URL) |
/// | language | `citation_language` → `DC.language` → `dcterms.language` → JSON-LD `inLanguage` → `<html lang>` → `http-equiv=content-language` → `og:locale` |
/// | keywords | `citation_keywords` → JSON-LD `keywords` → `DC.subject` → `article:tag` → meta `keywords` (the first source with any keyword gives all of them) |
/// | summary | `citation_abstract` → JSON-LD `description` → `DC.description` → `dcterms.abstract` → `og:description` → meta `description` → `twitter:description` |
/// | PDF URL | `citation_pdf_url` → first visible `<a href="….pdf">` (resolved against the canonical URL) |
/// | DOI | `citation_doi` → `DC.identifier` (doi) → `prism.doi` → JSON-LD `identifier`/`sameAs`/`@id` (doi) |
///
/// The title keeps where it is written (``TitleRun``): when a rendered `<h1>` shows exactly the merged
/// title, ``KeiDocument/ArticleMetadata/titleRun`` has that text's origins, so findings in the title
/// are located in the heading and `--fix` edits it; otherwise its one origin is the winning value's
/// source (a `<meta content>` value, the `<title>` text, a JSON-LD property): findings are located
/// there, without an edit (the `<title>`'s " - Site" is the site's separator, not the author's dash).
///
/// Authors of the winning source that lack an affiliation get one from a lower source naming the same person.
/// The visible byline is the article's own (the first after the title `<h1>`), never one in other
/// content (related cards, sidebars, teasers: ``OtherContentRegion``) or a tooltip; group bylines
/// ("The Editorial Board", "Reuters", an institution, a JSON-LD `Organization`) are group authors
/// (``KeiDocument/AuthorKind/group``, see ``GroupAuthorName``).
///
/// Values are normalised: character references left in JSON-LD strings and `<meta>` values are
/// decoded (``KeiXML/HTMLCharacterReferences``), whitespace runs (including U+00A0) collapse to one
/// space, ends are trimmed, C1 control characters from mislabelled windows-1252 pages become the
/// characters browsers show; curly quotes are kept. Site-name suffixes/prefixes ("… | Korea Economic
/// Institute of America") are removed from titles when the site name is known (og:site_name,
/// publisher, journal — the page's and the configured one (`siteNames`) —, KEI's names) or when the `<h1>` or `og:title` shows the title without them
/// (``MetadataText/stripPartNotShown(_:shown:)``); a title that is only the site name is not a title
/// candidate.
///
/// Diagnostics (see ``MetadataMessages``):
/// - `ingest.metadata-conflict` (warning) when a lower source disagrees with the winner for title,
///   subtitle, date, journal, volume, issue or DOI, located at the losing element (weak sources —
///   the first of several `<h1>`s, a `<time>` without `pubdate`, `article:section` — are not checked).
///   Values that differ only in whitespace or spacing, quotes, dashes, case, trailing punctuation,
///   compatibility forms or encoding (``MetadataText/sameValue(_:_:)``) agree; titles also agree
///   when one is the other plus a part set off by a separator (`Title | Site`,
///   `Site - Title`, `Title: Subtitle`, `Title [Site]`); dates agree when they match at their common
///   precision (`2025-12` agrees with `2025-12-15`).
///   The diagnostic's span is the losing value (attribute value, JSON-LD property, element text).
/// - `ingest.placeholder-date` (warning) for a date that is a placeholder (``PlaceholderDate``: the
///   Unix epoch in any format, the WordPress zero date, `0001-01-01`, `1900-01-01`), machine or
///   visible; it is ignored, so any real date wins.
/// - `ingest.date-invalid` (warning) for a machine-readable date (meta tag, JSON-LD, `<time pubdate>`
///   or the first `<time datetime>`) that is not a real calendar date (`2025-13-45`, garbage); it is
///   ignored and the next source is used. Readable forms:
///   ISO 8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, date-times), `YYYY/MM/DD`, written dates
///   (`December 15, 2025`, `15 Dec 2025`). `<time>` durations, times of day and week values are
///   skipped without a warning.
/// - `ingest.metadata-missing` (warning) when no title or no date was found.
/// - `ingest.jsonld-invalid` (info) for a JSON-LD block that is not valid JSON.
public enum MetadataExtractor {
    /// Site names always stripped from title suffixes: KEI's names and its journal's.
    public static let knownSiteNames = ["Korea Economic Institute of America", "Korea Economic Institute", "KEI",
                                        "KEI America", "keia.org", "Korea Policy"]

    /// Extracts the metadata of `document`; diagnostics are located in `file`. `siteNames` are more
    /// names to strip from titles besides ``knownSiteNames`` and those the page gives: the configured
    /// journal's title, abbreviated title and publisher (``IngestHTMLStage`` passes them).
    public static func extract(from document: DOMDocument, file: String,
                               siteNames extraSiteNames: [String] = []) -> (metadata: ArticleMetadata, diagnostics: [Diagnostic]) {
        var merger = MetadataMerger(file: file, document: document)
        let tags = MetaTagIndex(root: document.root)
        let ld = JSONLDReader.read(tags.jsonLD)
        let titleHeading = tags.h1s.first { MetadataText.nonEmpty($0.text) != nil }
        let visible = VisibleMetadataReader.read(document.root, title: titleHeading.map { ($0.line, $0.origin.elementStart) })
        var m = ArticleMetadata()

        for bad in ld.invalidBlocks {
            merger.emit(MetadataMessages.jsonLDInvalid.diagnostic(
                "The JSON-LD block (<script type=\"application/ld+json\">) at line \(bad.line) is \(bad.reason); its metadata was skipped.",
                at: merger.location(bad.line),
                fix: "Fix the JSON syntax of that script (check commas and quotes) or remove it."))
        }
        for escapes in ld.controlEscapes {
            merger.emit(EncodingDiagnostics.control.diagnostic(
                "The JSON-LD block at line \(escapes.line) escapes \(escapes.count) control character(s) that text cannot hold (such as \\u0000 or the C1 control \\u0085); each was replaced by U+FFFD.",
                at: merger.location(escapes.line),
                fix: "Replace the escape with the character meant (\\u2026 for an ellipsis) or remove it."))
        }
        func ldCandidate(_ value: String?, _ name: String,
                         reading read: (String?) -> String? = MetadataText.nonEmpty) -> [MetadataCandidate] {
            guard let v = read(value) else { return [] }
            let key = name.split(whereSeparator: { $0 == " " || $0 == "." }).first.map(String.init) ?? name
            return [MetadataCandidate(value: v, source: "JSON-LD \(name)", line: ld.line,
                                      origin: ld.start.map { ValueOrigin(elementStart: $0, jsonKey: key) })]
        }
        func visibleCandidate(_ value: String?, _ label: String, _ line: Int, _ origin: ValueOrigin?,
                              reading read: (String?) -> String? = MetadataText.nonEmpty) -> [MetadataCandidate] {
            guard let v = read(value) else { return [] }
            return [MetadataCandidate(value: v, source: label, line: line, origin: origin)]
        }

        // Journal, series, publisher first: their names are site names to strip from titles.
        let journal = merger.pick("journal", tags.candidates(["citation_journal_title"], firstOnly: true)
            + ldCandidate(ld.periodical, "isPartOf Periodical name")
            + tags.candidates(["prism.publicationname"], firstOnly: true)
            + visibleCandidate(visible.seriesName, "visible series banner", visible.seriesLine, visible.seriesOrigin), same: sameText)
        m.journal = journal?.value
        m.series = merger.pick("series", visibleCandidate(visible.seriesName, "visible series banner", visible.seriesLine, visible.seriesOrigin)
            + tags.candidates(["citation_series_title"], firstOnly: true)
            + ldCandidate(ld.periodical, "isPartOf Periodical name")
            + tags.candidates(["citation_journal_title"])
            + tags.candidates(["article:section"], firstOnly: true).map(weak), same: sameText, checkConflicts: false)?.value
        m.publisher = merger.pick("publisher", tags.candidates(["citation_publisher", "dc.publisher", "dcterms.publisher"], firstOnly: true)
            + ldCandidate(ld.publisher, "publisher.name")
            + tags.candidates(["og:site_name"], firstOnly: true), same: sameText, checkConflicts: false)?.value
        m.volume = merger.pick("volume", tags.candidates(["citation_volume"], firstOnly: true)
            + ldCandidate(ld.volumeNumber, "volumeNumber")
            + tags.candidates(["prism.volume"], firstOnly: true)
            + visibleCandidate(visible.volume, "visible series banner", visible.seriesLine, visible.seriesOrigin), same: sameText)?.value
        m.issue = merger.pick("issue", tags.candidates(["citation_issue"], firstOnly: true)
            + ldCandidate(ld.issueNumber, "issueNumber")
            + tags.candidates(["prism.number"], firstOnly: true)
            + visibleCandidate(visible.issue, "visible series banner", visible.seriesLine, visible.seriesOrigin), same: sameText)?.value

        // Title.
        var siteNames = knownSiteNames + extraSiteNames
        siteNames += tags.candidates(["og:site_name", "application-name", "citation_journal_title", "citation_publisher",
                                      "dc.publisher", "twitter:site"]).map(\.value)
        siteNames += [ld.publisher, ld.periodical, visible.seriesName, m.journal, m.publisher].compactMap { $0 }
        var titles = tags.candidates(["citation_title"], firstOnly: true) + ldCandidate(ld.headline, "headline")
            + tags.candidates(["dc.title", "dcterms.title", "og:title", "twitter:title"], firstOnly: true)
        if let t = tags.title, let v = MetadataText.nonEmpty(t.text) {
            titles.append(MetadataCandidate(value: v, source: "<title>", line: t.line, origin: t.origin))
        }
        if let h = tags.h1s.first, let v = MetadataText.nonEmpty(h.text) {
            titles.append(MetadataCandidate(value: v, source: "the first <h1>", line: h.line, checksConflicts: tags.h1s.count == 1,
                                            origin: h.origin))
        }
        let siteKeys = Set(siteNames.map(MetadataText.comparisonKey))
        let strippableSiteKeys = siteKeys.filter { !$0.isEmpty }
        // What the page shows as its title without a site part: the <h1>, og:title, twitter:title.
        let shownTitles = (tags.h1s.prefix(1).map(\.text) + tags.candidates(["og:title", "twitter:title"], firstOnly: true).map(\.value))
            .compactMap { MetadataText.nonEmpty($0) }
        titles = titles.compactMap { c in
            var c = c
            c.value = MetadataText.stripSiteName(c.value, siteKeys: strippableSiteKeys)
            if c.source == "<title>" || c.source.hasSuffix("\"og:title\">") || c.source.hasSuffix("\"twitter:title\">") {
                c.value = MetadataText.stripPartNotShown(c.value, shown: shownTitles)
            }
            return siteKeys.contains(MetadataText.comparisonKey(c.value)) ? nil : c
        }
        if let winner = merger.pick("title", titles, same: MetadataText.sameTitle) {
            // Not the <title>: what it adds around the title (" - Site") is the site's, not the author's.
            m.titleRun = TitleRun.make(winner.value, shown: tags.h1s.map(\.run), fallback: merger.span(winner.origin))
        }

        m.subtitle = merger.pick("subtitle", tags.candidates(["citation_subtitle"], firstOnly: true)
            + ldCandidate(ld.alternativeHeadline, "alternativeHeadline")
            + tags.candidates(["dc.title.alternative"], firstOnly: true)
            + visibleCandidate(visible.subtitle, "visible subtitle element", visible.subtitleLine, visible.subtitleOrigin),
            same: MetadataText.sameTitle)?.value

        // Date.
        var dates: [DateCandidate] = []
        for c in tags.candidates(["citation_publication_date", "citation_date", "citation_online_date"], firstOnly: true) {
            dates.append(DateCandidate(raw: c.value, source: c.source, line: c.line, origin: c.origin))
        }
        if let d = MetadataText.nonEmpty(ld.datePublished) {
            dates.append(DateCandidate(raw: d, source: "JSON-LD datePublished", line: ld.line,
                                       origin: ld.start.map { ValueOrigin(elementStart: $0, jsonKey: "datePublished") }))
        }
        for c in tags.candidates(["dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "article:published_time",
                                  "og:article:published_time", "datepublished"], firstOnly: true) {
            dates.append(DateCandidate(raw: c.value, source: c.source, line: c.line, origin: c.origin))
        }
        func timeOrigin(_ t: MetaTagIndex.Time) -> ValueOrigin? {
            t.start.map { ValueOrigin(elementStart: $0, attribute: "datetime") }
        }
        if let t = tags.times.first(where: { $0.isPublication && DateCandidate.isDateLike($0.datetime) }) {
            dates.append(DateCandidate(raw: t.datetime, source: "<time datetime> (pubdate)", line: t.line, origin: timeOrigin(t)))
        }
        if let p = visible.placeholderDate {
            dates.append(DateCandidate(raw: p.text, source: "visible text \(MetadataText.quoted(p.text))", line: p.line,
                                       checksConflicts: false, origin: p.origin))
        }
        if let d = visible.date {
            dates.append(DateCandidate(raw: d.iso, source: "visible text \(MetadataText.quoted(visible.dateText ?? d.iso))",
                                       line: visible.dateLine, parsed: d, origin: visible.dateOrigin))
        }
        if let t = tags.times.first(where: { !$0.isPublication && DateCandidate.isDateLike($0.datetime) }) {
            dates.append(DateCandidate(raw: t.datetime, source: "<time datetime>", line: t.line, checksConflicts: false,
                                       origin: timeOrigin(t)))
        }
        m.publicationDate = merger.pickDate(dates)

        // Authors.
        m.authors = merger.pickAuthors(tags: tags, ld: ld, visible: visible)

        // Canonical URL, language, keywords, summary, PDF, DOI. Addresses are read as the URL parser reads
        // them (not whitespace-collapsed), and checked by ingest as links are.
        var urls: [MetadataCandidate] = []
        if let c = tags.canonical, let v = MetadataText.nonEmptyURL(MetadataText.decodingReferences(c.href)) {
            urls.append(MetadataCandidate(value: v, source: "<link rel=\"canonical\">", line: c.line))
        }
        let url = MetadataText.nonEmptyURL
        urls += tags.candidates(["citation_public_url", "og:url"], firstOnly: true, reading: url) + ldCandidate(ld.url, "url", reading: url)
        urls += tags.candidates(["dc.identifier"], reading: url).filter { $0.value.lowercased().hasPrefix("http") }
        m.canonicalURL = merger.pick("canonical URL", urls, same: sameText, checkConflicts: false)?.value

        var langs = tags.candidates(["citation_language", "dc.language", "dcterms.language"], firstOnly: true)
            + ldCandidate(ld.inLanguage, "inLanguage")
        if let l = tags.htmlLang, let v = MetadataText.nonEmpty(l.value) {
            langs.append(MetadataCandidate(value: v, source: "<html lang>", line: l.line))
        }
        langs += tags.candidates(["content-language", "og:locale"], firstOnly: true)
        m.language = merger.pick("language", langs.compactMap(languageTag), same: sameText, checkConflicts: false)?.value

        m.keywords = merger.pickKeywords(tags: tags, ld: ld)

        m.summary = merger.pick("summary", tags.candidates(["citation_abstract"]) + ldCandidate(ld.description, "description")
            + tags.candidates(["dc.description", "dcterms.abstract", "dcterms.description", "og:description", "description",
                               "twitter:description"]), same: sameText, checkConflicts: false)?.value

        let pdf = merger.pick("PDF URL", tags.candidates(["citation_pdf_url"], reading: url)
            + visibleCandidate(visible.pdfURL, "visible PDF link", visible.pdfLine, visible.pdfOrigin, reading: url),
            same: sameText, checkConflicts: false)
        if let p = pdf?.value {
            // Resolved as a link is (against the page's base URL: its <base href>, else the canonical
            // URL); one that is not allowed is kept for ingest to drop and report.
            let base = SafeURL.documentBase(of: document.root, canonical: m.canonicalURL)
            if case .allowed(let u) = SafeURL.check(p, for: .resource, base: base) { m.pdfURL = u } else { m.pdfURL = p }
        }

        let dois = (tags.candidates(["citation_doi", "dc.identifier", "dcterms.identifier", "prism.doi"])
            + ldCandidate(ld.doi, "identifier")).compactMap { c -> MetadataCandidate? in
                guard let d = DOIText.clean(c.value) else { return nil }
                var c = c
                c.value = d
                return c
            }
        m.doi = merger.pick("DOI", dois, same: { $0.lowercased() == $1.lowercased() })?.value

        merger.reportMissing(m, document: document, tags: tags)
        return (m, merger.diagnostics)
    }

    static func sameText(_ a: String, _ b: String) -> Bool {
        MetadataText.sameValue(a, b)
    }

    static func weak(_ c: MetadataCandidate) -> MetadataCandidate {
        var c = c
        c.checksConflicts = false
        return c
    }

    /// A BCP 47-looking tag (`en`, `en-US`; `en_US` becomes `en-US`), or nil.
    static func languageTag(_ c: MetadataCandidate) -> MetadataCandidate? {
        let v = TextSearch.replacing("_", with: "-", in: c.value)
        let first = v.split(separator: ",").first.map { TextTrimming.whitespaces(String($0)) } ?? ""
        let parts = first.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...8).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        var c = c
        c.value = first
        return c
    }
}
