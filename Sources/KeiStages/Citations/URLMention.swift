import KeiDocument

/// A web address written in a ``TextUnit``'s text: a run of characters between white space that starts
/// with a web scheme (spelled right or not: "https://", "htp://", "https//") or "www.", without the
/// punctuation around it (brackets and quotation marks before; sentence punctuation, closing marks
/// and an unmatched ")" after). Code is skipped.
///
/// `range` is a half-open range of UTF-8 byte offsets (0-based) into the unit's text. Finding them is
/// linear in the text's length.
struct URLMention {
    var range: Range<Int>
    var url: WrittenURL
    /// The address is a link's text (its `target` is the link's address).
    var inLink: Bool
    var target: String?
    /// The next run of characters looks like the rest of this address after a stray space
    /// ("https://example.org/briefing-room/ statements/2023/"): the range of address and rest.
    var brokenRange: Range<Int>?

    /// Every web address written in `unit`, in order.
    static func all(in unit: TextUnit) -> [URLMention] {
        // Most units hold no address: skip cutting them into chunks (a String per word) at all.
        guard mayHoldAddress(unit.text.string) else { return [] }
        let chunks = Self.chunks(unit.text.string)
        var out: [URLMention] = []
        for (k, chunk) in chunks.enumerated() {
            guard isCandidate(chunk.text), !unit.scopes.contains(where: { $0.kind == .code && $0.overlaps(chunk.range) }) else { continue }
            let link = unit.scopes.first { $0.kind == .link && $0.range.lowerBound <= chunk.range.lowerBound && $0.range.upperBound >= chunk.range.upperBound }
            var mention = URLMention(range: chunk.range, url: WrittenURL(chunk.text), inLink: link != nil, target: link?.target)
            if mention.url.problem == nil, k + 1 < chunks.count, chunks[k + 1].range.lowerBound - chunk.range.upperBound <= 2,
               continues(chunk.text, with: chunks[k + 1].text) {
                mention.brokenRange = chunk.range.lowerBound..<chunks[k + 1].range.upperBound
            }
            out.append(mention)
        }
        return out
    }

    /// Whether `text` can hold a candidate (``isCandidate(_:)``) at all: one needs a ":" or "/" after its
    /// scheme, or "www." in any case. One pass over the UTF-8 bytes; false means ``all(in:)`` finds nothing.
    static func mayHoldAddress(_ text: String) -> Bool {
        var ws = 0  // "w" or "W" bytes in a row
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: ":"), UInt8(ascii: "/"): return true
            case UInt8(ascii: "w"), UInt8(ascii: "W"): ws += 1
            case UInt8(ascii: ".") where ws >= 3: return true
            default: ws = 0
            }
        }
        return false
    }

    /// Whether a run of characters is written as a web address: "www." or a scheme-like word followed
    /// by ":" or "//".
    static func isCandidate(_ s: String) -> Bool {
        let lower = s.lowercased()
        if lower.hasPrefix("www.") && lower.count > 4 { return true }
        let letters = lower.prefix { $0.isASCII && $0.isLetter }
        let rest = lower.dropFirst(letters.count)
        // The cheap test first: few words have ":" or "//" after their letters; a misspelt scheme
        // ("htp") costs an edit distance.
        guard rest.count > 1, rest.hasPrefix(":") || rest.hasPrefix("//") else { return false }
        return WrittenURL.isSchemeLike(String(letters))
    }

    /// Whether `next` reads as the rest of the address `url` after a stray space: the address ends
    /// where a path goes on ("/", "-", "_", ".", "=") or `next` starts with one, and `next` holds a "/"
    /// or ends like a file name, in lower case, and is not itself an address; or `next` is the rest of
    /// a host cut after a dot (".or.kr/#/Statistics"), or a file name after a path ("1234 abc.html").
    static func continues(_ url: String, with next: String) -> Bool {
        // ".or.kr/#/StatisticsByTheme": the rest of a host cut after a dot may go on with any path.
        let restOfHost = next.hasPrefix(".") && (next.dropFirst().first?.isLowercase ?? false)
        guard !isCandidate(next), restOfHost || !next.contains(where: \.isUppercase) else { return false }
        let fileName = [".html", ".htm", ".pdf", ".php", ".aspx"].contains { next.hasSuffix($0) }
        // "…/article/q/1234 abc.html": a file name of letters, digits, "-", "_" and "." after a path.
        let restOfFileName = fileName && url.dropFirst(8).contains("/")
            && next.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        let joins = ["/", "-", "_", ".", "="].contains { url.hasSuffix($0) || next.hasPrefix($0) }
        let pathLike = next.contains("/") || fileName
        return (joins && pathLike) || restOfFileName
    }

    /// The runs of `text` between white space (and U+FFFC), trimmed of the punctuation around a
    /// written address, with their UTF-8 ranges.
    static func chunks(_ text: String) -> [(text: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var current: [Character] = []
        var start = 0, offset = 0
        func flush() {
            defer { current.removeAll(keepingCapacity: true) }
            var lo = 0, hi = current.count
            while lo < hi, "([{<\"'“‘«".contains(current[lo]) { lo += 1 }
            while hi > lo {
                let c = current[hi - 1]
                if ".,;:!?\"'”’»>]}*".contains(c) { hi -= 1; continue }
                if c == ")" {
                    let slice = current[lo..<hi]
                    if slice.filter({ $0 == "(" }).count < slice.filter({ $0 == ")" }).count { hi -= 1; continue }
                }
                break
            }
            guard lo < hi else { return }
            let before = current[..<lo].reduce(0) { $0 + $1.utf8.count }
            let s = String(current[lo..<hi])
            out.append((s, (start + before)..<(start + before + s.utf8.count)))
        }
        for c in text {
            if c.isWhitespace || c == "\u{FFFC}" {
                if !current.isEmpty { flush() }
                offset += c.utf8.count
                start = offset
            } else {
                current.append(c)
                offset += c.utf8.count
            }
        }
        if !current.isEmpty { flush() }
        return out
    }
}
