import KeiCitations
import KeiCore
import KeiDocument

/// Link checking, only with `--check-links` (``ArticleContext/checkLinks``): every distinct http or
/// https address of the article — written in its notes, references or text, or the address of a link —
/// is requested by the stage's ``LinkProbe`` (limits, retries, redirects and cache as its options say),
/// and reported at its first occurrence (the address as written, or the link's text):
/// - `link-broken` (warning): the page answered 404 or 410;
/// - `link-unreachable` (warning): no answer (host not found, connection refused, timed out after the
///   retries);
/// - `link-redirect` (info): the address redirects permanently (301, 308) to another;
/// - `link-status` (info): any other answer that is not a success (a 403, a 5xx after the retries).
///
/// Without the flag the checker does nothing and no request is made.
struct LinkChecker: CitationChecker {
    enum Messages {
        static let broken = StageMessage("check.citations.link-broken", .warning,
            "With --check-links: a cited web address answers 404 Not Found or 410 Gone.")
        static let unreachable = StageMessage("check.citations.link-unreachable", .warning,
            "With --check-links: a cited web address gives no answer (host not found, connection refused, timed out).")
        static let redirect = StageMessage("check.citations.link-redirect", .info,
            "With --check-links: a cited web address has moved permanently (301, 308) to another.")
        static let status = StageMessage("check.citations.link-status", .info,
            "With --check-links: a cited web address answers with an error other than 404/410 (403, 5xx after retries).")
    }

    static let messages = [Messages.broken, Messages.unreachable, Messages.redirect, Messages.status]

    /// Where an address first occurs.
    struct Occurrence {
        var unit: TextUnit
        var range: Range<Int>
    }

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        guard input.context.checkLinks else { return [] }
        let (order, first) = Self.addresses(in: input.analysis)
        guard !order.isEmpty else { return [] }
        let results = input.options.linkProbe.check(order, cacheFile: input.options.links.cacheFile(outputDirectory: input.context.outputDirectory))
        var out: [Diagnostic] = []
        for url in order {
            guard let r = results[url], let at = first[url] else { continue }
            let span = at.unit.span(of: at.range)
            if r.isGone {
                out.append(Messages.broken.diagnostic("“\(url)” answered \(r.status!) (\(r.status == 410 ? "Gone" : "Not Found")): the page is no longer there.",
                                                      at: at.unit.location,
                                                      fix: "Find the page’s new address or an archived copy (web.archive.org) and cite that.",
                                                      span: span))
            } else if r.isUnreachable {
                out.append(Messages.unreachable.diagnostic("“\(url)” could not be reached: \(r.error ?? "no answer").", at: at.unit.location,
                                                           fix: "Check the address; if the site is gone, cite an archived copy.", span: span))
            } else if r.isOtherFailure {
                let why = r.error.map { "it leads into \($0)" } ?? "it could not be verified"
                out.append(Messages.status.diagnostic("“\(url)” answered \(r.status!); \(why).", at: at.unit.location,
                                                      fix: "Open the address in a browser and check that it still shows the cited page.", span: span))
            } else if r.permanentRedirect, let final = r.finalURL, final != url {
                out.append(Messages.redirect.diagnostic("“\(url)” has moved permanently to “\(final)”.", at: at.unit.location,
                                                        fix: "Cite the new address.", span: span))
            }
        }
        return out
    }

    /// The article's distinct http and https addresses in reading order, each with its first occurrence.
    static func addresses(in analysis: ArticleAnalysis) -> (order: [String], first: [String: Occurrence]) {
        var order: [String] = []
        var first: [String: Occurrence] = [:]
        func add(_ written: String, _ unit: TextUnit, _ range: Range<Int>) {
            // The fragment is not sent to the server: "…/a.html#top" and "…/a.html" are one request.
            let url = written.firstIndex(of: "#").map { String(written[..<$0]) } ?? written
            let u = WrittenURL(url)
            guard u.problem == nil, u.scheme == "http" || u.scheme == "https", first[url] == nil else { return }
            first[url] = Occurrence(unit: unit, range: range)
            order.append(url)
        }
        for unit in analysis.units {
            let mentions = URLChecker.textScopes.contains(unit.scope) ? URLMention.all(in: unit) : []
            var events: [(Int, String, Range<Int>)] = mentions.map { ($0.range.lowerBound, $0.url.text, $0.range) }
            for s in unit.scopes where s.kind == .link {
                if let t = s.target { events.append((s.range.lowerBound, t, s.range)) }
            }
            for (_, url, range) in events.sorted(by: { $0.0 < $1.0 }) { add(url, unit, range) }
        }
        return (order, first)
    }
}
