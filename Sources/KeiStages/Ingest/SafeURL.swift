import Foundation
import KeiXML

/// The one policy for every address written to JATS (`ext-link`, `graphic`, `self-uri`, `uri`).
///
/// An address is first normalised as the WHATWG URL Standard's basic URL parser reads an `href`
/// (leading and trailing C0 controls and spaces stripped, every tab, LF and CR removed; the three
/// HTML5 character references that can hide a scheme and that libxml2 2.9 does not know, `&Tab;`,
/// `&NewLine;` and `&colon;`, decoded as a browser would have), then its scheme is read as that
/// parser does (an ASCII letter, then letters, digits, `+`, `-`, `.`, up to `:`; case-insensitive).
/// Allowed: `http` and `https` everywhere; `mailto`, `doi` and `urn` for links only. A reference
/// without a scheme is resolved against the page's base URL (its `<base href>`, itself resolved
/// against the canonical URL, else the canonical URL) when there is one, else kept as written.
/// A same-page `#fragment` is left to the note and cross-reference handling. Anything else
/// (`javascript:`, `vbscript:`, `data:`, `file:`, unknown schemes) is rejected.
public enum SafeURL {
    /// Where an address is used.
    public enum Use: Sendable {
        /// A hyperlink (`ext-link`): http, https, mailto, doi, urn.
        case link
        /// An image (`graphic`) or the article's own address (`self-uri`): http, https only.
        case resource
    }

    /// What may be written for an address.
    public enum Verdict: Sendable, Hashable {
        /// Write this (normalised, resolved) address.
        case allowed(String)
        /// A same-page fragment (`#id`), as written after normalisation.
        case fragment(String)
        /// Nothing to write: the address is empty after normalisation.
        case empty
        /// Not allowed: its (lower-cased) scheme.
        case rejected(scheme: String)
    }

    static let linkSchemes: Set<String> = ["http", "https", "mailto", "doi", "urn"]
    static let resourceSchemes: Set<String> = ["http", "https"]

    /// The verdict for `raw` (an attribute value, character references already decoded by the parser)
    /// used as `use`, resolving a relative reference against `base` (an http or https URL) when given.
    public static func check(_ raw: String, for use: Use, base: URL? = nil) -> Verdict {
        let url = normalized(raw)
        if url.isEmpty { return .empty }
        if url.hasPrefix("#") { return .fragment(url) }
        let allowed = use == .link ? linkSchemes : resourceSchemes
        var reference = url
        if let s = scheme(of: url) {
            guard allowed.contains(s) else { return .rejected(scheme: s) }
            guard specialSchemes.contains(s) else { return .allowed(url) }
            let afterColon = url.unicodeScalars[url.unicodeScalars.index(url.unicodeScalars.startIndex, offsetBy: s.unicodeScalars.count + 1)...]
            // `https:path` on an https page is relative to it (the parser's "special relative or authority" state).
            let sameSchemeRelative = base.map { scheme(of: $0.absoluteString) == s } == true
                && !(afterColon.first == "/" || afterColon.first == "\\")
            guard sameSchemeRelative else { return .allowed(serializedSpecial(scheme: url.unicodeScalars.prefix(s.unicodeScalars.count), afterColon)) }
            reference = percentEncoded(afterColon, from: .path)
        } else {
            reference = percentEncoded(url.unicodeScalars[...], from: .path)
        }
        guard let base, let resolved = URL(string: reference, relativeTo: base)?.absoluteURL.absoluteString else {
            return .allowed(reference)
        }
        // Resolution against an http(s) base always gives http(s); check anyway.
        guard let s = scheme(of: resolved), resourceSchemes.contains(s) else { return .rejected(scheme: scheme(of: resolved) ?? "") }
        return .allowed(resolved)
    }

    /// The schemes the URL Standard calls special (of those allowed): a backslash is a slash in them.
    static let specialSchemes: Set<String> = ["http", "https"]

    /// An http(s) address as the WHATWG basic URL parser serializes it (its host and case otherwise as
    /// written): any run of slashes and backslashes after the scheme is `//`, backslashes before the
    /// query are slashes, and code points that may not appear in a URL are percent-encoded.
    static func serializedSpecial(scheme: Substring.UnicodeScalarView, _ rest: Substring.UnicodeScalarView) -> String {
        let afterSlashes = rest.drop(while: { $0 == "/" || $0 == "\\" })
        return String(String.UnicodeScalarView(scheme)) + "://" + percentEncoded(afterSlashes, from: .authority)
    }

