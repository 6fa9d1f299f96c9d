import Foundation

/// Escaping for the proof pages (WHATWG HTML, written as well-formed XML-compatible markup).
///
/// Text and attribute values go through ``XMLEscaper``: `&`, `<`, `>` (and `"` in attributes) become
/// references and characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF, U+0000) are dropped, so
/// nothing a page holds can open an element, close a `<mark>` or leave an attribute value.
enum ProofHTML {
    static func text(_ s: String) -> String { XMLEscaper.text(s, lineFeeds: .keep) }

    static func attribute(_ s: String) -> String { XMLEscaper.attribute(s) }

    /// The URL when it may be a link in a proof (`http:`, `https:` or `mailto:`, compared without case,
    /// with no white space or control character inside); nil for every other URL (`javascript:`,
    /// `data:`, relative paths), which the proof shows as text.
    static func safeURL(_ url: String) -> String? {
        let u = url.trimmingCharacters(in: .whitespaces)
        guard !u.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return nil }
        let lower = u.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") else { return nil }
        return u
    }

    /// A link that opens nothing with access to the proof: `rel="noopener noreferrer"`.
    static func link(_ url: String, _ innerHTML: String) -> String {
        guard let safe = safeURL(url) else { return "<span class=\"link\">\(innerHTML)</span>" }
        return "<a href=\"\(attribute(safe))\" rel=\"noopener noreferrer\">\(innerHTML)</a>"
    }
}
