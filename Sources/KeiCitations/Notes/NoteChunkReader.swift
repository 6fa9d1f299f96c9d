import KeiDocument

/// Reads one stretch of a note paragraph (a ``NoteChunker`` piece) into the citations it holds, the way
/// Chicago notes are written (CMOS 17th ed., 14.19–14.36):
///
/// - "Ibid." (any case, italic or not, "Ibidem", with a locator: "Ibid., 62–64.") anywhere in the
///   stretch, but not as a word of a cited title (*Ibid: A Life*; Dunn, *Ibid*, 14.);
/// - commentary before a source: signals ("See", "See also", "Cf.", "Quoted in"), the words up to them
///   ("On the two audiences of extended deterrence, see"), lower-case lead-ins ("and the discussion at")
///   and a narrating sentence up to "in" or "by" before an author ("The point is also made in Smith");
/// - an interview or personal communication ("Interviews with officials, Seoul, 2025"): a source;
/// - a short form: [Author,] *Short Title* or “Short Title,” [, page] (14.29–14.31), "Idem" for the author;
/// - a full citation: a title, URL, publication facts in parentheses, a year, a final locator;
/// - anything else is commentary.
///
/// Decisions rest on the paragraph's scopes (italics in notes are cited titles, quoted titles are
/// quotations) and simple name and number patterns, never on the reference parser. Ranges are UTF-8
/// byte offsets (0-based) into the paragraph's text.
struct NoteChunkReader {
    let text: NoteUnitText

