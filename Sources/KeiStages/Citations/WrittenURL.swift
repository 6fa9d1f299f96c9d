/// A web address as written in an article's text or a link, checked against the generic URI syntax of
/// RFC 3986 (section 3: `scheme ":" "//" authority path-abempty [ "?" query ] [ "#" fragment ]`) as far
/// as a cited web address needs: an `http`, `https` or `ftp` scheme (or a `www.` address without one),
/// a host, an optional port, and path, query and fragment characters.
///
/// All offsets are UTF-8 byte offsets (0-based) into ``text``. Parsing is linear in the text's length.
struct WrittenURL {
    /// The address as written.
    var text: String
    /// The scheme, lower-cased ("https"); nil for a `www.` address or when none could be read.
    var scheme: String?
    /// Where the scheme stands in ``text`` (without its ":").
    var schemeRange: Range<Int>?
    /// The host, lower-cased, without a leading "www." (what two citations of one site share).
    var site: String?
    /// Where the query stands in ``text`` (after "?", before "#"), when there is one.
    var queryRange: Range<Int>?
    /// Why the address is not a well-formed web address, or nil when it is.
    var problem: String?

    static let schemes: Set<String> = ["http", "https", "ftp"]

    /// Whether `prefix` (letters before ":" or "/") reads as a web scheme, spelled right or not:
    /// "http", "https", "htp", "htps", "htttp", "hhttps", "ttps", "hxxp", "ftp".
    static func isSchemeLike(_ prefix: String) -> Bool {
        let p = prefix.lowercased()
        guard (3...7).contains(p.count), p.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        if schemes.contains(p) || p == "hxxp" || p == "hxxps" { return true }
        return editDistance(p, "http") <= 1 || editDistance(p, "https") <= 1
    }

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        var i = 0
        let lower = text.lowercased()
        if lower.hasPrefix("www.") {
            parseAuthority(bytes, from: 0)
            return
        }
        // The scheme: letters up to ":" or "/".
        while i < bytes.count, Self.isASCIILetter(bytes[i]) { i += 1 }
        let schemeText = String(decoding: bytes[0..<i], as: UTF8.self).lowercased()
        schemeRange = 0..<i
        guard Self.isSchemeLike(schemeText) else {
            problem = "it does not start with http://, https:// or www."
            return
        }
        scheme = schemeText
        let hasColon = i < bytes.count && bytes[i] == UInt8(ascii: ":")
        var slashes = 0
        var j = hasColon ? i + 1 : i
        while j < bytes.count, bytes[j] == UInt8(ascii: "/") || bytes[j] == UInt8(ascii: "\\") { slashes += 1; j += 1 }
        if !Self.schemes.contains(schemeText) {
            problem = "the scheme “\(schemeText)” is not http or https (a typing slip?)"
        } else if !hasColon {
            problem = "the “:” after “\(schemeText)” is missing (RFC 3986: scheme, “:”, then “//” and the host)"
        } else if slashes == 0 {
            problem = "“\(schemeText):” is not followed by “//” and a host"
        } else if slashes == 1 {
            problem = "“\(schemeText):” is followed by one slash, not two"
        } else if slashes > 2 {
            problem = "“\(schemeText):” is followed by \(slashes) slashes, which leaves the host empty"
        } else if bytes[(i + 1)..<j].contains(UInt8(ascii: "\\")) {
            problem = "the address has a backslash where “//” belongs"
        }
        guard problem == nil else { return }
        parseAuthority(bytes, from: j)
    }

    /// Reads `[userinfo "@"] host [":" port]` from `start`, then the path, query and fragment.
    private mutating func parseAuthority(_ bytes: [UInt8], from start: Int) {
        var end = start
        while end < bytes.count, !"/?#".utf8.contains(bytes[end]) { end += 1 }
        var authority = Array(bytes[start..<end])
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = Array(authority[(at + 1)...]) }
        var hostBytes = authority
        if authority.first == UInt8(ascii: "[") {
            // An IP literal: taken as written.
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                problem = "the host’s “[” is never closed"
                return
            }
            hostBytes = Array(authority[...close])
            if close + 1 < authority.count { checkPort(Array(authority[(close + 1)...])) }
        } else if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            hostBytes = Array(authority[..<colon])
            checkPort(Array(authority[colon...]))
        }
        guard problem == nil else { return }
        let host = String(decoding: hostBytes, as: UTF8.self).lowercased()
        if let why = Self.hostProblem(host) {
            problem = why
            return
        }
        site = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        if site?.hasSuffix(".") == true { site?.removeLast() }
        checkRest(bytes, from: end)
    }

    private mutating func checkPort(_ part: [UInt8]) {
        // part starts with ":"
        let digits = part.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.count <= 5,
              Int(String(decoding: digits, as: UTF8.self))! <= 65535 else {
            problem = "the port “\(String(decoding: digits, as: UTF8.self))” is not a number from 0 to 65535"
            return
        }
    }

    /// The path, query and fragment: RFC 3986 allows unreserved characters, percent-encodings,
    /// sub-delimiters, ":", "@", "/", "?" and one "#"; characters outside ASCII are left alone (IRIs).
    private mutating func checkRest(_ bytes: [UInt8], from start: Int) {
        var i = start
        var queryStart: Int?
        var fragment = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "?") && queryStart == nil && !fragment { queryStart = i + 1 }
            if b == UInt8(ascii: "#") {
                if let q = queryStart, queryRange == nil { queryRange = q..<i }
                fragment = true
            }
            if b == UInt8(ascii: "%") {
                guard Self.isHex(bytes, i + 1), Self.isHex(bytes, i + 2) else {
                    problem = "a “%” is not followed by two hexadecimal digits (RFC 3986, 2.1)"
                    return
                }
                i += 3
                continue
            }
            if b < 0x80, Self.forbidden.contains(b) {
                let c = Character(Unicode.Scalar(b))
                problem = b == 0x20 ? "it contains a space" : "it contains “\(c)”, which a URL may not hold unencoded (RFC 3986, 2)"
                return
            }
            i += 1
        }
        if let q = queryStart, queryRange == nil { queryRange = q..<bytes.count }
    }

    static let forbidden: Set<UInt8> = Set(" \"<>\\^`{|}".utf8).union(0..<0x20)

    static func isHex(_ bytes: [UInt8], _ i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// Why `host` (lower-cased) is not a host name a citation can point at, or nil.
    static func hostProblem(_ host: String) -> String? {
        if host.isEmpty { return "it has no host (nothing between “//” and the path)" }
        if host.hasPrefix("[") { return nil }
        if host == "localhost" { return nil }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if labels.last == "" && labels.count > 1 { labels.removeLast() }
        guard labels.count >= 2 else { return "the host “\(host)” has no domain (no “.”)" }
        for label in labels {
            if label.isEmpty { return "the host “\(host)” has an empty part (“..” or a leading “.”)" }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "the host “\(host)” has a part starting or ending with “-”" }
            if let bad = label.first(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                return "the host “\(host)” contains “\(bad)”, which a host name may not hold"
            }
        }
        let top = labels.last!
        if top.allSatisfy(\.isNumber) {
            let octets = labels.compactMap { Int($0) }
            return octets.count == 4 && octets.allSatisfy({ $0 <= 255 }) ? nil : "the host “\(host)” is neither a domain name nor an IPv4 address"
        }
        if top.count < 2 || !(top.allSatisfy(\.isLetter) || top.hasPrefix("xn--")) {
            return "the host “\(host)” does not end in a top-level domain (“.\(top)”)"
        }
        return nil
    }

    /// Levenshtein distance between two short strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
