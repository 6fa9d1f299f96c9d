/// Reads AnyStyle's labelled-reference XML (`<dataset><sequence><author>…</author><title>…</title>…
/// </sequence>…</dataset>`, as in github.com/inukshuk/anystyle `res/parser/*.xml`): each `sequence`
/// becomes a ``LabelledReference`` whose segments are its child elements (element name = label, text
/// with the five XML entities and numeric character references decoded).
///
/// The format is flat, so this is a small scanner rather than a general XML parser: comments, the XML
/// declaration and CDATA-free text are all it needs. Malformed input throws ``Failure``.
public enum AnyStyleDataset {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func parse(_ xml: String) throws -> [LabelledReference] {
        var result: [LabelledReference] = []
        var current: [(label: String, text: String)]? = nil
        var s = Substring(xml)
        while let open = s.firstIndex(of: "<") {
            let text = s[s.startIndex..<open]
            s = s[open...]
            guard let close = s.firstIndex(of: ">") else { throw Failure(description: "unclosed tag near \(s.prefix(40))") }
            let tag = s[s.index(after: s.startIndex)..<close]
            s = s[s.index(after: close)...]
            if tag.hasPrefix("?") || tag.hasPrefix("!") { continue }
            if tag == "sequence" { current = []; continue }
            if tag == "/sequence" {
                if let segments = current, !segments.isEmpty { result.append(LabelledReference(segments: segments)) }
                current = nil
                continue
            }
            if tag == "dataset" || tag == "/dataset" || tag.hasSuffix("/") { continue }
            if tag.hasPrefix("/") { _ = text; continue }
            // An opening field tag: its text runs to the matching closing tag.
            let label = String(tag.split(separator: " ").first ?? tag)
            let end = "</\(label)>"
            guard let closing = s.range(of: end) else { throw Failure(description: "no \(end) after <\(label)>") }
            let body = decodeEntities(String(s[s.startIndex..<closing.lowerBound]))
            s = s[closing.upperBound...]
            guard current != nil else { throw Failure(description: "<\(label)> outside a <sequence>") }
            let trimmed = ReferenceTokenizer.collapsingWhitespace(body)
            if !trimmed.isEmpty { current?.append((label, trimmed)) }
        }
        return result
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[rest.startIndex..<amp]
            let after = rest[amp...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10 else {
                out += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let name = after[after.index(after: amp)..<semi]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                    decoded = String(Character(u))
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                    decoded = String(Character(u))
                }
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"; rest = rest[rest.index(after: amp)...]
            }
        }
        out += rest
        return out
    }
}
