import Foundation
import KeiXML

/// What `render.pdf` checks in an XSL-FO document before Apache FOP sees it. libxslt runs the stylesheet
/// without network or file access, but FOP would resolve what the FO names: XInclude, a DOCTYPE (external
/// entities), `src="url('http://…')"` or `/etc/…` graphics. The FO is our own output (small), parsed with
/// the KeiXML wrapper (NONET, no entities).
///
/// Refused (``problem(in:base:allowedFolders:)`` returns the reason):
/// - a DOCTYPE or entity declaration;
/// - any use of the XInclude namespace (`http://www.w3.org/2001/XInclude`, or the 2003 draft's);
/// - an `xml:base` attribute (it would change what relative paths resolve against);
/// - an attribute named `src`, or any attribute other than `external-destination` holding `url(`, whose
///   URI has a scheme, is absolute, or resolves (after percent-decoding, against `base`) outside every
///   folder of `allowedFolders` (`..` escaping). `external-destination` is a link in the PDF, never fetched.
/// - an FO that is not well-formed XML.
struct FOSafetyCheck {
    static let xincludeNamespaces: Set<String> = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]

    /// Nil when the FO is safe to give FOP, else what is wrong (one sentence, quoting at most 120
    /// characters of the offending value).
    static func problem(in fo: Data, base: URL, allowedFolders: [URL]) -> String? {
        let head = String(decoding: fo, as: UTF8.self)
        if head.contains("<!DOCTYPE") || head.contains("<!ENTITY") { return "it has a DOCTYPE (external entities)" }
        guard let root = MarkupParser.parseXML(fo).root else { return "it is not well-formed XML" }
        var found: String?
        root.walk { element in
            for attribute in element.attributes where found == nil {
                found = problem(attribute, element: element.name, base: base, allowedFolders: allowedFolders)
            }
            return found == nil
        }
        return found
    }

    private static func problem(_ attribute: DOMAttribute, element: String, base: URL, allowedFolders: [URL]) -> String? {
        let value = attribute.value
        if (attribute.name == "xmlns" || attribute.name.hasPrefix("xmlns:")) && xincludeNamespaces.contains(value) {
            return "<\(element)> uses XInclude"
        }
        if attribute.name == "xml:base" { return "<\(element)> has xml:base" }
        let isReference = attribute.name == "src" || attribute.name.hasSuffix(":src")
            || (attribute.name != "external-destination" && value.lowercased().contains("url("))
        guard isReference else { return nil }
        guard let uri = uri(in: value), isInside(uri, base: base, allowedFolders: allowedFolders) else {
            return "<\(element) \(attribute.name)=\"\(value.prefix(120))\"> names a file outside the article's folder or a URL"
        }
        return nil
    }

    /// The URI of `url('…')`, `url("…")`, `url(…)` or a bare value; nil when there is more than one `url(`.
    static func uri(in value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        if lower.hasPrefix("url(") {
            guard text.hasSuffix(")"), lower.components(separatedBy: "url(").count == 2 else { return nil }
            text = String(text.dropFirst(4).dropLast()).trimmingCharacters(in: .whitespaces)
            if text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first {
                text = String(text.dropFirst().dropLast())
            }
        } else if lower.contains("url(") {
            return nil
        }
        return text
    }

    /// True when `uri` is a relative path without a scheme that resolves inside one of `allowedFolders`.
    static func isInside(_ uri: String, base: URL, allowedFolders: [URL]) -> Bool {
        guard !uri.isEmpty, !uri.contains("\\") else { return false }
        let decoded = uri.removingPercentEncoding ?? uri
        for candidate in [uri, decoded] {
            if candidate.hasPrefix("/") || candidate.hasPrefix("~") { return false }
            if let colon = candidate.firstIndex(of: ":"),
               !candidate[..<colon].contains("/") { return false } // a scheme (http:, file:, data:, c:)
        }
        let resolved = base.appendingPathComponent(decoded).standardizedFileURL.path
        return allowedFolders.contains { folder in
            let prefix = folder.standardizedFileURL.path
            return resolved.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
        }
    }
}
