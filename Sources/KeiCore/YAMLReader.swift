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
    ///
    /// The one door every YAML file of the pipeline goes through: ``YAMLPrepass`` first holds the text to
    /// `limits` (size, node budget with aliases expanded, depth, no alias as a key) and reports every
    /// duplicate key; nil (with the problems recorded) when it finds any, and the tree is not built.
    mutating func compose(_ text: String, limits: YAMLLimits) -> Node? {
        let checked = YAMLPrepass.check(text, file: file, limits: limits)
        problems += checked.problems
        if checked.fatal { return nil }
        // Within the limits: Yams may compose it (and word a syntax error the pass stopped at).
        let node = composeUnchecked(text, duplicatesReported: !checked.problems.isEmpty)
        return checked.problems.isEmpty ? node : nil
    }

    /// Yams' tree of `text`; call only on text ``YAMLPrepass`` passed. A duplicate-key error is skipped
    /// when the pass has reported every duplicate already.
    private mutating func composeUnchecked(_ text: String, duplicatesReported: Bool) -> Node? {
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
            case .reader(let problem, let offset, let value, let yaml):
                let (line, column) = offset.map { Self.lineAndColumn(ofCharacter: $0, in: yaml) } ?? (1, nil)
                let what = value >= 0 ? String(format: " (U+%04X)", value) : ""
                problems.append(.init(SourceLocation(file: file, line: line, column: column), "cannot read YAML: \(problem)\(what)"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                if duplicatesReported { break }
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

    /// The 1-based line and column (in Unicode scalars) of the `offset`-th Character of `text`, as Yams
    /// reports reader errors. Linear in `offset`.
    static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int?) {
        var line = 1, column = 1, n = 0
        for ch in text {
            if n == offset { break }
            n += 1
            if ch.isNewline { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
        }
        return (line, column)
    }

    /// Where the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF) lies in `data`: 1-based line and column (column counted in characters
    /// before it, plus one), and the byte. Nil when all of `data` is UTF-8. Linear in `data.count`.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int, byte: UInt8)? {
        let bytes = [UInt8](data)
        var i = 0, line = 1, column = 1
        while i < bytes.count {
            let b = bytes[i]
            var length = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return (line, column, b)
            }
            for k in 1..<length {
                guard i + k < bytes.count else { return (line, column, b) }
                let c = bytes[i + k]
                if c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF) { return (line, column, b) }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
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
            if let s = node.scalar, s.style == .singleQuoted || s.style == .doubleQuoted, Int(s.string) != nil {
                problem(node, "\(what) must be an integer, not the string \"\(s.string)\" (remove the quotes)")
                return nil
            }
            problem(node, "\(what) must be an integer, got '\(node.scalar?.string ?? "a list or mapping")'")
            return nil
        }
        return i
    }

    /// A YAML 1.2 boolean: `true` or `false` (also `True`, `TRUE`, …). The YAML 1.1 words Yams also
    /// resolves (`on`, `off`, `yes`, `no`) are refused, as is a quoted or `!!str`-tagged "true".
    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let scalar = node.scalar else {
            problem(node, "\(what) must be true or false, got a list or mapping")
            return nil
        }
        if node.tag == Tag(.bool), Self.booleanWords.contains(scalar.string), let b = node.bool { return b }
        if Self.booleanWords.contains(scalar.string) {
            problem(node, "\(what) must be true or false, got the string '\(scalar.string)' (quoted or tagged): write it bare, without quotes or a tag")
        } else {
            problem(node, "\(what) must be true or false, got '\(scalar.string)'")
        }
        return nil
    }

    /// The booleans of the YAML 1.2 core schema.
    static let booleanWords: Set<String> = ["true", "True", "TRUE", "false", "False", "FALSE"]

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
