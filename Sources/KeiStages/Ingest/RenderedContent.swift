import Foundation
import KeiXML

/// What a browser renders: the one predicate that body extraction (``ContentExtractor``) and the
/// visible-metadata reader share, so that text a reader never sees is read by neither.
///
/// An element is *not rendered* (it and everything inside it are skipped) when:
/// - its name is one whose content a browser never shows as text (``unrenderedElements``: `script`,
///   `style`, `noscript` (scripting is on in every browser an editor uses), `template`, `iframe`,
///   `object`, `noembed`, `noframes`, …), following the WHATWG HTML "Rendering" section;
/// - it carries the `hidden` attribute (any value except `until-found`, whose content a reader can
///   reveal by searching, like a closed `<details>`);
/// - it carries `aria-hidden="true"` (ASCII case-insensitive, surrounding whitespace ignored);
/// - its inline `style` declares `display: none`, `visibility: hidden`/`collapse` or
///   `content-visibility: hidden`, in any case, spacing or line breaks, with or without
///   `!important` and CSS comments (the last declaration of a property wins, as in CSS).
///
/// `html` and `body` are never treated as hidden: pages hide them while scripts load
/// ("anti-flicker" snippets), and a reader sees the page once they ran.
public enum RenderedContent {
    /// Elements whose content is never rendered as text.
    public static let unrenderedElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "noembed", "noframes", "head", "title",
        "meta", "link", "base", "param", "source", "track", "datalist", "frameset", "frame", "applet", "embed",
    ]

    /// Whether `element` is rendered at all (see the type's documentation). Ancestors are not looked at:
    /// callers skip the subtree of an element that is not rendered.
    public static func isRendered(_ element: DOMElement) -> Bool {
        if unrenderedElements.contains(element.name) { return false }
        return !isHidden(element)
    }

    /// Whether `element` is hidden by its attributes (`hidden`, `aria-hidden="true"`, inline style),
    /// whatever its name.
    public static func isHidden(_ element: DOMElement) -> Bool {
        if element.attributes.isEmpty || element.name == "html" || element.name == "body" { return false }
        for a in element.attributes {
            switch a.name {
            case "hidden":
                if asciiLowercasedTrimmed(a.value) != "until-found" { return true }
            case "aria-hidden":
                if asciiLowercasedTrimmed(a.value) == "true" { return true }
            case "style":
                if styleHides(a.value) { return true }
            default:
                break
            }
        }
        return false
    }

    /// Whether a CSS declaration list (an inline `style` value) hides the element: `display: none`,
    /// `visibility: hidden | collapse`, `content-visibility: hidden`. Property names and keywords are
    /// ASCII case-insensitive; comments, whitespace (space, tab, LF, CR, FF) and `!important` are ignored.
    public static func styleHides(_ style: String) -> Bool {
        let lower = withoutComments(style.lowercased())
        guard lower.contains("none") || lower.contains("hidden") || lower.contains("collapse") else { return false }
        var display: String?
        var visibility: String?
        var contentVisibility: String?
        for declaration in lower.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = cssTrimmed(declaration[..<colon])
            var value = cssTrimmed(declaration[declaration.index(after: colon)...])
            if let bang = value.firstIndex(of: "!") { value = cssTrimmed(value[..<bang]) }
            switch property {
            case "display": display = value
            case "visibility": visibility = value
            case "content-visibility": contentVisibility = value
            default: break
            }
        }
        return display == "none" || visibility == "hidden" || visibility == "collapse" || contentVisibility == "hidden"
    }

    private static func isCSSWhitespace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" || c == "\r\n"
    }

    private static func cssTrimmed(_ s: Substring) -> String {
        String(s.drop(while: isCSSWhitespace).reversed().drop(while: isCSSWhitespace).reversed())
    }

    private static func asciiLowercasedTrimmed(_ s: String) -> String {
        cssTrimmed(Substring(s.lowercased()))
    }

    /// The text with `/* … */` comments replaced by a space (an unclosed comment runs to the end).
    private static func withoutComments(_ s: String) -> String {
        guard s.contains("/*") else { return s }
        var out = ""
        var rest = Substring(s)
        while let open = rest.range(of: "/*") {
            out += rest[..<open.lowerBound]
            out += " "
            guard let close = rest[open.upperBound...].range(of: "*/") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
