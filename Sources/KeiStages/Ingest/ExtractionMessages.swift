import Foundation
import KeiCore
import KeiDocument
import KeiXML

/// The diagnostics of reading a page as a browser renders it: markup the parser split that was
/// rebuilt, article text that chrome removal took out, and links that were not kept.
/// Rule ids are stable: reports, baselines and workflow gates refer to them.
public enum ExtractionMessages {
    /// A list typed directly inside a list, which libxml2 split apart, was rebuilt.
    public static let markupRepaired = StageMessage("ingest.markup-repaired", .warning,
        "Markup that the HTML parser reads differently from a browser (a list typed directly inside a list) was rebuilt as browsers show it.")
    /// A block of article text (more than 20 words, a sentence in a paragraph, or a captioned figure or
    /// table) was removed from inside the article container.
    public static let chromeRemoved = StageMessage("ingest.chrome-removed", .info,
        "A block of article text inside the article (more than 20 words, a paragraph holding a sentence, or a figure or table with a caption or label) was removed as site chrome or hidden text.")
    /// A link or image address with a scheme that is not allowed was dropped (its text kept).
    public static let unsafeLink = StageMessage("ingest.unsafe-link", .warning,
        "A link or image address that is not http, https, mailto (or doi/urn for links), or that the URL parser cannot read, was dropped; the link text or alt text is kept.")

    /// Every message, for the stage description.
    public static let all: [StageMessage] = [markupRepaired, chromeRemoved, unsafeLink]

    /// The diagnostics of an extraction: its list repairs and removed blocks, in that order.
    static func diagnostics(for extraction: ContentExtraction, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in extraction.listRepairs {
            out.append(markupRepaired.diagnostic(
                "A <\(r.inner)> list is typed directly inside an <\(r.outer)> list, after an item; the parser closed the <\(r.outer)> there. It was rebuilt as browsers show it: the <\(r.inner)> nested under the item before it, and the items after it kept in the <\(r.outer)>.",
                at: SourceLocation(file: file, line: r.line),
                fix: "Move the inner list into the item before it: <li>… <\(r.inner)>…</\(r.inner)></li>.",
                span: r.span))
        }
        for b in extraction.removedBlocks {
            out.append(chromeRemoved.diagnostic(
                "A <\(b.element)> of \(b.words) words inside the article was removed because \(b.reason.explanation): “\(b.excerpt)”.",
                at: SourceLocation(file: file, line: b.line), excerpt: b.excerpt,
                fix: "If it is article text, mark it up as content (remove the hiding or chrome class), or ignore this note.",
                span: b.span))
        }
        return out
    }

    /// Checks the metadata's own addresses (canonical URL, PDF URL) with ``SafeURL`` as resources:
    /// a relative PDF URL is resolved against the page's base URL; a disallowed one is dropped with
    /// `ingest.unsafe-link`, at the element of `document` that gives it.
    static func checkingURLs(of metadata: inout ArticleMetadata, in document: DOMDocument, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ value: String?, _ what: String, base: URL?) -> String? {
            guard let value else { return nil }
            let problem: String
            switch SafeURL.check(value, for: .resource, base: base) {
            case .allowed(let u): return u
            case .fragment, .empty: return nil
            case .rejected(let scheme): problem = "has the scheme “\(scheme):”, which is not http or https"
            case .invalid(let reason): problem = "cannot be read as a URL: \(reason)"
            }
            do {
                let origin = Self.origin(of: value, in: document)
                out.append(unsafeLink.diagnostic(
                    "The page's \(what) \(problem); it was dropped.",
                    at: SourceLocation(file: file, line: origin?.element.line ?? 0),
                    excerpt: String(SafeURL.normalized(value).prefix(80)),
                    fix: "Give the page a valid http or https \(what).",
                    span: origin.flatMap { o in o.element.sourceStart.flatMap { document.startTagSpan(at: $0, attribute: o.attribute) } }))
                return nil
            }
        }
        metadata.canonicalURL = check(metadata.canonicalURL, "canonical URL", base: nil)
        let base = SafeURL.documentBase(of: document.root, canonical: metadata.canonicalURL)
        metadata.pdfURL = check(metadata.pdfURL, "PDF URL", base: base)
        return out
    }

    /// The first element, in document order, that gives the metadata address `value`: one whose `href`,
    /// `content` or `src` holds it (`<link rel="canonical">`, `<meta content>`, a visible link), with that
    /// attribute, or a JSON-LD `<script>` whose text holds it (attribute nil).
    static func origin(of value: String, in document: DOMDocument) -> (element: DOMElement, attribute: String?)? {
        let wanted = SafeURL.normalized(value)
        var found: (element: DOMElement, attribute: String?)?
        document.root?.walk { e in
            if found != nil { return false }
            for name in ["href", "content", "src"] {
                if let v = e[attribute: name], SafeURL.normalized(MetadataText.decodingReferences(v)) == wanted {
                    found = (e, name)
                    return false
                }
            }
            if e.name == "script", e[attribute: "type"]?.lowercased().contains("ld+json") == true,
               e.textContent.contains(value) {
                found = (e, nil)
                return false
            }
            return true
        }
        return found
    }
}
