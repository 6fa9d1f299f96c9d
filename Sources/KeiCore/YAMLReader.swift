import Foundation
import KeiDocument
import Yams

/// Reads Yams nodes with checks, collecting every problem with its file, line and column.
struct YAMLReader {
    let file: String
    var problems: [WorkflowError.Problem] = []

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(WorkflowError.Problem(location(node), message))
    }

    /// Parses YAML text into its root node, turning syntax errors into a located problem.
    mutating func compose(_ text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                var message = "YAML syntax error: \(problem)"
                if let context { message += " (\(context.text) at line \(context.mark.line))" }
                problems.append(.init(SourceLocation(file: file, line: mark.line, column: mark.column), message))
            case .reader(let problem, _, _, _):
                problems.append(.init(SourceLocation(file: file, line: 1), "cannot read YAML: \(problem)"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                problems.append(.init(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                                      "duplicate key(s) \(duplicates.joined(separator: ", ")) in a mapping"))
            default:
                problems.append(.init(SourceLocation(file: file, line: 1), "cannot parse YAML: \(error)"))
            }
            return nil
        } catch {
            problems.append(.init(SourceLocation(file: file, line: 1), "cannot parse YAML: \(error)"))
            return nil
        }
    }

    /// The entries of a mapping, in order, after checking that every key is allowed and appears once.
    mutating func entries(_ node: Node, in what: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            problem(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let key = k.scalar?.string else {
                problem(k, "\(what) has a key that is not a plain name")
                continue
            }
            if !allowed.contains(key) {
                let hint = Self.closest(key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                problem(k, "unknown key '\(key)' in \(what)\(hint); allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            if !seen.insert(key).inserted {
                problem(k, "key '\(key)' appears twice in \(what)")
                continue
            }
            out.append((key, k, v))
        }
        return out
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard let s = node.scalar?.string else {
            problem(node, "\(what) must be a single value, not a list or mapping")
            return nil
        }
        return s
    }

    mutating func int(_ node: Node, _ what: String) -> Int? {
        guard node.scalar != nil, let i = node.int, node.tag == Tag(.int) else {
            problem(node, "\(what) must be an integer, got '\(node.scalar?.string ?? "a list or mapping")'")
            return nil
        }
        return i
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard node.scalar != nil, let b = node.bool, node.tag == Tag(.bool) else {
            problem(node, "\(what) must be true or false, got '\(node.scalar?.string ?? "a list or mapping")'")
            return nil
        }
        return b
    }

    mutating func stringList(_ node: Node, _ what: String) -> [String]? {
        if let s = node.scalar?.string { return [s] }
        guard let seq = node.sequence else {
            problem(node, "\(what) must be a list of strings")
            return nil
        }
        var out: [String] = []
        for item in seq {
            guard let s = item.scalar?.string else {
                problem(item, "\(what) must be a list of strings")
                return nil
            }
            out.append(s)
        }
        return out
    }

    /// The allowed name closest to `name` (edit distance ≤ 2), for "did you mean" hints.
    static func closest(_ name: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = editDistance(Array(name), Array(c))
            if d <= 2, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
