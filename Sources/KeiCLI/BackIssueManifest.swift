import Foundation
import KeiCore
import KeiDocument
import Yams

/// A back-issue folder's `issue.yml`: what `kei-pipeline batch` knows about an issue of article pages.
///
///     volume: 1                       # string or number
///     number: 1
///     title: Korea Policy Vol. 1, Issue 1
///     date: 2023-06-15                # ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY): the cover date
///     articles:                       # optional: page file name → article id (default: the file stem)
///       alliance-at-seventy.html: alliance-at-seventy
///
/// Every key is optional. Without a manifest (or without `volume`/`number` in it) the folder path gives
/// them when it reads `…/vol-N/issue-M`. Errors name the file and line and are thrown as ``WorkflowError``.
struct BackIssueManifest: Equatable {
    static let fileName = "issue.yml"
    static let keys = ["volume", "number", "title", "date", "articles"]

    var volume: String?
    var number: String?
    var title: String?
    var date: String?
    /// Page file name (`x.html`) → article id.
    var articleIDs: [String: String] = [:]

    /// Reads `folder/issue.yml` when there is one, then fills `volume` and `number` from a
    /// `vol-N/issue-M` folder path where the manifest is silent. `display` is the manifest's path as shown.
    static func read(folder: URL, display: String) throws -> BackIssueManifest {
        var m = BackIssueManifest()
        let url = folder.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            let data = try FileIO.read(url, display: display, limit: YAMLLimits.issueManifest.maximumBytes,
                                     limitAdvice: YAMLLimits.issueManifest.sizeAdvice)
            m = try parse(String(decoding: data, as: UTF8.self), display: display)
        }
        let parts = folder.standardizedFileURL.pathComponents
        if parts.count >= 2, let issue = number(parts[parts.count - 1], prefix: "issue-"),
           let volume = number(parts[parts.count - 2], prefix: "vol-") {
            if m.volume == nil { m.volume = volume }
            if m.number == nil { m.number = issue }
        }
        return m
    }

    /// The digits after `prefix` in a folder name (`vol-12` → `12`), nil otherwise.
    static func number(_ name: String, prefix: String) -> String? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit) ? String(rest) : nil
    }

    static func parse(_ text: String, display: String) throws -> BackIssueManifest {
        func problem(_ node: Node?, _ message: String) -> WorkflowError.Problem {
            let mark = node?.mark
            return .init(SourceLocation(file: display, line: mark.map { $0.line } ?? 1, column: mark.map { $0.column }), message)
        }
        // Held to the manifest's limits (size, aliases, depth, duplicate keys) before the tree is built.
        let root = try YAMLLimits.issueManifest.compose(text, file: display)
        var m = BackIssueManifest()
        guard let root else { return m }
        guard let map = root.mapping else { throw WorkflowError([problem(root, "the issue manifest must be a mapping of keys (\(keys.joined(separator: ", ")))")]) }
        var problems: [WorkflowError.Problem] = []
        for (k, v) in map {
            let key = k.string ?? ""
            switch key {
            case "volume": m.volume = v.scalar?.string
            case "number": m.number = v.scalar?.string
            case "title": m.title = v.scalar?.string
            case "date":
                if let s = v.scalar?.string, let d = PublicationDate(iso: s) { m.date = d.iso } else {
                    problems.append(problem(v, "date must be an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)"))
                }
            case "articles":
                guard let pages = v.mapping else { problems.append(problem(v, "articles must map page file names to article ids")); continue }
                for (file, id) in pages {
                    guard let f = file.string, let i = id.string, WorkflowLoader.isValidID(i) else {
                        problems.append(problem(id, "an article id is lower-case letters, digits, - _ . (got '\(id.string ?? "")')"))
                        continue
                    }
                    m.articleIDs[f] = i
                }
            default:
                problems.append(problem(k, "unknown key '\(key)' in the issue manifest; known keys: \(keys.joined(separator: ", "))"))
            }
            if ["volume", "number", "title"].contains(key), v.scalar == nil { problems.append(problem(v, "\(key) must be a single value")) }
        }
        if !problems.isEmpty { throw WorkflowError(problems) }
        return m
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
