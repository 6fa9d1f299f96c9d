import Foundation
import KeiCore
import KeiXML

/// Escaping for the proof pages (WHATWG HTML, written as well-formed XML-compatible markup).
///
/// Text and attribute values go through ``XMLEscaper``: `&`, `<`, `>` (and `"` in attributes) become
/// references and characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF, U+0000) are dropped, so
/// nothing a page holds can open an element, close a `<mark>` or leave an attribute value. The bidi
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069, Unicode Bidirectional
/// Algorithm, UAX #9; ``BidiControls``) are shown as visible `⟨U+202E⟩` tokens, so a page's or workflow's text cannot
/// reorder the proof's own text (badges, numbers, panel entries).
enum ProofHTML {
    static func text(_ s: String) -> String { XMLEscaper.text(visibleBidiControls(s), lineFeeds: .keep) }

    /// Escaped text in a `<bdi>` (WHATWG HTML §4.5.24): right-to-left text in a message or name does
    /// not move the numbers and punctuation around it.
    static func isolated(_ s: String) -> String { "<bdi>\(text(s))</bdi>" }

    /// `s` with each bidi embedding, override or isolate control replaced by `⟨U+XXXX⟩`; directional marks
    /// are kept (``BidiControls/visible(_:marks:)``, shared with the text and GitHub reports).
    static func visibleBidiControls(_ s: String) -> String { BidiControls.visible(s, marks: false) }

    /// Source text as a reader sees it (for a `--fix` edit's "before"): character references decoded
    /// (`&amp;nbsp;` → `&nbsp;`, `&nbsp;` → U+00A0) and each no-break space shown as `⍽`.
    static func asRead(_ source: String) -> String {
        HTMLCharacterReferences.decode(source).replacingOccurrences(of: "\u{00A0}", with: "⍽")
    }

    static func attribute(_ s: String) -> String { XMLEscaper.attribute(visibleBidiControls(s)) }

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
