/// Finds quotations marked by quotation marks in running text, and tells them from apostrophes.
///
/// In: a unit's text and the UTF-8 ranges whose characters are not marks written by the author (code,
/// URLs, the marks added around `<q>`). Out: the UTF-8 ranges (0-based, half-open) from each opening
/// mark to the end of its closing mark, in order of their start. Linear in the text's length.
///
/// The conventions follow the Chicago Manual of Style, 17th ed.:
/// - double marks “…” enclose a quotation, single marks ‘…’ a quotation within it (6.9, 13.28), and
///   straight marks "…" and '…' are read the same way, open or close by what stands around them:
///   after a space, an opening bracket or dash (or at the start) a mark opens; before a space or
///   punctuation (or at the end) it closes;
/// - an apostrophe (6.115, 7.16ff, 9.34) is not a quotation mark: ’ or ' between letters ("Korea’s",
///   "don't"), ’ that cannot close because nothing stands before it ("’90s", "’tis"), ' or ‘ before
///   a two-digit year ("'90s"), a closing mark with no quotation open ("goin’ home");
/// - ’ after an "s" before a space or punctuation ("the states’ rights") may close a single
///   quotation or be a plural possessive: while a single quotation is open it is remembered as a
///   possible end, and the quotation ends at the last such place when no other closing mark comes;
/// - an opening mark without its closing one runs to the end of the text (in a quotation of several
///   paragraphs only the last paragraph closes it, 13.30); when an outer quotation closes, inner
///   ones still open end there;
/// - guillemets « » pair like double marks; „ opens a double quotation, and “ after a word and before
///   a space or punctuation closes an open one („so“, or a mistyped ”).
enum QuotationScanner {
    private enum Family { case double, single, guillemet }

    private struct Open {
        var family: Family
        var start: Int
        /// The end of the last "s’" seen while this (single) quotation was innermost.
        var possibleEnd: Int?
    }

    private enum Mark {
        case open(Family)
        case close(Family)
        /// "s’": a single quotation's end or a plural possessive.
        case possibleSingleClose
        /// “ after a word and before a space or punctuation: closes a double quotation when one is open
        /// (German „…“, or a mistyped ”), opens one otherwise.
        case closeElseOpen(Family)
        case none
    }

    static func quotations(in text: String, ignoring ignored: [Range<Int>]) -> [Range<Int>] {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var o = 0
        for s in text.unicodeScalars {
            scalars.append(s)
            offsets.append(o)
            o += UTF8.width(s)
        }
        offsets.append(o)
        let skip = ignored.sorted { $0.lowerBound < $1.lowerBound }
        var nextSkip = 0

        var stack: [Open] = []
        var found: [Range<Int>] = []

        func close(_ index: Int, at end: Int) {
            // Inner quotations still open end where the outer one closes (or at their last possible end).
            while stack.count > index + 1 {
                let inner = stack.removeLast()
                found.append(inner.start..<(inner.possibleEnd ?? end))
            }
        }

        for i in scalars.indices {
            let at = offsets[i]
            while nextSkip < skip.count, skip[nextSkip].upperBound <= at { nextSkip += 1 }
            if nextSkip < skip.count, skip[nextSkip].contains(at) { continue }
            guard isQuotationMark(scalars[i]) else { continue }
            let prev = i > 0 ? scalars[i - 1] : nil
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            let mark = classify(scalars[i], prev: prev, next: next, twoDigitsAfter: twoDigits(scalars, after: i))
            let end = offsets[i + 1]
            switch mark {
            case .none:
                continue
            case .open(let family):
                stack.append(Open(family: family, start: at))
            case .close(let family):
                guard let k = stack.lastIndex(where: { $0.family == family }) else { continue }
                close(k, at: at)
                found.append(stack.removeLast().start..<end)
            case .closeElseOpen(let family):
                if let k = stack.lastIndex(where: { $0.family == family }) {
                    close(k, at: at)
                    found.append(stack.removeLast().start..<end)
                } else {
                    stack.append(Open(family: family, start: at))
                }
            case .possibleSingleClose:
                if !stack.isEmpty, stack[stack.count - 1].family == .single {
                    stack[stack.count - 1].possibleEnd = end
                }
            }
        }
        close(-1, at: offsets[scalars.count])
        found.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        return found
    }

    /// Whether exactly two decimal digits follow position `i` ("'90s", "’24"), not more ("'1984'").
    /// The scalars ``classify(_:prev:next:twoDigitsAfter:)`` may take for a mark; the context around
    /// any other scalar is never looked at.
    private static func isQuotationMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\"", "'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{2039}", "\u{203A}": return true
        default: return false
        }
    }

    private static func twoDigits(_ s: [Unicode.Scalar], after i: Int) -> Bool {
        guard i + 2 < s.count, isDigit(s[i + 1]), isDigit(s[i + 2]) else { return false }
        return i + 3 >= s.count || !isDigit(s[i + 3])
    }

    private static func classify(_ c: Unicode.Scalar, prev: Unicode.Scalar?, next: Unicode.Scalar?, twoDigitsAfter: Bool) -> Mark {
        let opensHere = prev.map(isOpeningContext) ?? true
        let closesHere = next.map(isClosingContext) ?? true
        let wordBefore = prev.map(isWordScalar) ?? false
        let wordAfter = next.map(isWordScalar) ?? false
        switch c {
        case "\u{201C}": return !opensHere && closesHere ? .closeElseOpen(.double) : .open(.double)
        case "\u{201E}": return .open(.double)
        case "\u{201D}": return .close(.double)
        case "\u{00AB}": return .open(.guillemet)
        case "\u{00BB}": return .close(.guillemet)
        case "\"":
            if opensHere && !closesHere { return .open(.double) }
            if !opensHere && closesHere { return .close(.double) }
            return .none
        case "\u{2018}":
            if twoDigitsAfter || (wordBefore && wordAfter) { return .none }   // ‘90s, Korea‘s: a mistyped apostrophe
            return .open(.single)
        case "\u{2019}", "'":
            if wordBefore && wordAfter { return .none }                        // Korea’s, don't
            if opensHere {
                // ’90s, ’tis: an apostrophe; a straight ' opening a quotation unless a year follows.
                return c == "'" && !twoDigitsAfter && !closesHere ? .open(.single) : .none
            }
            guard closesHere else { return .none }
            if let p = prev, p == "s" || p == "S" { return .possibleSingleClose }  // states’
            return .close(.single)
        default:
            return .none
        }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.isASCII ? (s.value >= 0x30 && s.value <= 0x39) : s.properties.numericType == .decimal }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// What may stand before an opening mark: space, an opening bracket, a dash or slash, another opening mark.
    private static func isOpeningContext(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace { return true }
        switch s {
        case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{201E}": return true
        default: return false
        }
    }

    /// What may stand after a closing mark: space, punctuation, a closing bracket or mark, a note marker.
    private static func isClosingContext(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace { return true }
        switch s {
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", "\u{2014}", "\u{2013}", "-", "/", "\u{2026}",
             "\u{201D}", "\u{2019}", "\"", "'", "\u{00BB}", "\u{FFFC}": return true
        default: return false
        }
    }
}
