import KeiCitations
import KeiCore
import KeiDocument

/// Web addresses in notes, references and running text (Chicago Manual of Style, 17th ed., 14.10–14.18
/// on URLs in citations; RFC 3986 for their syntax):
/// - `url-syntax`: an address that is not well formed (a misspelt or incomplete scheme such as
///   "htp://" or "https//", no host, a host that is no domain, a bad port, a space or a character a
///   URL may not hold, a stray "%"), or one broken in two by a space;
/// - `url-http`: an `http://` address of a site the article cites elsewhere with `https://`;
/// - `url-tracking`: tracking parameters in the query (``TrackingParameters``); the fix removes them,
///   and is safe when the address is plain text whose source is exactly these characters (an address
///   that is a link's text would leave the link's own address unchanged, so there it is suggested);
/// - `bare-url`: a web address written out in the running text (paragraphs, list items, the abstract),
///   a link whose text is its address included, instead of in a note.
///
/// Links whose text is words are checked by their address (`url-http`, `url-tracking`), at their text.
struct URLChecker: CitationChecker {
    enum Messages {
        static let syntax = StageMessage("check.citations.url-syntax", .warning,
            "A web address that is not well formed (RFC 3986): scheme, host, port or characters, or a space inside it.")
        static let http = StageMessage("check.citations.url-http", .warning,
            "An http:// address of a site the article cites elsewhere with https://.")
        static let tracking = StageMessage("check.citations.url-tracking", .warning,
            "A web address carries tracking parameters (utm_*, fbclid, gclid…); the fix removes them.")
        static let bare = StageMessage("check.citations.bare-url", .warning,
            "A web address written out in the running text instead of in a note.")
    }

    static let messages = [Messages.syntax, Messages.http, Messages.tracking, Messages.bare]

    /// The stage examples of these rules (``CheckCitationsStage``'s examples include them).
    static let examples: [StageExample] = [
        StageExample("web addresses as notes should give them", html: CitationExamplePage.page(notes: [
            "The White House, “Washington Declaration,” April 26, 2023, https://www.whitehouse.gov/briefing-room/statements-releases/2023/04/26/washington-declaration-2/.",
            "The White House, “Fact Sheet,” 2023, <a href=\"https://www.whitehouse.gov/fact-sheet/?page=2\">https://www.whitehouse.gov/fact-sheet/?page=2</a>.",
            "Wikipedia, “Korean War (1950–1953),” https://en.wikipedia.org/wiki/Korean_War_(1950%E2%80%931953).",
        ])),
        StageExample("misspelt and incomplete addresses", html: CitationExamplePage.page(notes: [
            "Ministry of Unification, <em>White Paper</em>, 2024, ⟦htp://www.unikorea.go.kr/white-paper⟧.",
            "Korea Institute for National Unification, “Survey,” 2023, ⟦https//www.kinu.or.kr/survey⟧.",
            "Ministry of National Defense, <em>Defense White Paper</em>, 2022, ⟦https://www.mnd.go.kr:99999/paper⟧.",
        ]), expect: ["check.citations.url-syntax"]),
        StageExample("an address broken by a space", html: CitationExamplePage.page(notes: [
            "Statement, 2023, ⟦https://www.whitehouse.gov/briefing-room/ statements-releases/2023/04/26/washington-declaration-2/⟧.",
        ]), expect: ["check.citations.url-syntax"]),
        StageExample("http for a site cited with https", html: CitationExamplePage.page(notes: [
            "The White House, “Washington Declaration,” 2023, https://www.whitehouse.gov/briefing-room/washington-declaration/.",
            "The White House, “Fact Sheet,” 2023, ⟦http⟧://www.whitehouse.gov/briefing-room/fact-sheet/.",
        ]), expect: ["check.citations.url-http"]),
        StageExample("tracking parameters", html: CitationExamplePage.page(notes: [
            "Victor Cha, “Allies,” <em>CSIS</em>, 2024, ⟦https://www.csis.org/analysis/allies?id=7&amp;utm_source=newsletter&amp;utm_medium=email⟧.",
        ]), expect: ["check.citations.url-tracking"]),
        StageExample("a web address in the running text", html: StageExample.articlePage(
            "<p>The declaration is published at ⟦https://www.whitehouse.gov/briefing-room/washington-declaration/⟧ for all readers.</p>"),
            expect: ["check.citations.bare-url"], skipping: CitationExamplePage.bodySkips),
    ]