    static let signals: Set<String> = ["see", "cf", "compare", "contra"]
    static let inSignals: Set<String> = ["quoted", "cited", "reprinted", "excerpted", "translated"]
    static let signalTails: Set<String> = ["also", "e.g.", "eg", "especially", "generally", "for", "example", "in", ",", ":"]
    static let interviewStarts: [[String]] = [
        ["interview"], ["interviews"], ["author", "s", "interview"], ["author", "interview"], ["telephone", "interview"],
        ["personal", "communication"], ["conversation", "with"], ["conversations", "with"], ["email", "to"], ["email", "from"],
        ["e", "mail", "to"], ["e", "mail", "from"], ["correspondence", "with"], ["discussion", "with"], ["discussions", "with"],
    ]
    static let narrativeWords: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "argues", "argued", "notes", "noted", "says", "said", "writes", "wrote",
        "shows", "showed", "suggests", "suggested", "claims", "claimed", "describes", "described", "explains", "explained",
        "can", "could", "would", "should", "will", "may", "might", "does", "did", "do",
    ]

    /// The citations in `range` (commentary included), in order: each "Ibid." with its locator, and
    /// what stands before and after it read as sources and commentary. Iterative (no recursion), linear.
    func read(_ range: Range<Int>) -> [RawCitation] {
        var out: [RawCitation] = []
        var rest = text.trimmed(range)
        while !rest.isEmpty, let ibid = ibidToken(in: rest) {
            out += readSource(rest.lowerBound..<ibid.range.lowerBound)
            let (citation, resume) = readIbid(ibid, in: rest)
            out.append(citation)
            var r = resume
            while r < rest.upperBound, [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";")].contains(text.bytes[r]) || NoteUnitText.isSpace(text.bytes[r]) { r += 1 }
            rest = text.trimmed(r..<rest.upperBound)
        }
        out += readSource(rest)
        return out
    }

    /// Commentary before a source, and the source (or commentary) itself, in a stretch without "Ibid.".
    func readSource(_ range: Range<Int>) -> [RawCitation] {
        let range = text.trimmed(range)
        guard !range.isEmpty else { return [] }
        var out: [RawCitation] = []
        let body = bodyStart(of: range)
        if body > range.lowerBound {
            let c = text.trimmed(range.lowerBound..<body)
            if !c.isEmpty { out.append(RawCitation(kind: .commentary, range: c)) }
        }
        let rest = text.trimmed(body..<range.upperBound)
        guard !rest.isEmpty else { return out }
        out.append(citation(rest))
        return out
    }

    // MARK: Ibid.

    /// The "ibid" word in `range` outside quotations and URLs. An italic one is an "Ibid." when the
    /// italics hold that word alone and no comma stands before it; inside a longer cited title
    /// (*Ibid: A Life*) or after an author (Dunn, *Ibid*, 14.) it is a title's word.
    func ibidToken(in range: Range<Int>) -> WordToken? {
        text.tokens(in: range).first { t in
            guard t.kind == .word, ["ibid", "ibid.", "ibidem", "ibidem."].contains(text.string(t.range).lowercased()) else { return false }
            let scopes = text.unit.scopes(at: t.range.lowerBound)
            if scopes.contains(where: { $0 == .quotation || $0 == .url }) { return false }
            guard scopes.contains(.citedTitle) else { return true }
            let title = text.scopes([.citedTitle], in: t.range).first?.range ?? t.range
            let inTitle = text.tokens(in: title).filter { $0.kind == .word }
            // Italics run on from an "Ibid." into the next citation (*Ibid.; Victor D. Cha, Title*).
            var after = t.range.upperBound
            if after < text.count, text.bytes[after] == UInt8(ascii: ".") { after += 1 }
            let runsOn = title.lowerBound == t.range.lowerBound && after < text.count && text.bytes[after] == UInt8(ascii: ";")
            guard inTitle.count == 1 || runsOn else { return false }
            let before = text.trimmed(range.lowerBound..<title.lowerBound)
            return before.isEmpty || text.bytes[before.upperBound - 1] != UInt8(ascii: ",")
        }
    }

    /// The "Ibid." at `token` with its locator (", 62–64." when a locator is all that follows), and
    /// where reading resumes after it.
    func readIbid(_ token: WordToken, in range: Range<Int>) -> (RawCitation, resume: Int) {
        var end = token.range.upperBound
        if end < range.upperBound, text.bytes[end] == UInt8(ascii: ".") { end += 1 }
        var locator: String?
        var i = end
        while i < range.upperBound, NoteUnitText.isSpace(text.bytes[i]) { i += 1 }
        if i < range.upperBound, text.bytes[i] == UInt8(ascii: ",") {
            let candidate = text.string(text.trimmed(text.trimmingEnd((i + 1)..<range.upperBound, ".")))
            if Self.isLocator(candidate) {
                locator = Self.strippingLocatorPrefix(candidate)
                end = range.upperBound
            }
        }
        return (RawCitation(kind: .ibid, range: token.range.lowerBound..<text.trimmed(token.range.lowerBound..<end).upperBound, locator: locator), end)
    }

    // MARK: Commentary before a source

    /// Where the cited source starts in `range`: after the last signal ("see", "cf.", "quoted in")
    /// before the first feature of a citation, then past lower-case lead-in words ("and the discussion
    /// at"). `range.lowerBound` when there is nothing to skip; `range.upperBound` when nothing is cited.
    func bodyStart(of range: Range<Int>) -> Int {
        let features = firstFeature(in: range)
        let tokens = Array(text.tokens(in: range))
        var start = 0
        // The last signal before the first feature.
        for (i, t) in tokens.enumerated() where t.range.upperBound <= features {
            let w = Self.word(text.string(t.range))
            if Self.signals.contains(w) || (Self.inSignals.contains(w) && i + 1 < tokens.count && Self.word(text.string(tokens[i + 1].range)) == "in") {
                start = i + 1
            }
        }
        while start < tokens.count, tokens[start].range.upperBound <= features,
              Self.signalTails.contains(Self.word(text.string(tokens[start].range))) {
            start += 1
        }
        if isInterview(tokens, from: start) { return start < tokens.count ? tokens[start].range.lowerBound : range.upperBound }
        // A sentence of commentary that names where a source is ("The point is also made in Smith,
        // “Title,” 621."): the source starts after its last "in" or "by" before the first feature.
        if start == 0, features < range.upperBound, isNarrative(range.lowerBound..<features),
           let last = tokens.lastIndex(where: { $0.range.upperBound <= features && ["in", "by"].contains(text.string($0.range)) }),
           last + 1 < tokens.count, let f = text.string(tokens[last + 1].range).first, f.isUppercase,
           tokens[last + 1].range.lowerBound < features {
            start = last + 1
        }
        // Lower-case lead-in words ("and the discussion at"), up to a name, number, title, URL or quotation.
        while start < tokens.count {
            let t = tokens[start]
            if t.range.lowerBound >= features || text.isProtected[t.range.lowerBound] { break }
            if t.kind == .number || t.kind == .url || t.kind == .marker { break }
            let s = text.string(t.range)
            if t.kind == .word, let f = s.first, f.isUppercase || f.isNumber { break }
            if t.kind == .punctuation, ["(", "[", "“", "‘", "\"", "'", "«"].contains(s) { break }
            start += 1
        }
        return start < tokens.count ? tokens[start].range.lowerBound : range.upperBound
    }

    /// The offset of the first sign of a citation in `range` (a title, quotation, URL, link or year),
    /// `range.upperBound` when there is none.
    func firstFeature(in range: Range<Int>) -> Int {
        var first = range.upperBound
        for s in text.scopes([.citedTitle, .quotation, .url, .link], in: range) { first = min(first, s.range.lowerBound) }
        for t in text.tokens(in: range) where Self.isYear(text.string(t.range)) { first = min(first, t.range.lowerBound); break }
        return first
    }

    func isInterview(_ tokens: [WordToken], from start: Int) -> Bool {
        let words = tokens[min(start, tokens.count)...].prefix(4).map { Self.word(text.string($0.range)) }.filter { $0 != "’" && $0 != "'" }
        let normalized = words.flatMap { CitationWords.words($0) }
        return Self.interviewStarts.contains { normalized.starts(with: $0) }
    }

    // MARK: The source

    /// The citation (full, short form) or commentary that `body` is.
    func citation(_ body: Range<Int>) -> RawCitation {
        let tokens = Array(text.tokens(in: body))
        if isInterview(tokens, from: 0) {
            return RawCitation(kind: .full, range: body, isInterview: true, key: key(of: body))
        }
        var nameStart = body.lowerBound
        var isIdem = false
        if let first = tokens.first, ["idem", "eadem"].contains(Self.word(text.string(first.range))) {
            isIdem = true
            nameStart = first.range.upperBound
            if nameStart < body.upperBound, text.bytes[nameStart] == UInt8(ascii: ".") { nameStart += 1 }
        }
        // Titles start after "Idem," (an italic *Idem* is the author, not a title).
        let titles = titleScopes(in: body).filter { $0.range.lowerBound >= nameStart }
        let locatorPart = finalLocator(body)
        var raw = RawCitation(kind: .commentary, range: body, locator: locatorPart.map { Self.strippingLocatorPrefix(text.string($0)) })
        raw.isIdem = isIdem
        if let short = shortForm(body, nameStart: nameStart, titles: titles) {
            raw.kind = .shortForm
            raw.authorWords = isIdem ? [] : CitationWords.nameWords(text.string(short.author))
            raw.titleWords = CitationWords.titleWords(text.string(short.title))
            raw.locator = short.locator
            raw.key = key(of: body)
            return raw
        }
        if titles.isEmpty, let quoted = wholeQuotation(body) {
            raw.quotedTitleWords = CitationWords.titleWords(text.string(quoted.title))
            raw.locator = quoted.locator
            raw.key = key(of: body)
        }
        guard score(body, tokens: tokens, titles: titles, locator: locatorPart) >= 2 else { return raw }
        raw.kind = .full
        raw.key = key(of: body)
        raw.hasPublicationFacts = hasPublicationFacts(body, tokens: tokens)
        if locatorPart == nil, let last = topLevelParts(text.trimmingEnd(body, "."), separators: [UInt8(ascii: ",")]).last,
           last.lowerBound > body.lowerBound, !titles.contains(where: { $0.range.overlaps(last) }) {
            raw.lastPart = text.string(last)
        }
        if let t = titles.first {
            let author = text.trimmingEnd(nameStart..<t.range.lowerBound, ",")
            if !isIdem, CitationWords.words(text.string(author)).count <= 12, !text.string(author).contains(where: \.isNumber) {
                raw.authorWords = CitationWords.nameWords(text.string(author))
            }
            raw.titleWords = CitationWords.titleWords(text.string(t.range))
        } else {
            let parts = topLevelParts(nameStart..<body.upperBound, separators: [UInt8(ascii: ",")])
            if let author = parts.first, parts.count > 1, !isIdem,
               CitationWords.words(text.string(author)).count <= 6, !text.string(author).contains(where: \.isNumber) {
                raw.authorWords = CitationWords.nameWords(text.string(author))
            }
            if parts.count > 1 {
                let title = topLevelParts(parts[1], separators: [UInt8(ascii: "(")]).first ?? parts[1]
                raw.titleWords = CitationWords.titleWords(text.string(title))
            }
        }
        return raw
    }

    /// Cited titles (italics) and quotations in `body` that read as titles: not a wrapper around the
    /// whole citation (MediaWiki's `<cite>`), and for a quotation one that ends with a comma or period
    /// inside or right after its closing mark (“Title,” / “Title”.), as titles do in notes.
    func titleScopes(in body: Range<Int>) -> [ScopedRange] {
        let all = text.scopes([.citedTitle, .quotation], in: body)
        var out: [ScopedRange] = []
        for s in all {
            let r = s.range.clamped(to: body)
            if r.count * 10 >= body.count * 9 && body.count > 12 { continue }
            if out.contains(where: { $0.range.lowerBound <= r.lowerBound && r.upperBound <= $0.range.upperBound }) { continue }
            if s.kind == .quotation {
                let inner = text.string(r)
                let trimmed = inner.trimmingCharacters(in: ["“", "”", "\"", "‘", "’", "'", " "])
                let after = r.upperBound < text.count ? text.bytes[r.upperBound] : UInt8(ascii: " ")
                guard trimmed.last.map({ ",.?!".contains($0) }) == true || [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":")].contains(after) else { continue }
            }
            out.append(ScopedRange(s.kind, r))
        }
        return out
    }

    /// The quotation that is all of `body` but a final locator (“Title,” 2. / “Title.”), and that locator.
    func wholeQuotation(_ body: Range<Int>) -> (title: Range<Int>, locator: String?)? {
        guard let q = text.scopes([.quotation], in: body).first(where: { $0.range.lowerBound == body.lowerBound })?.range else { return nil }
        var rest = text.string(text.trimmed(text.trimmingEnd(q.upperBound..<body.upperBound, ".")))
        if rest.hasPrefix(",") { rest.removeFirst() }
        rest = rest.trimmingCharacters(in: .whitespaces)
        if rest.isEmpty || rest == "." { return (q, nil) }
        return Self.isLocator(rest) ? (q, Self.strippingLocatorPrefix(rest)) : nil
    }

    /// The author part and title of a short form (CMOS 14.29–14.31): [Author,] Title [, locator][.]
    /// with a cited title or a quoted title, or "Author, Short Title, page" in plain text. Nil when
    /// `body` has publication facts, more than one title, or words after the title that are no locator.
    func shortForm(_ body: Range<Int>, nameStart: Int, titles: [ScopedRange]) -> (author: Range<Int>, title: Range<Int>, locator: String?)? {
        let whole = text.string(body)
        if titles.count == 1, let t = titles.first {
            let author = text.trimmed(nameStart..<t.range.lowerBound)
            let authorText = text.string(author)
            guard author.isEmpty || (authorText.hasSuffix(",") && !authorText.contains(where: \.isNumber)
                                     && !authorText.contains("(") && CitationWords.words(authorText).count <= 8) else { return nil }
            var after = text.trimmingEnd(t.range.upperBound..<body.upperBound, ".")
            after = text.trimmed(after)
            var afterText = text.string(after)
            if afterText.hasPrefix(",") { afterText.removeFirst() }
            afterText = afterText.trimmingCharacters(in: .whitespaces)
            let hasLocator = !afterText.isEmpty
            guard !hasLocator || Self.isLocator(afterText) else { return nil }
            let titleWords = CitationWords.titleWords(text.string(t.range))
            guard !titleWords.isEmpty, !(author.isEmpty && !hasLocator), hasLocator || titleWords.count <= 4 else { return nil }
            return (text.trimmingEnd(author, ","), t.range, hasLocator ? Self.strippingLocatorPrefix(afterText) : nil)
        }
        guard titles.isEmpty, !whole.contains("("), !text.tokens(in: body).contains(where: { Self.isYear(text.string($0.range)) }),
              text.scopes([.url, .link], in: body).isEmpty else { return nil }
        let parts = topLevelParts(text.trimmingEnd(nameStart..<body.upperBound, "."), separators: [UInt8(ascii: ",")])
        guard parts.count == 3, Self.isLocator(text.string(parts[2])) else { return nil }
        let author = text.string(parts[0]).split(separator: " ")
        let title = text.string(parts[1]).split(separator: " ")
        guard (1...5).contains(author.count), author.allSatisfy({ w in w.first?.isUppercase == true || ["and", "et", "al."].contains(w) }),
              (1...6).contains(title.count), title.first?.first?.isUppercase == true,
              !title.contains(where: { $0.contains(where: \.isNumber) }) else { return nil }
        return (parts[0], parts[1], Self.strippingLocatorPrefix(text.string(parts[2])))
    }

    /// How much `body` reads as a full citation: a title (2), a URL or link (2), publication facts in
    /// parentheses (2), a year (1), a written date (1), a final locator (1), a leading "Name Name," (1); a verb of narration
    /// outside titles and quotations ("was", "argues") counts −2. Two or more is a citation.
    func score(_ body: Range<Int>, tokens: [WordToken], titles: [ScopedRange], locator: Range<Int>?) -> Int {
        var score = 0
        if !titles.isEmpty { score += 2 }
        if !text.scopes([.url, .link], in: body).isEmpty || tokens.contains(where: { $0.kind == .url }) { score += 2 }
        let inTitle = { (t: WordToken) in titles.contains { $0.range.contains(t.range.lowerBound) } }
        if tokens.contains(where: { Self.isYear(text.string($0.range)) && !inTitle($0) }) { score += 1 }
        if hasParenthesizedFacts(body) { score += 2 }
        if hasDate(tokens) { score += 1 }
        if locator != nil { score += 1 }
        let first = topLevelParts(body, separators: [UInt8(ascii: ",")]).first
        if let first, first.upperBound < body.upperBound {
            let words = text.string(first).split(separator: " ")
            if (1...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || $0 == "and" }) { score += 1 }
        }
        if isNarrative(body) { score -= 2 }
        return score
    }

    /// Whether `body` has publication facts: parenthesized facts ("(Seoul: Hanbit, 2019)", "(2021)"),
    /// a URL, link or DOI, a written date, a place and publisher ("New York: Ecco"), or a journal's
    /// issue ("no. 2") or volume ("vol. 1").
    func hasPublicationFacts(_ body: Range<Int>, tokens: [WordToken]) -> Bool {
        if hasParenthesizedFacts(body) || hasDate(tokens) { return true }
        if !text.scopes([.url, .link], in: body).isEmpty || tokens.contains(where: { $0.kind == .url }) { return true }
        let words = tokens.filter { !text.isProtected[$0.range.lowerBound] }.map { Self.word(text.string($0.range)) }
        if words.contains(where: { ["no", "vol", "doi", "isbn", "pt", "ed", "eds"].contains($0) }) { return true }
        // "Place: Publisher" outside titles: a colon followed by a space and a capital.
        for i in body where text.bytes[i] == UInt8(ascii: ":") && !text.isProtected[i] && i + 2 < body.upperBound {
            let next = text.bytes[i + 2]
            if text.bytes[i + 1] == UInt8(ascii: " "), next >= UInt8(ascii: "A"), next <= UInt8(ascii: "Z") { return true }
        }
        return false
    }

    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                      "sep", "sept", "oct", "nov", "dec"]

    /// Whether `tokens` hold a written date: a capitalised month name followed by a day or a year
    /// ("April 26, 2023", "May 2025").
    func hasDate(_ tokens: [WordToken]) -> Bool {
        for (i, t) in tokens.enumerated() where i + 1 < tokens.count && t.kind == .word {
            let s = text.string(t.range)
            guard s.first?.isUppercase == true, Self.months.contains(Self.word(s)) else { continue }
            let next = text.string(tokens[i + 1].range)
            if let n = Int(next), (1...31).contains(n) || Self.isYear(next) { return true }
        }
        return false
    }

    /// Whether `body` has a top-level parenthesis holding a year or a colon ("(Ithaca, NY: Press, 2021)").
    func hasParenthesizedFacts(_ body: Range<Int>) -> Bool {
        var i = body.lowerBound
        while i < body.upperBound {
            if text.bytes[i] == UInt8(ascii: "("), !text.isProtected[i] {
                var j = i + 1
                while j < body.upperBound, text.depth[j] > (i > 0 ? text.depth[i - 1] : 0) || text.isProtected[j] { j += 1 }
                let inner = text.string((i + 1)..<min(j, body.upperBound))
                if inner.contains(":") || inner.split(whereSeparator: { !$0.isNumber }).contains(where: { Self.isYear(String($0)) }) { return true }
                i = j
            }
            i += 1
        }
        return false
    }

    /// The final top-level comma part of `body` when it is a locator ("…, 34–38.").
    func finalLocator(_ body: Range<Int>) -> Range<Int>? {
        let parts = topLevelParts(text.trimmingEnd(body, "."), separators: [UInt8(ascii: ",")])
        guard parts.count > 1, let last = parts.last, Self.isLocator(text.string(last)) else { return nil }
        return last
    }

    /// `range` cut at top-level `separators` (not in titles, quotations, URLs or parentheses), each part trimmed.
    func topLevelParts(_ range: Range<Int>, separators: Set<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where separators.contains(text.bytes[i]) && !text.isProtected[i]
            && (text.depth[i] == 0 || (text.bytes[i] == UInt8(ascii: "(") && text.depth[i] == 1)) {
            out.append(text.trimmed(start..<i))
            start = i + 1
        }
        out.append(text.trimmed(start..<range.upperBound))
        return out.filter { !$0.isEmpty }
    }

    /// The words of `body` without its final locator: what makes two full citations the same source.
    func key(of body: Range<Int>) -> String {
        let end = finalLocator(body).map { loc in
            text.trimmingEnd(body.lowerBound..<loc.lowerBound, ",").upperBound
        } ?? body.upperBound
        // The scheme and "www" of a URL do not make another source (http://x.org and https://www.x.org).
        return CitationWords.words(text.string(body.lowerBound..<end)).filter { !["http", "https", "www"].contains($0) }.joined(separator: " ")
    }

    // MARK: Joining sentences

    /// Whether `range` starts with a signal, "Ibid.", "Idem" or an interview: a citation of its own.
    func startsCitation(_ range: Range<Int>) -> Bool {
        let tokens = Array(text.tokens(in: range).prefix(4))
        guard let first = tokens.first else { return false }
        let w = Self.word(text.string(first.range))
        return Self.signals.contains(w) || Self.inSignals.contains(w) || isInterview(tokens, from: 0)
            || ["ibid", "ibidem", "idem", "eadem", "also", "for", "on", "as"].contains(w)
    }

    /// Whether `range` has a verb of narration outside titles and quotations ("was", "argues").
    func isNarrative(_ range: Range<Int>) -> Bool {
        text.tokens(in: range).contains { $0.kind == .word && !text.isProtected[$0.range.lowerBound]
                                          && Self.narrativeWords.contains(text.string($0.range).lowercased()) }
    }

    /// Whether `range` ends as a citation does: a figure, a parenthesis or a URL before its final period.
    func endsLikeCitation(_ range: Range<Int>) -> Bool {
        let r = text.trimmingEnd(range, ".")
        guard let last = r.last else { return true }
        let b = text.bytes[last]
        return (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ")") || text.isURL[last]
    }

    // MARK: Words

    /// A token's text lower-cased without a final period ("Cf." → "cf", "e.g." stays "e.g.").
    static func word(_ s: String) -> String {
        let l = s.lowercased()
        return l.hasSuffix(".") && l.filter({ $0 == "." }).count == 1 ? String(l.dropLast()) : l
    }

    /// A year as notes print one: four digits from 1500 to 2099, alone or starting an ISO date.
    static func isYear(_ s: String) -> Bool {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let y = Int(digits), (1500...2099).contains(y) else { return false }
        let rest = s.dropFirst(4)
        return rest.isEmpty || rest.first == "-" || rest.first == "–" || rest.first == "/"
    }

    static let locatorPrefixes = ["pp.", "p.", "chaps.", "chap.", "ch.", "secs.", "sec.", "nn.", "n.", "paras.", "para.",
                                  "vol.", "figs.", "fig.", "table", "loc.", "at"]

    /// `s` without a leading "p.", "pp.", "chap."… and white space.
    static func strippingLocatorPrefix(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        for p in locatorPrefixes where t.lowercased().hasPrefix(p + " ") || (p.hasSuffix(".") && t.lowercased().hasPrefix(p)) {
            t = String(t.dropFirst(p.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        return t
    }

    /// Whether `s` is a page or other locator: figures, ranges and lists of them ("34–38", "12, 14",
    /// "45n3", "211ff.", a volume and page "1:120"), roman page numbers ("xiv"), after an optional "p.", "pp.", "chap.", "n."…; a
    /// bare figure from 1800 to 2099 is a year, not a locator ("p. 2020" is one).
    static func isLocator(_ s: String) -> Bool {
        let t = strippingLocatorPrefix(s)
        guard !t.isEmpty, t.count <= 30 else { return false }
        // A year ("…,” 2020.") dates a work; short forms and locators do not carry one.
        if t.count == 4, t == s.trimmingCharacters(in: .whitespaces), let n = Int(t), (1800...2099).contains(n) { return false }
        let hasDigit = t.contains(where: \.isNumber)
        let allowed: (Character) -> Bool = { c in
            c.isNumber || "–—-−,. ".contains(c) || (hasDigit && c == ":") || (hasDigit && "nf".contains(c)) || (!hasDigit && "ivxlcdmIVXLCDM".contains(c))
        }
        guard t.allSatisfy(allowed) else { return false }
        return hasDigit || t.count <= 8
    }
}
