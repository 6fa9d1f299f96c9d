import Foundation

/// Text helpers for metadata values: normalisation for output and comparison keys for conflict checks.
enum MetadataText {
    /// Collapses runs of whitespace (including U+00A0 and other Unicode spaces) to one space and trims.
    /// C1 control characters (U+0080–U+009F), which appear when a windows-1252 page is declared as
    /// ISO-8859-1, are mapped to the windows-1252 characters browsers show (curly quotes, dashes, …).
    /// Curly quotes are kept as they are.
    static func normalize(_ s: String) -> String {
        if let ascii = normalizedASCII(s) { return ascii }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v <= 0x20 || v == 0x7F { pendingSpace = true; continue }
            } else if v <= 0x9F {
                if let mapped = c1Map[v] {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: mapped.utf8)
                }
                continue
            } else if scalar.properties.isWhitespace || v == 0xFEFF || v == 0x200B {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(contentsOf: scalar.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``normalize(_:)`` for an all-ASCII string (nil otherwise): the string itself when it is
    /// already normal (no control characters, no leading, trailing or repeated spaces).
    private static func normalizedASCII(_ s: String) -> String? {
        var clean = true
        var previousSpace = true  // a space at the start is not normal
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            if b < 0x20 || b == 0x7F || (b == 0x20 && previousSpace) { clean = false }
            previousSpace = b == 0x20
        }
        if clean && !previousSpace { return s }
        if clean && s.isEmpty { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for b in s.utf8 {
            if b <= 0x20 || b == 0x7F { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `normalize(s)`, or nil when that is empty.
    static func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let n = normalize(s)
        return n.isEmpty ? nil : n
    }

    /// A key for comparing two values: normalised, lower-cased, quotes removed, dashes unified,
    /// spaces around dashes and trailing punctuation dropped.
    static func comparisonKey(_ s: String) -> String {
        if let bytes = spacedKeyASCII(s) {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20, i + 2 < bytes.count, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x20 {
                    out.append(0x2D)
                    i += 3
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return spacedKey(s).replacingOccurrences(of: " - ", with: "-")
    }

    /// Like ``comparisonKey(_:)`` but keeping the spaces around dashes, so that `Title - Site`
    /// (a separator) stays distinguishable from `Korea-Japan` (a compound).
    static func spacedKey(_ s: String) -> String {
        if let bytes = spacedKeyASCII(s) { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        for scalar in normalize(s).lowercased().unicodeScalars {
            switch scalar.value {
            case 0x22, 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F,
                 0x2032, 0x2033, 0xAB, 0xBB, 0x2039, 0x203A:
                continue
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
                out.append("-")
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out = normalize(out)
        while let last = out.last, ".,;:!?".contains(last) || last == " " { out.removeLast() }
        return out
    }

    /// ``spacedKey(_:)`` of an all-ASCII string as UTF-8 bytes (nil for any other string): lower-cased,
    /// quotes removed, whitespace runs and control characters collapsed to one space, trimmed,
    /// trailing `.,;:!?` dropped.
    private static func spacedKeyASCII(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            if b == 0x22 || b == 0x27 || b == 0x60 { continue }
            if b <= 0x20 || b == 0x7F { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        while let last = out.last, last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x21
                || last == 0x3F || last == 0x20 {
            out.removeLast()
        }
        return out
    }

    /// Whether two titles say the same thing: equal comparison keys, or one is the other plus a
    /// site-name or subtitle part set off by a separator (`Title | Site`, `Site - Title`,
    /// `Title: Subtitle`, `Title [Site]`). A hyphenated compound (`Korea` vs `Korea-Japan`) differs.
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        if comparisonKey(a) == comparisonKey(b) { return true }
        let ka = spacedKey(a), kb = spacedKey(b)
        if ka.isEmpty || kb.isEmpty { return false }
        let (short, long) = ka.count <= kb.count ? (ka, kb) : (kb, ka)
        if long.hasPrefix(short) {
            let rest = long.dropFirst(short.count)
            if rest.first == ":" { return true }
            guard rest.first == " " else { return false }
            return rest.dropFirst().first.map { separatorStarts.contains($0) || $0 == "[" || $0 == "(" } ?? false
        }
        if long.hasSuffix(short) {
            let head = long.dropLast(short.count)
            guard head.last == " " else { return false }
            return head.dropLast().last.map { separatorStarts.contains($0) } ?? false
        }
        return false
    }

    /// Characters that start or end a title / site-name separator.
    static let separatorStarts: Set<Character> = ["|", "-", ":", "·", "•", "/", "»", "«"]

    /// Removes a site-name suffix or prefix (`Title | Site`, `Site - Title`) when `Site` is one of
    /// `siteNames` (compared by ``comparisonKey(_:)``); otherwise returns the title unchanged.
    static func stripSiteName(_ title: String, siteNames: [String]) -> String {
        stripSiteName(title, siteKeys: siteNameKeys(siteNames))
    }

    /// The comparison keys of `siteNames` as ``stripSiteName(_:siteKeys:)`` wants them.
    static func siteNameKeys(_ siteNames: [String]) -> Set<String> {
        Set(siteNames.map(comparisonKey).filter { !$0.isEmpty })
    }

    /// Title/site-name separators, tried in this order.
    static let siteNameSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]

    /// ``stripSiteName(_:siteNames:)`` with the site names' keys computed once by ``siteNameKeys(_:)``.
    static func stripSiteName(_ title: String, siteKeys keys: Set<String>) -> String {
        guard !keys.isEmpty else { return title }
        let asciiTitle = title.utf8.allSatisfy { $0 < 0x80 } ? Array(title.utf8) : nil
        for sep in siteNameSeparators {
            if let bytes = asciiTitle {
                // An ASCII title: a plain byte search finds what Foundation's search would (and no
                // non-ASCII separator can occur in it).
                guard sep.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                let pattern = Array(sep.utf8)
                if let r = byteRange(of: pattern, in: bytes, backwards: true) {
                    let head = String(decoding: bytes[..<r.lowerBound], as: UTF8.self)
                    let tail = String(decoding: bytes[r.upperBound...], as: UTF8.self)
                    if keys.contains(comparisonKey(tail)), !head.isEmpty { return normalize(head) }
                }
                if let r = byteRange(of: pattern, in: bytes, backwards: false) {
                    let head = String(decoding: bytes[..<r.lowerBound], as: UTF8.self)
                    let tail = String(decoding: bytes[r.upperBound...], as: UTF8.self)
                    if keys.contains(comparisonKey(head)), !tail.isEmpty { return normalize(tail) }
                }
                continue
            }
            if let r = title.range(of: sep, options: .backwards) {
                let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
                if keys.contains(comparisonKey(tail)), !head.isEmpty { return normalize(head) }
            }
            if let r = title.range(of: sep) {
                let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
                if keys.contains(comparisonKey(head)), !tail.isEmpty { return normalize(tail) }
            }
        }
        return title
    }

    /// The first (or last) occurrence of `pattern` in `bytes`.
    private static func byteRange(of pattern: [UInt8], in bytes: [UInt8], backwards: Bool) -> Range<Int>? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        let starts = 0...(bytes.count - pattern.count)
        func matches(at i: Int) -> Bool {
            for j in pattern.indices where bytes[i + j] != pattern[j] { return false }
            return true
        }
        if backwards {
            for i in starts.reversed() where matches(at: i) { return i..<(i + pattern.count) }
        } else {
            for i in starts where matches(at: i) { return i..<(i + pattern.count) }
        }
        return nil
    }

    /// `s.range(of: needle, options: .caseInsensitive)` as Foundation answers it, found by a byte
    /// search ignoring ASCII case when `s` and `needle` are ASCII (where the two agree).
    static func caseInsensitiveRange(of needle: String, in s: String) -> Range<String.Index>? {
        let hay = Array(s.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, hay.allSatisfy({ $0 < 0x80 }), pattern.allSatisfy({ $0 < 0x80 }) else {
            return s.range(of: needle, options: .caseInsensitive)
        }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        guard hay.count >= pattern.count else { return nil }
        outer: for i in 0...(hay.count - pattern.count) {
            for j in pattern.indices where lower(hay[i + j]) != lower(pattern[j]) { continue outer }
            let start = s.utf8.index(s.utf8.startIndex, offsetBy: i)
            let end = s.utf8.index(start, offsetBy: pattern.count)
            return start..<end
        }
        return nil
    }

    /// `s.replacingOccurrences(of: target, with: replacement)` as Foundation answers it, done on bytes
    /// when `s` and `target` are ASCII (where the two agree: left to right, without overlaps).
    static func replacing(_ s: String, _ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty, s.utf8.allSatisfy({ $0 < 0x80 }), pattern.allSatisfy({ $0 < 0x80 }) else {
            return s.replacingOccurrences(of: target, with: replacement)
        }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == pattern[0], bytes.count - i >= pattern.count, bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                out.append(contentsOf: replacement.utf8)
                i += pattern.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Quotes a value for a diagnostic message, shortened to 120 characters.
    static func quoted(_ s: String) -> String {
        let n = normalize(s)
        let short = n.count > 120 ? String(n.prefix(117)) + "…" : n
        return "\u{201C}" + short + "\u{201D}"
    }

    /// windows-1252 characters for the C1 control code points libxml2 produces from ISO-8859-1.
    static let c1Map: [UInt32: Unicode.Scalar] = {
        let table: [(UInt32, UInt32)] = [
            (0x80, 0x20AC), (0x82, 0x201A), (0x83, 0x0192), (0x84, 0x201E), (0x85, 0x2026), (0x86, 0x2020),
            (0x87, 0x2021), (0x88, 0x02C6), (0x89, 0x2030), (0x8A, 0x0160), (0x8B, 0x2039), (0x8C, 0x0152),
            (0x8E, 0x017D), (0x91, 0x2018), (0x92, 0x2019), (0x93, 0x201C), (0x94, 0x201D), (0x95, 0x2022),
            (0x96, 0x2013), (0x97, 0x2014), (0x98, 0x02DC), (0x99, 0x2122), (0x9A, 0x0161), (0x9B, 0x203A),
            (0x9C, 0x0153), (0x9E, 0x017E), (0x9F, 0x0178),
        ]
        var map: [UInt32: Unicode.Scalar] = [:]
        for (k, v) in table { if let s = Unicode.Scalar(v) { map[k] = s } }
        return map
    }()
}