    /// The parts of a URL, whose percent-encode sets differ.
    enum URLPart { case authority, path, query, fragment }

    /// `scalars` read from `part` on as the URL parser reads a special URL: `\` is `/` before the query,
    /// `/` ends the authority, `?` starts the query, `#` the fragment; each part's code points outside
    /// its percent-encode set are written as UTF-8 `%XX` (non-ASCII hosts are left to the reader).
    static func percentEncoded(_ scalars: Substring.UnicodeScalarView, from part: URLPart) -> String {
        var part = part
        var out = String.UnicodeScalarView()
        for u in scalars {
            switch (part, u) {
            case (.authority, "/"), (.authority, "\\"), (.path, "/"), (.path, "\\"):
                part = .path
                out.append("/")
                continue
            case (.authority, "?"), (.path, "?"):
                part = .query
                out.append(u)
                continue
            case (.authority, "#"), (.path, "#"), (.query, "#"):
                part = .fragment
                out.append(u)
                continue
            default:
                break
            }
            guard mustEncode(u, in: part) else { out.append(u); continue }
            for byte in String(u).utf8 {
                out.append(contentsOf: "%".unicodeScalars)
                out.append(contentsOf: String(byte, radix: 16, uppercase: true).leftPadded(to: 2).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether `u` is in the URL Standard's percent-encode set of `part` (path, special-query, fragment;
    /// the path set for the authority's ASCII).
    private static func mustEncode(_ u: Unicode.Scalar, in part: URLPart) -> Bool {
        if u.value < 0x20 || u.value == 0x7F { return true }
        if u.value > 0x7F { return part != .authority }
        switch u {
        case " ", "\"", "<", ">": return true
        case "`": return part != .query
        case "{", "}": return part == .path || part == .authority
        case "'": return part == .query
        default: return false
        }
    }

    /// The address as the WHATWG URL parser reads it before parsing (see the type's documentation).
    public static func normalized(_ raw: String) -> String {
        var s = raw
        if s.contains("&") {
            for (reference, value) in [("&Tab;", "\t"), ("&NewLine;", "\n"), ("&colon;", ":")] {
                s = s.replacingOccurrences(of: reference, with: value)
            }
        }
        var scalars = Array(s.unicodeScalars)
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let isStripped: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 }
        guard let first = scalars.firstIndex(where: { !isStripped($0) }),
              let last = scalars.lastIndex(where: { !isStripped($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    /// The lower-cased scheme of a normalised address, or nil when it has none (a relative reference).
    public static func scheme(of url: String) -> String? {
        var name = ""
        for u in url.unicodeScalars {
            if u == ":" { return name.isEmpty ? nil : name }
            let isLetter = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z")
            let isOther = (u >= "0" && u <= "9") || u == "+" || u == "-" || u == "."
            guard isLetter || (!name.isEmpty && isOther) else { return nil }
            name.unicodeScalars.append(isLetter ? Unicode.Scalar(u.value | 0x20)! : u)
        }
        return nil
    }

    /// The base URL of a page (WHATWG HTML "document base URL"): the first `<base href>` in tree order, resolved
    /// against the canonical URL, else the canonical URL; nil unless it is an http or https URL.
    public static func documentBase(of root: DOMElement?, canonical: String?) -> URL? {
        var fallback: URL?
        if let c = canonical, case .allowed(let u) = check(c, for: .resource), scheme(of: u) != nil { fallback = URL(string: u) }
        var href: String?
        root?.walk { e in
            if href != nil { return false }
            if e.name == "base", let h = e[attribute: "href"] { href = h; return false }
            // libxml2 may move head elements into the body of a malformed page: look everywhere.
            return true
        }
        if let href {
            switch check(href, for: .resource, base: fallback) {
            case .allowed(let u) where scheme(of: u) != nil: return URL(string: u)
            default: break
            }
        }
        return fallback
    }
}

private extension String {
    /// The string with zeros before it up to `width` characters.
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
