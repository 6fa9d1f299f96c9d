import Foundation
import KeiXML

/// Text helpers for metadata values: normalisation for output and comparison keys for conflict checks.
enum MetadataText {
    /// Collapses runs of whitespace (including U+00A0 and other Unicode spaces) to one space and trims.
    /// C1 control characters (U+0080–U+009F; ingest leaves none in the page's text, but a JSON-LD `\u0092`
    /// escape still makes one) are mapped to the windows-1252 characters as HTML5 maps `&#146;`
    /// (``Windows1252/referenceReplacement(_:)``), the five without one dropped.
    /// Curly quotes are kept as they are.
    static func normalize(_ s: String) -> String {
        // Most values are already normal: they are returned as they are, without a copy.
        if isNormal(s) { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            var scalar = scalar
            if isC1(scalar) {
                guard let mapped = Windows1252.referenceReplacement(scalar.value) else { continue }
                scalar = mapped
            } else if isSpace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            UTF8.encode(scalar) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether ``normalize(_:)`` would return `s` unchanged: no C1 controls, and no whitespace
    /// other than single spaces between other characters.
    private static func isNormal(_ s: String) -> Bool {
        var previousSpace = true  // a space at the start is not normal
        for scalar in s.unicodeScalars {
            if scalar == " " {
                if previousSpace { return false }
                previousSpace = true
            } else if isC1(scalar) || isSpace(scalar) {
                return false
            } else {
                previousSpace = false
            }
        }
        return !previousSpace || s.isEmpty
    }

    /// Whether ``normalize(_:)`` collapses the scalar into a space: ASCII whitespace and control
    /// characters, Unicode whitespace, U+FEFF and U+200B.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v <= 0x20 || v == 0x7F }
        return scalar.properties.isWhitespace || v == 0xFEFF || v == 0x200B
    }

    /// A C1 control character (U+0080–U+009F).
    private static func isC1(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0x9F).contains(scalar.value)
    }

    /// `s` with HTML character references decoded (``KeiXML/HTMLCharacterReferences``): twice at most,
    /// so that a value encoded twice (`Won&amp;#8217;t`) comes out as `Won’t`.
    static func decodingReferences(_ s: String) -> String {
        let once = HTMLCharacterReferences.decode(s)
        return once == s ? s : HTMLCharacterReferences.decode(once)
    }

    /// An address as the URL parser reads it (``SafeURL/normalized(_:)``: tabs and line breaks removed,
    /// not collapsed into spaces as ``normalize(_:)`` would, so that `java&#9;script:` stays
    /// `javascript:` for the scheme check), or nil when that is empty.
    static func nonEmptyURL(_ s: String?) -> String? {
        guard let s else { return nil }
        let n = SafeURL.normalized(s)
        return n.isEmpty ? nil : n
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
        joiningDashes(spacedKey(s))
    }

    /// A ``spacedKey(_:)`` made a ``comparisonKey(_:)``: ` - ` becomes `-`.
    private static func joiningDashes(_ spacedKey: String) -> String {
        TextSearch.replacing(" - ", with: "-", in: spacedKey)
    }