    static let textScopes: Set<TextScope> = [.note, .reference, .paragraph, .listItem, .abstract, .quotation, .tableCell, .caption]
    static let runningText: Set<TextScope> = [.paragraph, .listItem, .abstract]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        let units = input.analysis.units.filter { Self.textScopes.contains($0.scope) }
        let mentions = units.map { URLMention.all(in: $0) }
        // The sites the article cites with https, from written addresses and links' addresses.
        var secure = Set<String>()
        for (unit, list) in zip(units, mentions) {
            for m in list where m.url.problem == nil && m.url.scheme == "https" { secure.insert(m.url.site ?? "") }
            for s in unit.scopes where s.kind == .link {
                if let t = s.target { let u = WrittenURL(t); if u.problem == nil, u.scheme == "https", let site = u.site { secure.insert(site) } }
            }
        }
        var out: [Diagnostic] = []
        for (unit, list) in zip(units, mentions) {
            for m in list { out += check(m, in: unit, secure: secure) }
            out += checkLinks(unit, mentions: list, secure: secure)
        }
        return out
    }

    func check(_ m: URLMention, in unit: TextUnit, secure: Set<String>) -> [Diagnostic] {
        let text = m.url.text
        let span = unit.exactSpan(of: m.range) ?? unit.span(of: m.range)
        if let why = m.url.problem {
            return [Messages.syntax.diagnostic("the web address “\(text)” is not well formed: \(why).", at: unit.location,
                                               fix: "Correct the address so that it reads scheme://host/path (https://example.org/page), and check that it opens.",
                                               span: span)]
        }
        var out: [Diagnostic] = []
        if let broken = m.brokenRange {
            let whole = unit.string(of: broken)
            out.append(Messages.syntax.diagnostic("the web address “\(text)” is broken by a space: “\(whole)” reads as one address.",
                                                  at: unit.location, fix: "Remove the space inside the address.",
                                                  span: unit.span(of: broken)))
        }
        if m.url.scheme == "http", let site = m.url.site, secure.contains(site), let r = m.url.schemeRange {
            let schemeRange = (m.range.lowerBound + r.lowerBound)..<(m.range.lowerBound + r.upperBound)
            let edits = unit.exactSpan(of: schemeRange).map { [TextEdit(span: $0, replacement: "https", isSafe: false)] } ?? []
            out.append(Messages.http.diagnostic(
                "“\(text)” uses http://, but the article cites \(site) with https:// elsewhere.", at: unit.location,
                fix: "Write https:// here too, after checking that the page opens.", span: unit.span(of: schemeRange) ?? span, edits: edits))
        }
        if let q = m.url.queryRange, let (names, cleaned) = TrackingParameters.strip(text, query: q) {
            var edits: [TextEdit] = []
            if let exact = unit.exactSpan(of: m.range), unit.hasContiguousSource(m.range) {
                edits = [TextEdit(span: exact, replacement: cleaned, isSafe: !m.inLink)]
            }
            out.append(Messages.tracking.diagnostic(
                "“\(text)” carries tracking parameters (\(names.joined(separator: ", "))) that record a reader’s visit, not the document.",
                at: unit.location, fix: "Cite the address without them: \(cleaned)\(m.inLink ? " (in the link’s address too)" : "").",
                span: span, edits: edits))
        }
        if Self.runningText.contains(unit.scope) {
            out.append(Messages.bare.diagnostic(
                "the web address “\(text)” is written out in the running text; Korea Policy gives web sources in notes.",
                at: unit.location, fix: "Move the address into a note citing the page (author, title, site, date, URL), or link descriptive words to it.",
                span: span))
        }
        return out
    }

    /// Links whose text is words (not an address mentioned in the text): their addresses' scheme and query.
    func checkLinks(_ unit: TextUnit, mentions: [URLMention], secure: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for s in unit.scopes where s.kind == .link {
            guard let target = s.target, !mentions.contains(where: { s.range.contains($0.range.lowerBound) }) else { continue }
            let url = WrittenURL(target)
            guard url.problem == nil else { continue }
            let words = unit.string(of: s.range)
            let span = unit.span(of: s.range)
            if url.scheme == "http", let site = url.site, secure.contains(site) {
                out.append(Messages.http.diagnostic(
                    "the link “\(words)” points at \(target) with http://, but the article cites \(site) with https:// elsewhere.",
                    at: unit.location, fix: "Link to the https:// address, after checking that the page opens.", span: span))
            }
            if let q = url.queryRange, let (names, cleaned) = TrackingParameters.strip(target, query: q) {
                out.append(Messages.tracking.diagnostic(
                    "the link “\(words)” points at an address with tracking parameters (\(names.joined(separator: ", "))).",
                    at: unit.location, fix: "Link to \(cleaned) instead.", span: span))
            }
        }
        return out
    }
}
