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
        /// An http(s) address the URL parser fails on (a host it cannot read, a port that is no
        /// number): why, for the report.
        case invalid(reason: String)
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
            guard sameSchemeRelative else { return serializedSpecial(scheme: s, afterColon) }
            reference = percentEncoded(afterColon, from: .path)
        } else {
            reference = percentEncoded(url.unicodeScalars[...], from: .path)
        }
        guard let base, let resolved = URL(string: reference, relativeTo: base)?.absoluteURL.absoluteString else {
            return .allowed(reference)
        }
        // Resolution against an http(s) base always gives http(s); check anyway.
        guard let s = scheme(of: resolved), resourceSchemes.contains(s) else { return .rejected(scheme: scheme(of: resolved) ?? "") }
        let afterColon = resolved.unicodeScalars[resolved.unicodeScalars.index(resolved.unicodeScalars.startIndex, offsetBy: s.unicodeScalars.count + 1)...]
        return serializedSpecial(scheme: s, afterColon)
    }

    /// The schemes the URL Standard calls special (of those allowed): a backslash is a slash in them.
    static let specialSchemes: Set<String> = ["http", "https"]

    /// An http(s) address as the WHATWG basic URL parser serializes it: the scheme (`scheme`, lower case)
    /// and `://` (any run of slashes and backslashes after the colon), the authority with its host
    /// lower-cased (ASCII) and percent-decoded and the scheme's default port left out, then the path
    /// (`/` when empty; backslashes before the query are slashes), query and fragment, with code points
    /// that may not appear in a URL percent-encoded. A host or port the parser fails on makes the
    /// address ``Verdict/invalid(reason:)``. Not done: IDNA for non-ASCII hosts (left as written),
    /// IPv4 number forms and IPv6 compression.
    static func serializedSpecial(scheme: String, _ rest: Substring.UnicodeScalarView) -> Verdict {
        let afterSlashes = rest.drop(while: { $0 == "/" || $0 == "\\" })
        let authorityEnd = afterSlashes.firstIndex(where: { $0 == "/" || $0 == "\\" || $0 == "?" || $0 == "#" }) ?? afterSlashes.endIndex
        var authority = afterSlashes[..<authorityEnd]
        var userinfo = ""
        if let at = authority.lastIndex(of: "@") {
            userinfo = percentEncoded(authority[..<at], from: .authority) + "@"
            authority = authority[authority.index(after: at)...]
        }
        var hostPart = authority
        var port: Substring.UnicodeScalarView?
        let bracketEnd = authority.first == "[" ? authority.firstIndex(of: "]") : nil
        if let colon = authority[(bracketEnd ?? authority.startIndex)...].firstIndex(of: ":") {
            hostPart = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        let host: String
        switch parsedHost(hostPart) {
        case .success(let h): host = h
        case .failure(let reason): return .invalid(reason: reason.message)
        }
        var portText = ""
        if let port, !port.isEmpty {
            guard port.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return .invalid(reason: "its port is not a number") }
            let digits = String(String.UnicodeScalarView(port.drop(while: { $0 == "0" })))
            guard digits.count <= 5, let n = Int(digits.isEmpty ? "0" : digits), n <= 65535 else {
                return .invalid(reason: "its port is past 65535")
            }
            if n != (scheme == "https" ? 443 : 80) { portText = ":\(n)" }
        }
        var path = percentEncoded(afterSlashes[authorityEnd...], from: .path)
        if !path.hasPrefix("/") { path = "/" + path }
        return .allowed(scheme + "://" + userinfo + host + portText + path)
    }

    /// Why a host cannot be read.
    struct HostFailure: Error { var message: String }

    /// A special URL's host as the URL parser reads it: an IPv6 address in brackets (lower-cased), or a
    /// domain percent-decoded and ASCII-lower-cased, which must be non-empty and hold no forbidden
    /// domain code point (C0 controls, space, `# % / : < > ? @ [ \ ] ^ |`, DEL).
    static func parsedHost(_ raw: Substring.UnicodeScalarView) -> Result<String, HostFailure> {
        if raw.first == "[" {
            let inside = raw.dropFirst()
            guard inside.last == "]", inside.dropLast().contains(":"),
                  inside.dropLast().allSatisfy({ $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }) else {
                return .failure(HostFailure(message: "its host is not a valid IPv6 address in brackets"))
            }
            return .success(String(String.UnicodeScalarView(raw)).lowercased())
        }
        var bytes: [UInt8] = []
        var i = raw.startIndex
        let hex: (Unicode.Scalar) -> UInt8? = { $0.properties.isASCIIHexDigit ? UInt8(String($0), radix: 16) : nil }
        while i < raw.endIndex {
            let u = raw[i]
            if u == "%", let j = raw.index(i, offsetBy: 2, limitedBy: raw.index(before: raw.endIndex)),
               let hi = hex(raw[raw.index(after: i)]), let lo = hex(raw[j]) {
                bytes.append(hi << 4 | lo)
                i = raw.index(after: j)
                continue
            }
            bytes += Array(String(u).utf8)
            i = raw.index(after: i)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            return .failure(HostFailure(message: "its host is not valid UTF-8 once percent-decoded"))
        }
        guard !decoded.isEmpty else { return .failure(HostFailure(message: "it has no host")) }
        let forbidden: Set<Unicode.Scalar> = [" ", "#", "%", "/", ":", "<", ">", "?", "@", "[", "\\", "]", "^", "|", "\u{7F}"]
        if let bad = decoded.unicodeScalars.first(where: { $0.value < 0x20 || forbidden.contains($0) }) {
            let shown = bad.value < 0x21 || bad.value == 0x7F ? String(format: "U+%04X", bad.value) : "“\(bad)”"
            return .failure(HostFailure(message: "its host holds \(shown), which no host may"))
        }
        var out = String.UnicodeScalarView()
        for u in decoded.unicodeScalars { out.append(u >= "A" && u <= "Z" ? Unicode.Scalar(u.value | 0x20)! : u) }
        return .success(String(out))
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
