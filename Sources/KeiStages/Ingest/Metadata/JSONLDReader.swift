import Foundation
import KeiDocument

/// Reads schema.org JSON-LD blocks with `JSONSerialization`, never trapping on malformed input.
///
/// The first node (in document order, looking inside top-level arrays, `@graph` and `mainEntity`)
/// whose `@type` is `Article`, `ScholarlyArticle`, `NewsArticle`, `BlogPosting`, `Report` or
/// another `…Article` type is read. `@id` references (`"author": {"@id": "#jane"}`) are resolved
/// against the other nodes of the same block. HTML character references in string values
/// (`Won&#8217;t`, as WordPress writes them) are decoded (``MetadataText/decodingReferences(_:)``).
/// Authors and creators typed `Organization` (or any organisation type) are group authors; those
/// typed `Person` are persons; untyped names are classified by ``GroupAuthorName``. Persons' names are
/// cleaned as bylines are (``BylineParser/personName(_:)``: no `Dr.`, no `, PhD`).
enum JSONLDReader {
    static let articleTypes: Set<String> = [
        "article", "scholarlyarticle", "newsarticle", "blogposting", "report", "techarticle",
        "analysisnewsarticle", "opinionnewsarticle", "reportagenewsarticle", "socialmediaposting", "webpage",
    ]

