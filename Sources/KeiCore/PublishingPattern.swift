/// A pattern from the journal file that names something per article: a DOI (`doi-pattern`), an
/// electronic location id (`elocation-id`), a resource URL (`resource-url`).
///
/// Placeholders in braces are replaced by the article's and the issue's values:
/// `{volume}`, `{number}` (the issue's), `{order}` (1-based position of the article in the workflow),
/// `{id}` (the article id), `{year}` (the cover date's year). `{name:N}` pads a number with zeros to
/// N digits (`{order:2}` → `03`). Any other text is copied as written. Example: the journal's
/// `elocation-id: "e{volume}{number}{order:2}"` gives `e3203` for the third article of Vol. 3, Issue 2.
public struct PublishingPattern: Sendable, Hashable {
    /// The pattern as written in the journal file.
    public let text: String

    /// The placeholders a pattern may use.
    public static let placeholders = ["volume", "number", "order", "id", "year"]

    /// Parses `text`; throws a message naming the first unknown placeholder, an unclosed brace or a bad width.
    public init(_ text: String) throws(PatternError) {
        self.text = text
        if text.allSatisfy(\.isWhitespace) { throw PatternError("the pattern is empty: write one (e.g. \"e{volume}{number}{order:2}\") or leave the key out") }
        for part in Self.parts(of: text) {
            switch part {
            case .literal: continue
            case .unclosed: throw PatternError("unclosed '{' in pattern '\(text)'")
            case .placeholder(let name, let width):
                guard Self.placeholders.contains(name) else {
                    throw PatternError("unknown placeholder '{\(name)}' in pattern '\(text)'; placeholders: "
                                       + Self.placeholders.map { "{\($0)}" }.joined(separator: ", "))
                }
                if let width, !(1...9).contains(width) {
                    let written = width < 0 ? "" : String(width)
                    throw PatternError("'{\(name):\(written)}' in pattern '\(text)' needs a width of 1 to 9 after ':' (e.g. {\(name):2}), or no ':' at all ({\(name)})")
                }
            }
        }
    }

    /// The pattern with its placeholders replaced. A value missing from `values` (an issue without a
    /// volume) gives nil, so that no half-filled identifier is ever written.
    /// - Parameter values: placeholder name → value, e.g. `["volume": "3", "order": "1"]`.
    public func expand(_ values: [String: String]) -> String? {
        var out = ""
        for part in Self.parts(of: text) {
            switch part {
            case .literal(let s): out += s
            case .unclosed: return nil
            case .placeholder(let name, let width):
                guard let v = values[name], !v.isEmpty else { return nil }
                if let width, v.count < width, v.allSatisfy(\.isASCII), v.allSatisfy(\.isNumber) {
                    out += String(repeating: "0", count: width - v.count) + v
                } else {
                    out += v
                }
            }
        }
        return out
    }

    /// The placeholders the pattern uses that `values` has no value for (`["volume"]` for an issue without a volume).
    public func missing(_ values: [String: String]) -> [String] {
        Self.parts(of: text).compactMap {
            if case .placeholder(let name, _) = $0, values[name]?.isEmpty != false { return name } else { return nil }
        }
    }

    /// Whether the pattern names something per article (`{order}` or `{id}`), as an identifier must when an
    /// issue has more than one article.
    public var isPerArticle: Bool {
        Self.parts(of: text).contains { if case .placeholder(let name, _) = $0 { return name == "order" || name == "id" } else { return false } }
    }

    /// The pattern expanded with sample values (volume 3, number 2, order 1, id `sample`, year 2025), for
    /// checking at load that what it gives has the right shape.
    public var sample: String? { expand(["volume": "3", "number": "2", "order": "1", "id": "sample", "year": "2025"]) }

    /// The values for one article of an issue: volume and number from the issue, order 1-based.
    public static func values(issue: IssueInfo, articleID: String, order: Int) -> [String: String] {
        var v = ["id": articleID, "order": String(order)]
        if let volume = issue.volume { v["volume"] = volume }
        if let number = issue.number { v["number"] = number }
        if let year = issue.coverDate?.prefix(4) { v["year"] = String(year) }
        return v
    }

    enum Part { case literal(String), placeholder(String, Int?), unclosed }

    static func parts(of text: String) -> [Part] {
        var out: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { out.append(.literal(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else { out.append(.unclosed); return out }
            let inner = rest[rest.index(after: open)..<close]
            let bits = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let width = bits.count == 2 ? Int(bits[1]) ?? -1 : nil
            out.append(.placeholder(String(bits[0]), width))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.literal(String(rest))) }
        return out
    }
}

/// Why a ``PublishingPattern`` was refused; the loader reports it at the pattern's line.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}
