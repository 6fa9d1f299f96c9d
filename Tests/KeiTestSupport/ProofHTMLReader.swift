import Foundation

/// Reads the proofs `emit.proof` writes, for tests: checks that every non-void element is closed in
/// order, and collects the text of each mark (all fragments with the same `data-d`, badges left out,
/// the five references the proofs write decoded).
public struct ProofHTMLReader {
    /// The text of each mark, by `data-d` (`d-3`, `c-1`).
    public private(set) var markText: [String: String] = [:]
    /// Tags closed out of order or never closed, as `expected/found` strings; empty for well-formed markup.
    public private(set) var nesting: [String] = []

    static let void: Set<String> = ["br", "input", "meta", "img", "hr", "link", "wbr"]

    public init(_ html: String) {
        var stack: [(name: String, mark: String?, badge: Bool)] = []
        var i = html.startIndex
        var text = ""
        func flush() {
            guard !text.isEmpty else { return }
            let decoded = Self.decode(text)
            text = ""
            guard !stack.contains(where: \.badge) else { return }
            var seen = Set<String>()
            for e in stack { if let m = e.mark, seen.insert(m).inserted { markText[m, default: ""] += decoded } }
        }
        while i < html.endIndex {
            if html[i] == "<", let close = html[i...].firstIndex(of: ">") {
                flush()
                let tag = String(html[html.index(after: i)..<close])
                i = html.index(after: close)
                if tag.hasPrefix("!") { continue }
                if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst()).lowercased()
                    if let last = stack.popLast() {
                        if last.name != name { nesting.append("\(last.name)/\(name)") }
                    } else {
                        nesting.append("-/\(name)")
                    }
                    continue
                }
                let name = String(tag.prefix { $0 != " " && $0 != "/" }).lowercased()
                if Self.void.contains(name) { continue }
                if name == "style" || name == "title" {
                    // Raw text: skip to the end tag.
                    if let end = html.range(of: "</\(name)>", range: i..<html.endIndex) { i = end.upperBound }
                    continue
                }
                stack.append((name, Self.attribute("data-d", in: tag), (Self.attribute("class", in: tag) ?? "").hasPrefix("badge")))
            } else {
                text.append(html[i])
                i = html.index(after: i)
            }
        }
        flush()
        nesting += stack.map { "\($0.name)/-" }
    }

    /// The value of attribute `name` in a start tag written with double quotes.
    public static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        guard let end = tag[r.upperBound...].firstIndex(of: "\"") else { return nil }
        return decode(String(tag[r.upperBound..<end]))
    }

    /// Decodes the references the proofs write (`&amp;` `&lt;` `&gt;` `&quot;` and numeric ones).
    public static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) < 10 else {
                out += "&"; rest = rest.dropFirst(); continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semi]
            switch name {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "nbsp": out += "\u{A0}"
            default:
                if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
                else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
                else { out += rest[...semi] }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