    /// Like ``comparisonKey(_:)`` but keeping the spaces around dashes, so that `Title - Site`
    /// (a separator) stays distinguishable from `Korea-Japan` (a compound).
    static func spacedKey(_ s: String) -> String {
        let lower = normalize(s).lowercased()
        var out: [UInt8] = []
        out.reserveCapacity(lower.utf8.count)
        var pendingSpace = false
        // After normalize the only whitespace is single spaces; a removed quote can leave two
        // together or one at an end, so spaces are collapsed again here.
        for scalar in lower.unicodeScalars {
            if isQuote(scalar) { continue }
            if scalar == " " {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            UTF8.encode(isDash(scalar) ? "-" : scalar) { out.append($0) }
        }
        var key = String(decoding: out, as: UTF8.self)
        while let last = key.last, ".,;:!?".contains(last) || last == " " { key.removeLast() }
        return key
    }

    /// Quotation marks, apostrophes and primes, which keys leave out.
    private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x60, 0xAB, 0xB4, 0xBB, 0x2018...0x201F, 0x2032, 0x2033, 0x2039, 0x203A: true
        default: false
        }
    }

    /// Hyphens, dashes and minus signs, which keys write as `-`.
    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: true
        default: false
        }
    }

    /// Whether two values are the same value written differently: they differ only in case, spacing,
    /// quotes (’ vs '), dashes, trailing punctuation, character references (decoded before), Unicode
    /// compatibility forms (full-width letters, ligatures) or encoding (UTF-8 text read as windows-1252,
    /// "Wonâ€™t" for "Won’t").
    static func sameValue(_ a: String, _ b: String) -> Bool {
        if comparisonKey(a) == comparisonKey(b) { return true }
        return looseKey(a) == looseKey(b)
    }

    /// ``comparisonKey(_:)`` of the value with mojibake repaired and compatibility forms folded (NFKC),
    /// without spaces.
    static func looseKey(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !$0.isASCII }) else { return spacelessKey(s) }
        return spacelessKey(repairingMojibake(s).precomposedStringWithCompatibilityMapping)
    }

    /// ``comparisonKey(_:)`` without spaces: values that differ only in spacing have the same one.
    static func spacelessKey(_ s: String) -> String {
        comparisonKey(s).filter { $0 != " " }
    }

    /// `s` read back as UTF-8 when it is UTF-8 text that was decoded as windows-1252 or Latin-1
    /// ("SeoulÃ¢â‚¬â„¢s" twice, "Wonâ€™t" once); otherwise `s`. Only used to compare values.
    static func repairingMojibake(_ s: String) -> String {
        var current = s
        for _ in 0..<2 {
            guard current.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return current }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(current.utf8.count)
            for scalar in current.unicodeScalars {
                if scalar.value < 0x100 {
                    bytes.append(UInt8(scalar.value))
                } else if let byte = Windows1252.byte(of: scalar) {
                    bytes.append(byte)
                } else {
                    return current
                }
            }
            guard let repaired = String(validating: bytes, as: UTF8.self), repaired != current else { return current }
            current = repaired
        }
        return current
    }

    /// Removes from a title the part set off by a separator (`Title | Site`, `Title - Site`,
    /// `Title — Site`, `Site: Title`, `«Site» | Title`) when one of `shown` (what the page shows as
    /// its title: the `<h1>`, `og:title`; `title` itself is no reference) is the title without that
    /// part, compared by ``spacelessKey(_:)``. Otherwise returns `title` unchanged.
    static func stripPartNotShown(_ title: String, shown: [String]) -> String {
        let titleKey = spacelessKey(title)
        let shownKeys = Set(shown.map(spacelessKey)).subtracting([titleKey])
        guard !shownKeys.isEmpty else { return title }
        for sep in siteNameSeparators + [" « ", ": ", " : "] where TextSearch.contains(title, sep) {
            for r in [TextSearch.lastRange(of: sep, in: title), TextSearch.range(of: sep, in: title)].compactMap({ $0 }) {
                let head = normalize(String(title[..<r.lowerBound])), tail = normalize(String(title[r.upperBound...]))
                // "Title: Subtitle" keeps its subtitle: a colon only sets off a site name before the title.
                if sep != ": ", sep != " : ", !head.isEmpty, shownKeys.contains(spacelessKey(head)) { return head }
                if !tail.isEmpty, shownKeys.contains(spacelessKey(tail)) { return tail }
            }
        }
        return title
    }

    /// Whether two titles say the same thing: equal comparison keys, or one is the other plus a
    /// site-name or subtitle part set off by a separator (`Title | Site`, `Site - Title`,
    /// `Title: Subtitle`, `Title [Site]`). A hyphenated compound (`Korea` vs `Korea-Japan`) differs.
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        let ka = spacedKey(a), kb = spacedKey(b)
        if joiningDashes(ka) == joiningDashes(kb) || looseKey(a) == looseKey(b) { return true }
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
        for sep in siteNameSeparators {
            if let r = TextSearch.lastRange(of: sep, in: title) {
                let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
                if keys.contains(comparisonKey(tail)), !head.isEmpty { return normalize(head) }
            }
            if let r = TextSearch.range(of: sep, in: title) {
                let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
                if keys.contains(comparisonKey(head)), !tail.isEmpty { return normalize(tail) }
            }
        }
        return title
    }

    /// Quotes a value for a diagnostic message, shortened to 120 characters.
    static func quoted(_ s: String) -> String {
        let n = normalize(s)
        let short = n.count > 120 ? String(n.prefix(117)) + "…" : n
        return "\u{201C}" + short + "\u{201D}"
    }
}
