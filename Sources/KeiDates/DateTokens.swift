import KeiDocument

/// The tokens of one text as the date extractor reads them: each token's text as written and lowercased,
/// its kind and byte range, with the small tests the readers share (a day, a month, a year, a dash).
/// Built once per text in linear time; every test is O(1).
struct DateTokens {
    let bytes: [UInt8]
    let tokens: [WordToken]
    /// The token as written.
    let text: [String]
    /// A word lowercased, without a trailing period ("Dec." → "dec"); other tokens as written.
    let lower: [String]

    init(text: String, tokens: [WordToken]) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        self.tokens = tokens
        var written: [String] = []
        var lowered: [String] = []
        written.reserveCapacity(tokens.count)
        lowered.reserveCapacity(tokens.count)
        for t in tokens {
            let s = String(decoding: bytes[t.range], as: UTF8.self)
            written.append(s)
            guard t.kind == .word else { lowered.append(s); continue }
            var l = s.lowercased()
            if l.utf8.count > 1, l.hasSuffix(".") { l.removeLast() }
            lowered.append(l)
        }
        self.text = written
        self.lower = lowered
    }

    var count: Int { tokens.count }

    func has(_ i: Int) -> Bool { i >= 0 && i < tokens.count }

    /// Token `i` is the lowercased word `w`.
    func isWord(_ i: Int, _ words: String...) -> Bool { has(i) && words.contains(lower[i]) }

    /// Token `i` is punctuation `p` (one of).
    func isPunct(_ i: Int, _ p: String...) -> Bool { has(i) && tokens[i].kind == .punctuation && p.contains(text[i]) }

    /// A hyphen, en dash or em dash (range and compound punctuation).
    func isDash(_ i: Int) -> Bool { isPunct(i, "-", "–", "—", "‒", "−") }

    /// Tokens `i` and `i + 1` touch (no space between).
    func touches(_ i: Int) -> Bool { has(i + 1) && tokens[i].range.upperBound == tokens[i + 1].range.lowerBound }

    /// A number token of ASCII digits only: its value and digit count.
    func digits(_ i: Int) -> (value: Int, count: Int)? {
        guard has(i), tokens[i].kind == .number else { return nil }
        let r = tokens[i].range
        guard r.count <= 9 else { return nil }
        var v = 0
        for b in bytes[r] {
            guard b >= 48, b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return (v, r.count)
    }

    /// A four-digit year written alone as a number token (1000–2999).
    func year(_ i: Int) -> Int? {
        guard let d = digits(i), d.count == 4, (1000...2999).contains(d.value) else { return nil }
        return d.value
    }

    /// A day of the month: a number of one or two digits (1–31), or an ordinal ("15th", "1st"), with
    /// whether it is ordinal.
    func day(_ i: Int) -> (day: Int, ordinal: Bool)? {
        guard has(i) else { return nil }
        if let d = digits(i), d.count <= 2, (1...31).contains(d.value) { return (d.value, false) }
        guard tokens[i].kind == .word else { return nil }
        let l = lower[i]
        guard l.utf8.count >= 3, l.utf8.count <= 4, let b = l.utf8.first, b >= 0x30, b <= 0x39, ["st", "nd", "rd", "th"].contains(where: { l.hasSuffix($0) }),
              let v = Int(l.dropLast(2)), (1...31).contains(v) else { return nil }
        return (v, true)
    }

    /// A capitalized month name or abbreviation at `i`: the month, whether abbreviated, and the last token
    /// (the abbreviation's period when one follows).
    func month(_ i: Int) -> (month: Int, abbreviated: Bool, last: Int, period: Bool)? {
        guard has(i), tokens[i].kind == .word, let first = text[i].unicodeScalars.first,
              ("A"..."Z").contains(first) else { return nil }
        if let m = DateLexicon.fullMonths[lower[i]] { return (m, false, i, false) }
        guard let m = DateLexicon.abbreviatedMonths[lower[i]] else { return nil }
        if text[i].hasSuffix(".") { return (m, true, i, true) }
        if isPunct(i + 1, "."), touches(i) { return (m, true, i + 1, true) }
        return (m, true, i, false)
    }

    /// A capitalized weekday name at `i` (ISO number), full names only unless a period or comma follows.
    func weekday(_ i: Int) -> Int? {
        guard has(i), tokens[i].kind == .word, let first = text[i].unicodeScalars.first,
              ("A"..."Z").contains(first), let w = DateLexicon.weekdays[lower[i]] else { return nil }
        return w
    }

    /// The lowercased word before `i`, skipping one period ("pp. 2018" → "pp"); nil at the start.
    func wordBefore(_ i: Int) -> String? {
        var k = i - 1
        if isPunct(k, ".") { k -= 1 }
        return has(k) ? lower[k] : nil
    }

    /// Whether the number at `i` is led by a word or symbol that makes it an identifier, page, amount
    /// or address ("Resolution 2397", "pp. 2018", "$2018", "No. 2024"), or is glued to other digits by
    /// punctuation ("202-464-1982", "1.2018").
    func hasNonDateLead(_ i: Int) -> Bool {
        if let w = wordBefore(i), DateLexicon.nonDateLeads.contains(w) { return true }
        if has(i - 1), tokens[i - 1].kind == .punctuation, touches(i - 1) {
            if DateLexicon.nonDateLeads.contains(lower[i - 1]) { return true }
            if ["-", "/", ".", ":", "+", "–"].contains(text[i - 1]), has(i - 2), tokens[i - 2].kind == .number, touches(i - 2) {
                return true
            }
        }
        return false
    }

    /// Whether the number at `i` is glued to a following digit group that makes it something else than a
    /// date or a range end: "2018:30" (a time), "2018.5", "12/15" (a fraction), "2018-464-12" (a chain of
    /// three, as phone numbers are). A semicolon is no tail ("2009;108(2)"). A dash to one more number ("12–13", "2019-21") is a range, not a tail.
    func hasDigitTail(_ i: Int) -> Bool {
        guard has(i + 2), touches(i), touches(i + 1), tokens[i + 1].kind == .punctuation,
              tokens[i + 2].kind == .number else { return false }
        if isDash(i + 1) {
            if let d = digits(i + 2), d.count > 4 { return true }
            return has(i + 4) && touches(i + 2) && tokens[i + 3].kind == .punctuation && touches(i + 3) && tokens[i + 4].kind == .number
        }
        return isPunct(i + 1, ":", ".", "/", ",", "+", "\\", "_")
    }

    func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
}
