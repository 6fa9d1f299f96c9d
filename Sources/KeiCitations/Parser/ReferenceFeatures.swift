/// The features the sequence labeller sees for each token of a reference: the word itself, its shape,
/// affixes and punctuation, word classes (year, page range, initial, month, "ed.", "pp."…), its place
/// in the reference, whether it sits inside quotation marks or parentheses, what came before (a year,
/// "In", a closed quotation) and the same few facts about its neighbours.
///
/// Features are plain strings ("w:press", "tp:,", "q", "w-1:in"); the model maps them to weight rows.
/// Computing them is linear in the number of tokens.
public enum ReferenceFeatures {
    /// One token's facts, computed once and shared with its neighbours' features.
    struct TokenFacts {
        var lower: String       // the token's letters and digits, lower-cased, outer punctuation removed
        var shape: String
        var lead: String        // punctuation before the core
        var trail: String       // punctuation after the core
        var classes: [String]
    }

    public static func features(for tokens: [String]) -> [[String]] {
        let facts = tokens.map(Self.facts)
        var result: [[String]] = []
        result.reserveCapacity(tokens.count)
        var inQuote = false
        var inParen = 0
        var yearSeen = false
        var inSeen = false
        var quoteClosed = false
        var colonSeen = false
        var periodSegments = 0
        let n = tokens.count
        for (i, token) in tokens.enumerated() {
            let f = facts[i]
            var out: [String] = ["b"]
            out.append("w:" + f.lower)
            out.append("s:" + f.shape)
            if f.lower.count > 3 {
                out.append("p3:" + String(f.lower.prefix(3)))
                out.append("x3:" + String(f.lower.suffix(3)))
            }
            out.append("lp:" + f.lead)
            out.append("tp:" + f.trail)
            for c in f.classes { out.append("c:" + c) }
            // Quotation and parenthesis state before this token, then this token's own marks.
            let opensQuote = f.lead.contains("“") || f.lead.contains("\"") || f.lead.contains("‘")
            let closesQuote = f.trail.contains("”") || (f.trail.contains("\"") && (inQuote || opensQuote)) || f.trail.contains("’")
            if inQuote || opensQuote { out.append("q") }
            if opensQuote { out.append("q:open") }
            if closesQuote { out.append("q:close") }
            let opensParen = f.lead.contains("(") || f.lead.contains("[")
            if inParen > 0 || opensParen { out.append("par") }
            if yearSeen { out.append("seen:year") }
            if inSeen { out.append("seen:in") }
            if quoteClosed { out.append("seen:quote") }
            if colonSeen { out.append("seen:colon") }
            out.append("seg:\(min(periodSegments, 5))")
            out.append("pos:\(n > 1 ? i * 8 / n : 0)")
            if i == 0 { out.append("first") }
            if i == n - 1 { out.append("last") }
            if i > 0 {
                let p = facts[i - 1]
                out.append("w-1:" + p.lower)
                out.append("tp-1:" + p.trail)
                out.append("s-1:" + p.shape)
                for c in p.classes { out.append("c-1:" + c) }
                out.append("tp-1|w:" + p.trail + "|" + f.lower)
            } else {
                out.append("w-1:^")
            }
            if i > 1 {
                out.append("w-2:" + facts[i - 2].lower)
            }
            if i + 1 < n {
                let x = facts[i + 1]
                out.append("w+1:" + x.lower)
                out.append("s+1:" + x.shape)
                out.append("lp+1:" + x.lead)
                for c in x.classes { out.append("c+1:" + c) }
            } else {
                out.append("w+1:$")
            }
            if i + 2 < n { out.append("w+2:" + facts[i + 2].lower) }
            result.append(out)

            // State after this token.
            if opensQuote { inQuote = true }
            if closesQuote { inQuote = false; quoteClosed = true }
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
        let scalars = Array(token.unicodeScalars)
        var lo = 0
        var hi = scalars.count
        while lo < hi && !isCore(scalars[lo]) { lo += 1 }
        while hi > lo && !isCore(scalars[hi - 1]) { hi -= 1 }
        var lead = String(String.UnicodeScalarView(scalars[0..<lo]))
        var trail = String(String.UnicodeScalarView(scalars[hi..<scalars.count]))
        let coreScalars = scalars[lo..<hi]
        let core = String(String.UnicodeScalarView(coreScalars))
        var lower = core.lowercased()
        if lower.isEmpty { lower = "<" + token + ">" }
        if lead.count > 3 { lead = String(lead.suffix(3)) }
        if trail.count > 3 { trail = String(trail.prefix(3)) }

        // Shape: A for upper, a for lower, 9 for digit, others kept; runs collapsed, at most 6 marks.
        var shape = ""
        var last: Character = " "
        for s in coreScalars {
            let c: Character
            if s.properties.isUppercase { c = "A" } else if s.properties.isLowercase { c = "a" }
            else if s.properties.numericType != nil { c = "9" } else { c = Character(s) }
            if c != last { shape.append(c); last = c }
            if shape.count >= 6 { break }
        }
        if shape.isEmpty { shape = "_" }

        var classes: [String] = []
        let digits = coreScalars.allSatisfy { $0.properties.numericType != nil && $0.isASCII }
        let bare = lower.replacingOccurrences(of: ".", with: "")
        if digits {
            classes.append("num")
            classes.append("len\(min(coreScalars.count, 5))")
            if coreScalars.count == 4, let v = Int(core), v >= 1400, v <= 2100 { classes.append("year") }
        } else if coreScalars.count == 5, let v = Int(core.prefix(4)), v >= 1400, v <= 2100, core.last!.isLetter {
            classes.append("year")
        }
        if !digits, core.contains(where: { $0.isNumber }), core.contains(where: { $0 == "-" || $0 == "–" || $0 == "—" }),
           core.first?.isNumber == true, core.last?.isNumber == true || core.last?.isLetter == true {
            classes.append("range")
        }
        if coreScalars.count == 1, coreScalars.first!.properties.isUppercase, trail.hasPrefix(".") { classes.append("initial") }
        if coreScalars.count >= 2, coreScalars.count <= 4, core.contains("."), core.allSatisfy({ $0.isUppercase || $0 == "." || $0 == "-" }) { classes.append("initials") }
        if coreScalars.count > 1, core.allSatisfy({ $0.isUppercase || !$0.isLetter }), core.contains(where: { $0.isLetter }) { classes.append("caps") }
        if lower.hasPrefix("http") || lower.hasPrefix("www.") || lower.contains("://") { classes.append("url") }
        else if lower.hasPrefix("10.") && lower.contains("/") || lower.hasPrefix("doi") { classes.append("doi") }
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
        if core.count > 1, core.first!.isUppercase, core.dropFirst().allSatisfy({ $0.isLowercase }) { classes.append("cap") }
        return TokenFacts(lower: lower, shape: shape, lead: lead, trail: trail, classes: classes)
    }

    static func isCore(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
