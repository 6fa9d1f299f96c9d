/// The features the sequence labeller sees for each token of a reference: the word itself, its shape,
/// affixes and punctuation, word classes (year, page range, initial, month, "ed.", "pp."…), its place
/// in the reference, whether it sits inside quotation marks or parentheses, what came before (a year,
/// "In", a closed quotation) and the same few facts about its neighbours.
///
/// A feature is a name and a value ("w" + "press", "tp" + ",", "q", "w-1" + "in"), hashed to 64 bits
/// (FNV-1a of the UTF-8 bytes of name, a separator and value), so no feature string is built and the
/// model looks up integers. Computing them is linear in the number of tokens.
public enum ReferenceFeatures {
    /// One token's facts, computed once and shared with its neighbours' features.
    struct TokenFacts {
        var lower: String       // the token's letters and digits, lower-cased, outer punctuation removed
        var shape: String
        var lead: String        // punctuation before the core
        var trail: String       // punctuation after the core
        var classes: [String]
    }

    /// FNV-1a, 64 bits, of `name`, a 0x1F separator and `value`.
    @inline(__always)
    public static func hash(_ name: StaticString, _ value: String = "") -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        name.withUTF8Buffer { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 } }
        h = (h ^ 0x1F) &* 0x0000_0100_0000_01b3
        var v = value
        v.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 } }
        return h
    }

    public static func features(for tokens: [String]) -> [[UInt64]] {
        let facts = tokens.map(Self.facts)
        var result: [[UInt64]] = []
        result.reserveCapacity(tokens.count)
        var inQuote = false
        var inParen = 0
        var yearSeen = false
        var inSeen = false
        var quoteClosed = false
        var colonSeen = false
        var periodSegments = 0
        var sinceQuote = 9       // tokens since a quotation closed
        var sinceParen = 9       // tokens since a parenthesis opened
        let n = tokens.count
        // Distance to the nearest editor cue ("ed.", "(Eds.)", "edited") and translator cue ahead of each
        // token and behind it, so names before "(Ed.)" and after "edited by" see their role.
        let isEditor = facts.map { $0.classes.contains("editor") }
        let isTranslator = facts.map { $0.classes.contains("translator") }
        var editorAhead = [Int](repeating: 99, count: n)
        var translatorAhead = [Int](repeating: 99, count: n)
        var nextEditor = 99
        var nextTranslator = 99
        for i in stride(from: n - 1, through: 0, by: -1) {
            editorAhead[i] = nextEditor == 99 ? 99 : nextEditor - i
            translatorAhead[i] = nextTranslator == 99 ? 99 : nextTranslator - i
            if isEditor[i] { nextEditor = i }
            if isTranslator[i] { nextTranslator = i }
        }
        var sinceEditor = 99
        var sinceTranslator = 99
        var sinceIn = 99
        for (i, token) in tokens.enumerated() {
            let f = facts[i]
            var out: [UInt64] = []
            out.reserveCapacity(48)
            out.append(hash("b"))
            out.append(hash("w", f.lower))
            out.append(hash("s", f.shape))
            if f.lower.utf8.count > 3 {
                out.append(hash("p3", String(f.lower.prefix(3))))
                out.append(hash("x3", String(f.lower.suffix(3))))
            }
            out.append(hash("lp", f.lead))
            out.append(hash("tp", f.trail))
            for c in f.classes { out.append(hash("c", c)) }
            // Quotation and parenthesis state before this token, then this token's own marks.
            let opensQuote = f.lead.unicodeScalars.contains { $0 == "“" || $0 == "\"" || $0 == "‘" }
            let closesQuote = f.trail.unicodeScalars.contains { $0 == "”" || $0 == "’" }
                || (f.trail.unicodeScalars.contains("\"") && (inQuote || opensQuote))
            if inQuote || opensQuote { out.append(hash("q")) }
            if opensQuote { out.append(hash("q:open")) }
            if closesQuote { out.append(hash("q:close")) }
            let opensParen = f.lead.unicodeScalars.contains { $0 == "(" || $0 == "[" }
            if inParen > 0 || opensParen { out.append(hash("par")) }
            if yearSeen { out.append(hash("seen:year")) }
            if inSeen { out.append(hash("seen:in")) }
            if quoteClosed { out.append(hash("seen:quote")) }
            if colonSeen { out.append(hash("seen:colon")) }
            out.append(hash("seg", String(min(periodSegments, 5))))
            out.append(hash("pos", String(n > 1 ? i * 8 / n : 0)))
            if i == 0 { out.append(hash("first")) }
            if i == n - 1 { out.append(hash("last")) }
            if i > 0 {
                let p = facts[i - 1]
                out.append(hash("w-1", p.lower))
                out.append(hash("tp-1", p.trail))
                out.append(hash("s-1", p.shape))
                for c in p.classes { out.append(hash("c-1", c)) }
                out.append(hash("tp-1|w", p.trail + "|" + f.lower))
                out.append(hash("w-1|w", p.lower + "|" + f.lower))
                out.append(hash("tp-1|tp", p.trail + "|" + f.trail))
            } else {
                out.append(hash("w-1", "^"))
            }
            if i > 1 {
                out.append(hash("w-2", facts[i - 2].lower))
                out.append(hash("tp-2", facts[i - 2].trail))
            }
            out.append(hash("sinceq", String(min(sinceQuote, 4))))
            out.append(hash("sincep", String(min(sinceParen, 4))))
            if i + 1 < n {
                let x = facts[i + 1]
                out.append(hash("w+1", x.lower))
                out.append(hash("s+1", x.shape))
                out.append(hash("lp+1", x.lead))
                out.append(hash("tp+1", x.trail))
                out.append(hash("w|w+1", f.lower + "|" + x.lower))
                for c in x.classes { out.append(hash("c+1", c)) }
            } else {
                out.append(hash("w+1", "$"))
            }
            if i + 2 < n {
                out.append(hash("w+2", facts[i + 2].lower))
                out.append(hash("tp+1|tp+2", facts[i + 1].trail + "|" + facts[i + 2].trail))
            }
            if i > 1 { out.append(hash("tp-2|tp-1", facts[i - 2].trail + "|" + facts[i - 1].trail)) }
            out.append(hash("ed>", Self.bucket(editorAhead[i])))
            out.append(hash("ed<", Self.bucket(sinceEditor)))
            out.append(hash("tr>", Self.bucket(translatorAhead[i])))
            out.append(hash("tr<", Self.bucket(sinceTranslator)))
            out.append(hash("in<", Self.bucket(sinceIn)))
            result.append(out)

            sinceEditor = isEditor[i] ? 0 : sinceEditor + 1
            sinceTranslator = isTranslator[i] ? 0 : sinceTranslator + 1
            sinceIn = sinceIn + 1
            if f.lower == "in" && (i == 0 || facts[i - 1].trail.hasSuffix(".") || facts[i - 1].trail.hasSuffix(",")) { sinceIn = 0 }

            // State after this token.
            sinceQuote += 1
            sinceParen += 1
            if opensParen { sinceParen = 0 }
            if opensQuote { inQuote = true }
            if closesQuote { inQuote = false; quoteClosed = true; sinceQuote = 0 }
            for ch in token {
                if ch == "(" || ch == "[" { inParen += 1 }
                if ch == ")" || ch == "]" { inParen = max(0, inParen - 1) }
            }
            if f.classes.contains("year") { yearSeen = true }
            if f.lower == "in" && (i == 0 || facts[i - 1].trail.hasSuffix(".") || facts[i - 1].trail.hasSuffix(",")) { inSeen = true }
            if f.trail.hasSuffix(":") { colonSeen = true }
            if f.trail.hasSuffix(".") && !f.classes.contains("initial") { periodSegments += 1 }
        }
        return result
    }

    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    static let seasons: Set<String> = ["spring", "summer", "fall", "autumn", "winter"]
    static let editorWords: Set<String> = ["ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "éd", "éds", "dir", "coord"]
    static let translatorWords: Set<String> = ["trans", "translated", "translator", "tr", "übers"]
    static let volumeWords: Set<String> = ["vol", "vols", "volume", "no", "nos", "number", "issue", "iss", "nr", "bd", "heft", "jg"]
    static let pageWords: Set<String> = ["pp", "p", "pages", "page", "s", "ss"]
    static let accessWords: Set<String> = ["accessed", "retrieved", "viewed", "consulted", "available", "abgerufen"]
    static let publisherWords: Set<String> = ["press", "publishing", "publishers", "publisher", "books", "verlag", "university",
                                              "institute", "institution", "group", "ltd", "inc", "co", "company", "foundation",
                                              "center", "centre", "council", "office", "department", "ministry", "agency",
                                              "service", "academy", "association", "society", "routledge", "springer",
                                              "elsevier", "wiley", "sage", "palgrave", "macmillan", "norton", "knopf", "penguin"]
    static let genreWords: Set<String> = ["thesis", "dissertation", "diss", "phd", "report", "paper", "working", "brief",
                                          "memorandum", "statement", "speech", "remarks", "interview", "testimony",
                                          "hearing", "letter", "release", "press", "transcript", "unpublished", "manuscript"]
    static let newsWords: Set<String> = ["times", "post", "news", "journal", "herald", "daily", "review", "tribune",
                                         "gazette", "economist", "reuters", "bloomberg", "yonhap", "guardian", "magazine"]
    static let stopWords: Set<String> = ["the", "of", "a", "an", "and", "on", "for", "to", "with", "from", "at", "by", "as"]

    static func facts(_ token: String) -> TokenFacts {
        let scalars = token.unicodeScalars
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        while lo < hi && !isCore(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo && !isCore(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        let coreScalars = scalars[lo..<hi]
        let coreCount = coreScalars.count
        var lead = String(scalars[scalars.startIndex..<lo])
        var trail = String(scalars[hi..<scalars.endIndex])
        let core = String(coreScalars)
        var lower = core.lowercased()
        if lower.isEmpty { lower = "<" + token + ">" }
        if lead.unicodeScalars.count > 3 { lead = String(lead.unicodeScalars.suffix(3)) }
        if trail.unicodeScalars.count > 3 { trail = String(trail.unicodeScalars.prefix(3)) }

        // Shape: A for upper, a for lower, 9 for digit, others kept; runs collapsed, at most 6 marks.
        var shape = ""
        var last: Character = " "
        for s in coreScalars {
            let c: Character
            if s.isASCII {
                let v = s.value
                if v >= 65 && v <= 90 { c = "A" } else if v >= 97 && v <= 122 { c = "a" } else if v >= 48 && v <= 57 { c = "9" } else { c = Character(s) }
            } else if s.properties.isUppercase { c = "A" } else if s.properties.isLowercase { c = "a" }
            else if s.properties.numericType != nil { c = "9" } else { c = Character(s) }
            if c != last { shape.append(c); last = c }
            if shape.count >= 6 { break }
        }
        if shape.isEmpty { shape = "_" }

        var classes: [String] = []
        let digits = coreScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
        let bare = lower.unicodeScalars.contains(".") ? String(lower.filter { $0 != "." }) : lower
        if digits {
            classes.append("num")
            classes.append("len\(min(coreCount, 5))")
            if coreCount == 4, let v = Int(core), v >= 1400, v <= 2100 { classes.append("year") }
        } else if coreCount == 5, let v = Int(core.prefix(4)), v >= 1400, v <= 2100, core.last?.isLetter == true {
            classes.append("year")
        }
        if !digits, shape.hasPrefix("9"), shape.unicodeScalars.contains(where: { $0 == "-" || $0 == "–" || $0 == "—" }) {
            classes.append("range")
        }
        let hasUpper = shape.unicodeScalars.contains("A")
        let hasLower = shape.unicodeScalars.contains("a")
        if coreCount == 1, shape == "A", trail.hasPrefix(".") { classes.append("initial") }
        if coreCount >= 2, coreCount <= 4, shape.unicodeScalars.contains("."), hasUpper, !hasLower,
           !shape.unicodeScalars.contains("9") { classes.append("initials") }
        if coreCount > 1, hasUpper, !hasLower { classes.append("caps") }
        if lower.hasPrefix("http") || lower.hasPrefix("www.") || lower.includes("://") { classes.append("url") }
        else if lower.hasPrefix("10.") && lower.unicodeScalars.contains("/") || lower.hasPrefix("doi") { classes.append("doi") }
        if lower.hasPrefix("isbn") { classes.append("isbn") }
        if months.contains(bare) { classes.append("month") }
        if seasons.contains(bare) { classes.append("season") }
        if editorWords.contains(bare) { classes.append("editor") }
        if translatorWords.contains(bare) { classes.append("translator") }
        if volumeWords.contains(bare) && (trail.hasPrefix(".") || bare.count > 3) { classes.append("volword") }
        if pageWords.contains(bare) && trail.hasPrefix(".") || bare == "pages" { classes.append("pageword") }
        if accessWords.contains(bare) { classes.append("accessed") }
        if publisherWords.contains(bare) { classes.append("publisherword") }
        if genreWords.contains(bare) { classes.append("genreword") }
        if newsWords.contains(bare) { classes.append("newsword") }
        if stopWords.contains(lower) { classes.append("stop") }
        if lower == "and" || lower == "&" || token == "&" { classes.append("and") }
        if lower == "et" || lower == "al" { classes.append("etal") }
        if core.hasSuffix("st") || core.hasSuffix("nd") || core.hasSuffix("rd") || core.hasSuffix("th"),
           core.first?.isNumber == true { classes.append("ordinal") }
        if shape == "Aa" { classes.append("cap") }
        return TokenFacts(lower: lower, shape: shape, lead: lead, trail: trail, classes: classes)
    }

    /// A distance in tokens as a coarse bucket: 1, 2, 3, 4–6, 7–12, far.
    static func bucket(_ d: Int) -> String {
        switch d {
        case ...3: return String(d)
        case 4...6: return "4"
        case 7...12: return "7"
        default: return "f"
        }
    }

    static func isCore(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