    /// Parses the given script texts and returns the metadata of the best Article-like node.
    static func read(_ scripts: [(text: String, line: Int, start: Int?)]) -> JSONLDMetadata {
        var result = JSONLDMetadata()
        var chosen: (node: [String: Any], index: [String: [String: Any]], line: Int, start: Int?, rank: Int)?
        for (text, line, start) in scripts {
            var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
            for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")] {
                if body.hasPrefix(open) && body.hasSuffix(close) && body.count >= open.count + close.count {
                    body = String(body.dropFirst(open.count).dropLast(close.count))
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            if body.isEmpty { continue }
            let (escaped, controls) = replacingControlEscapes(body)
            if controls > 0 { result.controlEscapes.append((line, controls)) }
            let json: Any
            do {
                json = try JSONSerialization.jsonObject(with: Data(escaped.utf8), options: [.fragmentsAllowed])
            } catch {
                result.invalidBlocks.append((line, "not valid JSON"))
                continue
            }
            var nodes: [[String: Any]] = []
            collect(json, into: &nodes, depth: 0)
            var index: [String: [String: Any]] = [:]
            for n in nodes { if let id = n["@id"] as? String, index[id] == nil { index[id] = n } }
            for n in nodes {
                let r = rank(of: n)
                guard r > 0 else { continue }
                if chosen == nil || r > (chosen?.rank ?? 0) { chosen = (n, index, line, start, r) }
            }
        }
        guard let c = chosen else { return result }
        let node = c.node, index = c.index
        result.line = c.line
        result.start = c.start
        result.headline = string(node["headline"]) ?? string(node["name"])
        result.alternativeHeadline = string(node["alternativeHeadline"])
        result.description = string(node["description"]) ?? string(node["abstract"])
        result.datePublished = string(node["datePublished"])
        result.authors = authors(node["author"], index: index)
        result.creators = authors(node["creator"], index: index)
        result.keywords = keywords(node["keywords"])
        result.inLanguage = language(node["inLanguage"])
        result.url = url(node["url"]) ?? url(node["mainEntityOfPage"]) ?? url(node["@id"])
        result.publisher = name(resolve(node["publisher"], index))
        readPartOf(node["isPartOf"], index: index, into: &result, depth: 0)
        if result.issueNumber == nil { result.issueNumber = string(node["issueNumber"]) }
        if result.volumeNumber == nil { result.volumeNumber = string(node["volumeNumber"]) }
        result.doi = doi(node["identifier"]) ?? doi(node["sameAs"]) ?? doi(node["@id"])
        return result
    }

    /// `json` with each `\u` escape of a control character HTML text cannot hold (C0 other than tab, line
    /// feed and carriage return, DEL, C1 U+0080–U+009F: JSON's `\u0085` is that C1 control, not the
    /// windows-1252 `…` of HTML's `&#133;`) made `\uFFFD`, and how many there were.
    static func replacingControlEscapes(_ json: String) -> (String, Int) {
        let b = Array(json.utf8)
        var out: [UInt8] = []
        var count = 0
        var i = 0
        var copied = 0
        while i < b.count {
            guard b[i] == 0x5C, i + 1 < b.count else { i += 1; continue } // '\'
            guard b[i + 1] == 0x75, i + 6 <= b.count, // 'u'
                  let value = UInt32(String(decoding: b[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16),
                  (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value) else {
                i += 2
                continue
            }
            out.append(contentsOf: b[copied..<i])
            out.append(contentsOf: Array("\\uFFFD".utf8))
            count += 1
            i += 6
            copied = i
        }
        guard count > 0 else { return (json, 0) }
        out.append(contentsOf: b[copied...])
        return (String(decoding: out, as: UTF8.self), count)
    }

    /// 2 for article types, 1 for a WebPage (used only when nothing better exists), 0 otherwise.
    static func rank(of node: [String: Any]) -> Int {
        var best = 0
        for local in typeNames(node) {
            if local == "webpage" { best = max(best, 1) } else if articleTypes.contains(local) || local.hasSuffix("article") {
                best = 2
            }
        }
        return best
    }

    static func collect(_ value: Any, into nodes: inout [[String: Any]], depth: Int) {
        guard depth < 8 else { return }
        if let array = value as? [Any] {
            for v in array { collect(v, into: &nodes, depth: depth + 1) }
        } else if let dict = value as? [String: Any] {
            nodes.append(dict)
            if let graph = dict["@graph"] { collect(graph, into: &nodes, depth: depth + 1) }
            if let main = dict["mainEntity"] { collect(main, into: &nodes, depth: depth + 1) }
        }
    }

    static func resolve(_ value: Any?, _ index: [String: [String: Any]]) -> Any? {
        if let d = value as? [String: Any], d.count == 1, let id = d["@id"] as? String, let target = index[id] {
            return target
        }
        return value
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return MetadataText.nonEmpty(MetadataText.decodingReferences(s))
        case let n as NSNumber: return n.stringValue
        case let a as [Any]: return a.lazy.compactMap { string($0) }.first
        case let d as [String: Any]: return string(d["@value"])
        default: return nil
        }
    }

    static func name(_ value: Any?) -> String? {
        if let s = value as? String { return string(s) }
        if let d = value as? [String: Any] {
            if let n = string(d["name"]) { return n }
            let parts = [string(d["givenName"]), string(d["familyName"])].compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: " ")
        }
        if let a = value as? [Any] { return a.lazy.compactMap { name($0) }.first }
        return nil
    }

    static func authors(_ value: Any?, index: [String: [String: Any]]) -> [Author] {
        let list: [Any]
        if let a = value as? [Any] { list = a } else if let v = value { list = [v] } else { return [] }
        var out: [Author] = []
        for item in list.prefix(200) {
            let resolved = resolve(item, index)
            if let s = resolved as? String {
                if let value = MetadataText.nonEmpty(MetadataText.decodingReferences(s)) {
                    out += BylineParser.authors(fromStructured: value)
                }
                continue
            }
            guard let d = resolved as? [String: Any], let n = name(d) else { continue }
            let types = typeNames(d)
            let kind: AuthorKind = types.contains("person") ? .person
                : types.contains(where: { organizationTypes.contains($0) || $0.hasSuffix("organization") }) ? .group
                : GroupAuthorName.isGroup(n) ? .group : .person
            var affiliation: String?
            if let aff = d["affiliation"] ?? d["worksFor"] {
                let affs: [Any] = (aff as? [Any]) ?? [aff]
                let names = affs.compactMap { name(resolve($0, index)) }
                affiliation = names.isEmpty ? nil : names.joined(separator: "; ")
            }
            out.append(Author(name: kind == .person ? BylineParser.personName(n) : n, affiliation: affiliation,
                              email: string(d["email"]), kind: kind))
        }
        return out
    }

    /// schema.org types of organisations that sign as authors (lower case; any `…Organization` too).
    static let organizationTypes: Set<String> = [
        "organization", "newsmediaorganization", "corporation", "educationalorganization", "governmentorganization",
        "ngo", "researchorganization", "collegeoruniversity", "project", "fundingagency", "consortium",
        "researchproject", "performinggroup", "sportsteam", "library", "airline",
    ]

    /// The node's `@type` values, local names (after the last `/`), lower-cased.
    static func typeNames(_ node: [String: Any]) -> [String] {
        var types: [String] = []
        if let t = node["@type"] as? String { types = [t] }
        if let t = node["@type"] as? [Any] { types = t.compactMap { $0 as? String } }
        return types.map { ($0.split(separator: "/").last.map(String.init) ?? $0).lowercased() }
    }

    static func keywords(_ value: Any?) -> [String] {
        if let s = value as? String {
            return MetadataText.decodingReferences(s).split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { MetadataText.nonEmpty(String($0)) }
        }
        if let a = value as? [Any] { return a.compactMap { name($0) } }
        return []
    }

    static func language(_ value: Any?) -> String? {
        if let d = value as? [String: Any] { return string(d["alternateName"]) ?? string(d["name"]) }
        return string(value)
    }

    static func url(_ value: Any?) -> String? {
        if let d = value as? [String: Any] { return url(d["@id"]) ?? url(d["url"]) }
        guard let s = string(value), s.hasPrefix("http://") || s.hasPrefix("https://") else { return nil }
        return s
    }

    static func doi(_ value: Any?) -> String? {
        if let a = value as? [Any] { return a.lazy.compactMap { doi($0) }.first }
        if let d = value as? [String: Any] {
            if let p = string(d["propertyID"]), p.lowercased() == "doi" { return DOIText.clean(string(d["value"])) }
            return doi(d["value"]) ?? doi(d["@id"])
        }
        guard let s = string(value) else { return nil }
        let lower = s.lowercased()
        guard lower.hasPrefix("doi:") || lower.contains("doi.org/") || lower.hasPrefix("10.") else { return nil }
        return DOIText.clean(s)
    }

    static func readPartOf(_ value: Any?, index: [String: [String: Any]], into result: inout JSONLDMetadata, depth: Int) {
        guard depth < 6, let value = resolve(value, index) else { return }
        if let a = value as? [Any] {
            for v in a { readPartOf(v, index: index, into: &result, depth: depth + 1) }
            return
        }
        guard let d = value as? [String: Any] else { return }
        let lower = Set(typeNames(d))
        if lower.contains("publicationissue") || d["issueNumber"] != nil {
            if result.issueNumber == nil { result.issueNumber = string(d["issueNumber"]) }
        }
        if lower.contains("publicationvolume") || d["volumeNumber"] != nil {
            if result.volumeNumber == nil { result.volumeNumber = string(d["volumeNumber"]) }
        }
        if lower.contains("periodical") || lower.contains("publicationseries") || lower.contains("creativeworkseries") {
            if result.periodical == nil { result.periodical = name(d) }
        }
        if let parent = d["isPartOf"] { readPartOf(parent, index: index, into: &result, depth: depth + 1) }
    }
}
