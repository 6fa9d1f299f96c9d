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
        if let s = scheme(of: url) {
            return allowed.contains(s) ? .allowed(url) : .rejected(scheme: s)
        }
        guard let base, let resolved = URL(string: url, relativeTo: base)?.absoluteURL.absoluteString else {
            return .allowed(url)
        }
        // Resolution against an http(s) base always gives http(s); check anyway.
        guard let s = scheme(of: resolved), resourceSchemes.contains(s) else { return .rejected(scheme: scheme(of: resolved) ?? "") }
        return .allowed(resolved)
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
