import Foundation
import KeiDocument
import Yams

/// Reads house-style files (`Workflows/styles/*.yml`) and merges their layers into one ``StyleSheet``.
///
/// **Layers.** A style file may name the layer below it with `extends: FILE` (relative to itself). The
/// journal file's `style:` names the top of one chain (KEI's base style, then Korea Policy's journal
/// layer); a workflow's `style:` adds issue-level overrides on top (its own `extends`, if any, is followed
/// too; a file already read is not read twice). Layers apply lowest first.
///
/// **Merge, rule by rule.** `rules` maps rule ids to rules. A rule id not defined by a lower layer must
/// give `kind`, `severity`, `message`, `description` and `source` (and its kind's required keys). A later
/// layer that names an existing id changes only the keys it gives; `terms` mappings merge term by term
/// (a term given `~` is removed); `style.x: off` disables the rule and `style.x: on` enables it again. A
/// later layer never removes a rule or a whole section, and cannot change a rule's kind.
///
/// **Vocabulary, entry by entry.** The top-level `vocabulary` section (read by `first-use` rules) has
/// `acronyms` (acronym → expansion, or a list of expansions for an ambiguous acronym), `never-spelled-out`
/// (a list of acronyms) and `people` (full name → the surname a later reference uses). A later layer adds
/// entries and changes the ones it names; `ACRONYM: ~` and `Full Name: ~` remove one entry, and
/// `never-spelled-out` given as a mapping (`{NATO: ~}`, `{NATO: yes}`) removes or adds single acronyms.
/// No layer wipes the section (see ``StyleVocabulary``).
///
/// Every problem (YAML syntax, unknown key with a "did you mean", wrong type, missing key, a cycle of
/// `extends`, a file not found) is collected with file, line and column and thrown as a ``WorkflowError``.
public struct StyleLoader: Sendable {
    /// Largest style file read, in bytes (``YAMLLimits/style``, 1 MiB).
    public static let maximumFileBytes = YAMLLimits.style.maximumBytes
    /// Deepest chain of `extends`.
    public static let maximumLayers = 8

    static let layerKeys = ["name", "version", "extends", "description", "rules", "vocabulary"]
    static let commonRuleKeys = ["kind", "severity", "message", "description", "source", "scopes", "fix", "examples", "enabled"]
    static let exampleKeys = ["flag", "pass", "fix", "skip-mutations"]

    /// How paths are shown in messages.
    let display: @Sendable (URL) -> String
    /// The project folder `extends` may not leave (symbolic links resolved); nil allows any path.
    let root: URL?

    public init(root: URL? = nil, display: @escaping @Sendable (URL) -> String = { $0.path }) {
        self.root = root
        self.display = display
    }

    /// Whether `url` lies inside ``root`` with symbolic links resolved (``PathPolicy/isInside(_:root:)``).
    func isInsideRoot(_ url: URL) -> Bool {
        guard let root else { return true }
        return PathPolicy.isInside(url, root: root)
    }

    /// Loads the chains of `files` (lowest first; each followed down its `extends`) and merges them.
    /// - Throws: ``WorkflowError`` with every problem found.
    public func load(_ files: [URL], manuscript: ManuscriptSpec = ManuscriptSpec()) throws -> StyleSheet {
        var filesRead: [URL] = []
        return try load(files, manuscript: manuscript, filesRead: &filesRead)
    }

    /// Like ``load(_:manuscript:)``, and sets `filesRead` to every file the loader opened or tried to open
    /// (each chain's layers down its `extends`, standardized file URLs, first-read order, no duplicates),
    /// also when it throws: the cache key of a run hashes them (``Workflow/configurationFiles``).
    public func load(_ files: [URL], manuscript: ManuscriptSpec, filesRead: inout [URL]) throws -> StyleSheet {
        var problems: [WorkflowError.Problem] = []
        var layers: [Layer] = []
        var read = Set<String>()
        var opened: [URL] = []
        defer {
            var seen = Set<String>()
            filesRead = opened.filter { seen.insert($0.path).inserted }
        }
        for file in files {
            for layer in chain(file, problems: &problems, opened: &opened) where read.insert(layer.url.standardizedFileURL.path).inserted {
                layers.append(layer)
            }
        }
        var rules: [String: StyleRule] = [:]
        var vocabulary = StyleVocabulary()
        for layer in layers {
            var r = YAMLReader(file: layer.shown)
            for patch in layer.rules { apply(patch, layer: layer, to: &rules, reader: &r) }
            if let node = layer.vocabulary { applyVocabulary(node, to: &vocabulary, reader: &r) }
            problems += r.problems
        }
        if !problems.isEmpty { throw WorkflowError(problems) }
        return StyleSheet(layers: layers.map(\.shown), layerNames: layers.map(\.name), rules: Array(rules.values),
                          manuscript: manuscript, vocabulary: vocabulary)
    }

    // MARK: Reading layers

    struct Layer {
        var url: URL
        var shown: String
        var name: String
        var rules: [(id: String, keyNode: Node, value: Node)]
        /// The layer's `vocabulary` section, merged in layer order by ``applyVocabulary(_:to:reader:)``.
        var vocabulary: Node?
    }

    /// The layers of `file`'s chain, lowest first.
    func chain(_ file: URL, problems: inout [WorkflowError.Problem]) -> [Layer] {
        var opened: [URL] = []
        return chain(file, problems: &problems, opened: &opened)
    }

    /// The layers of `file`'s chain, lowest first; appends each file it reads (or tries to) to `opened`.
    func chain(_ file: URL, problems: inout [WorkflowError.Problem], opened: inout [URL]) -> [Layer] {
        var out: [Layer] = []
        var seen: [String] = []
        var next: (URL, SourceLocation?)? = (file, nil)
        while let (url, from) = next {
            next = nil
            let shown = display(url)
            if seen.contains(url.standardizedFileURL.path) {
                problems.append(.init(from ?? SourceLocation(file: shown, line: 1),
                                      "style files extend each other in a cycle (\((seen.map { display(URL(fileURLWithPath: $0)) } + [shown]).joined(separator: " → ")))"))
                break
            }
            if seen.count == Self.maximumLayers {
                problems.append(.init(from ?? SourceLocation(file: shown, line: 1), "more than \(Self.maximumLayers) style layers extend each other"))
                break
            }
            seen.append(url.standardizedFileURL.path)
            opened.append(url.standardizedFileURL)
            guard let (layer, extends) = read(url, shown: shown, from: from, problems: &problems) else { break }
            out.insert(layer, at: 0)
            if let (path, location) = extends {
                let target = path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
                    : url.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                guard isInsideRoot(target) else {
                    problems.append(.init(location, "extends '\(path)' leaves the project folder; keep style files inside it"))
                    break
                }
                next = (target, location)
            }
        }
        return out
    }

    func read(_ url: URL, shown: String, from: SourceLocation?,
              problems: inout [WorkflowError.Problem]) -> (Layer, (String, SourceLocation)?)? {
        let data: Data
        do {
            data = try FileIO.read(url, display: shown, limit: Self.maximumFileBytes,
                                   limitAdvice: YAMLLimits.style.sizeAdvice)
        } catch KeiError.input(_, let message) {
            problems.append(.init(from ?? SourceLocation(file: shown, line: 1), "style file \(shown) cannot be read: \(message)"))
            return nil
        } catch {
            problems.append(.init(from ?? SourceLocation(file: shown, line: 1), "style file \(shown) cannot be read: \(error)"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append(.init(SourceLocation(file: shown, line: 1), "the style file is not valid UTF-8"))
            return nil
        }
        var r = YAMLReader(file: shown)
        defer { problems += r.problems }
        guard let root = r.compose(text, limits: .style) else {
            if r.problems.isEmpty { r.problem(nil, "the style file is empty") }
            return nil
        }
        var layer = Layer(url: url, shown: shown, name: url.deletingPathExtension().lastPathComponent, rules: [])
        var extends: (String, SourceLocation)?
        for e in r.entries(root, in: "the style file", allowed: Self.layerKeys) ?? [] {
            switch e.key {
            case "name": if let s = r.string(e.value, "name") { layer.name = s }
            case "version", "description": _ = r.string(e.value, e.key)
            case "extends": if let s = r.string(e.value, "extends") { extends = (s, r.location(e.value)) }
            case "vocabulary": layer.vocabulary = e.value
            case "rules":
                guard let mapping = e.value.mapping else {
                    r.problem(e.value, "rules must be a mapping of rule ids to rules")
                    continue
                }
                var ids = Set<String>()
                for (k, v) in mapping {
                    guard let id = k.scalar?.string else { r.problem(k, "a rule id must be a plain name"); continue }
                    guard Self.isValidRuleID(id) else {
                        r.problem(k, "rule id '\(id)' must start with 'style.' and use lower-case letters, digits, '-' and '.'")
                        continue
                    }
                    guard ids.insert(id).inserted else { r.problem(k, "rule '\(id)' appears twice in this file"); continue }
                    layer.rules.append((id, k, v))
                }
            default: break
            }
        }
        return (layer, extends)
    }

    static func isValidRuleID(_ id: String) -> Bool {
        id.hasPrefix("style.") && id.count > 6 && !id.hasSuffix(".") && !id.contains("..")
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }

    // MARK: Merging

    func apply(_ patch: (id: String, keyNode: Node, value: Node), layer: Layer, to rules: inout [String: StyleRule],
               reader r: inout YAMLReader) {
        let id = patch.id
        if let switchValue = patch.value.scalar?.string {
            let on = ["on", "true", "yes"].contains(switchValue), off = ["off", "false", "no"].contains(switchValue)
            guard on || off else {
                r.problem(patch.value, "rule '\(id)' must be a mapping of its keys, or 'off' / 'on'")
                return
            }
            guard var rule = rules[id] else {
                r.problem(patch.keyNode, "rule '\(id)' is switched \(on ? "on" : "off") but no lower layer defines it\(hint(id, Array(rules.keys)))")
                return
            }
            rule.enabled = on
            rule.layers.append(layer.shown)
            rules[id] = rule
            return
        }
        guard let mapping = patch.value.mapping else {
            r.problem(patch.value, "rule '\(id)' must be a mapping of its keys, or 'off' / 'on'")
            return
        }
        // The kind first: it decides which other keys are allowed.
        var kind = rules[id]?.kind
        for (k, v) in mapping where k.scalar?.string == "kind" {
            guard let s = r.string(v, "kind of \(id)") else { continue }
            guard let given = StyleRuleKind(rawValue: s) else {
                r.problem(v, "rule '\(id)' has unknown kind '\(s)'\(hint(s, StyleRuleKind.allCases.map(\.rawValue))); kinds: \(StyleRuleKind.allCases.map(\.rawValue).joined(separator: ", "))")
                return
            }
            if let existing = rules[id], existing.kind != given {
                r.problem(v, "rule '\(id)' is a \(existing.kind.rawValue) rule in \(existing.layers.first ?? "a lower layer"); a later layer cannot change its kind (give the new rule a new id)")
                return
            }
            kind = given
        }
        guard let kind else {
            r.problem(patch.keyNode, "rule '\(id)' is new in this layer and has no 'kind'")
            return
        }
        let isNew = rules[id] == nil
        var rule = rules[id] ?? StyleRule(id: id, kind: kind, severity: .warning, message: "", layers: [],
                                          definedAt: r.location(patch.keyNode))
        let allowed = Self.commonRuleKeys + kind.parameters.map(\.name)
        var given = Set<String>()
        for e in r.entries(patch.value, in: "rule '\(id)'", allowed: allowed) ?? [] {
            given.insert(e.key)
            let what = "\(e.key) of \(id)"
            switch e.key {
            case "kind": break
            case "severity":
                if let s = r.string(e.value, what) {
                    if let sev = Severity(rawValue: s) { rule.severity = sev } else {
                        r.problem(e.value, "\(what) must be one of error, warning, info; got '\(s)'")
                    }
                }
            case "message": if let s = r.string(e.value, what) { rule.message = s }
            case "description": if let s = r.string(e.value, what) { rule.description = s }
            case "source": if let s = r.string(e.value, what) { rule.source = s }
            case "enabled": if let b = r.bool(e.value, what) { rule.enabled = b }
            case "fix":
                if let s = r.string(e.value, what) {
                    if let f = StyleFixPolicy(rawValue: s) { rule.fix = f } else {
                        r.problem(e.value, "\(what) must be one of \(StyleFixPolicy.allCases.map(\.rawValue).joined(separator: ", ")); got '\(s)'")
                    }
                }
            case "scopes":
                if let list = r.stringList(e.value, what) {
                    var scopes = Set<StyleScope>()
                    for s in list {
                        if let scope = StyleScope(rawValue: s) { scopes.insert(scope) } else {
                            r.problem(e.value, "\(what): unknown scope '\(s)'\(hint(s, StyleScope.allCases.map(\.rawValue))); scopes: \(StyleScope.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                    }
                    rule.scopes = scopes
                }
            case "examples":
                if let ex = examples(e.value, id: id, reader: &r) { rule.examples = ex }
            default:
                guard let spec = kind.parameters.first(where: { $0.name == e.key }) else { continue }
                if let value = parameter(e.value, spec: spec, what: what, merging: rule.parameters[e.key], reader: &r) {
                    rule.parameters[e.key] = value
                }
            }
        }
        if isNew {
            for key in ["severity", "message", "description", "source"] where !given.contains(key) {
                r.problem(patch.keyNode, "rule '\(id)' is new in this layer and has no '\(key)'")
            }
        }
        for spec in kind.parameters where spec.required && rule.parameters[spec.name] == nil {
            r.problem(patch.keyNode, "rule '\(id)' (\(kind.rawValue)) needs '\(spec.name)': \(spec.summary)")
        }
        rule.layers.append(layer.shown)
        rules[id] = rule
    }

    func hint(_ name: String, _ candidates: [String]) -> String {
        YAMLReader.closest(name, in: candidates.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
    }

    func parameter(_ node: Node, spec: StyleParameterSpec, what: String, merging old: StyleParameter?,
                   reader r: inout YAMLReader) -> StyleParameter? {
        switch spec.type {
        case .bool: return r.bool(node, what).map(StyleParameter.bool)
        case .int: return r.int(node, what).map(StyleParameter.int)
        case .string: return r.string(node, what).map(StyleParameter.string)
        case .choice(let choices):
            guard let s = r.string(node, what) else { return nil }
            guard choices.contains(s) else {
                r.problem(node, "\(what) must be one of \(choices.joined(separator: ", ")); got '\(s)'\(hint(s, choices))")
                return nil
            }
            return .string(s)
        case .list: return r.stringList(node, what).map(StyleParameter.list)
        case .groups:
            guard let seq = node.sequence else { r.problem(node, "\(what) must be a list of lists of forms"); return nil }
            var groups: [[String]] = []
            for item in seq {
                guard let g = r.stringList(item, what) else { return nil }
                if g.count < 2 { r.problem(item, "\(what): a group needs at least two forms") }
                groups.append(g)
            }
            return .groups(groups)
        case .map:
            guard let mapping = node.mapping else { r.problem(node, "\(what) must be a mapping of terms to their preferred forms"); return nil }
            var pairs: [StylePair?] = []
            if case .map(let earlier)? = old { pairs = earlier }
            // Where each term stands in `pairs`, so that replacing or removing one is not a search.
            var position: [String: Int] = [:]
            for (i, p) in pairs.enumerated() { position[p!.key] = i }
            var seen = Set<String>()
            for (k, v) in mapping {
                guard let key = k.scalar?.string, !key.isEmpty else { r.problem(k, "\(what): a term must be a non-empty string"); continue }
                guard seen.insert(key).inserted else { r.problem(k, "\(what): term '\(key)' appears twice"); continue }
                if let i = position.removeValue(forKey: key) { pairs[i] = nil }
                if v.tag == Tag(.null) { continue }  // `term: ~` removes a lower layer's term
                guard let value = v.scalar?.string else { r.problem(v, "\(what): the form for '\(key)' must be a string"); continue }
                position[key] = pairs.count
                pairs.append(StylePair(key, value))
            }
            return .map(pairs.compactMap { $0 })
        }
    }

    func examples(_ node: Node, id: String, reader r: inout YAMLReader) -> StyleRuleExamples? {
        var ex = StyleRuleExamples()
        for e in r.entries(node, in: "examples of \(id)", allowed: Self.exampleKeys) ?? [] {
            switch e.key {
            case "flag": ex.flag = r.stringList(e.value, "examples.flag of \(id)") ?? []
            case "pass": ex.pass = r.stringList(e.value, "examples.pass of \(id)") ?? []
            case "fix":
                guard let seq = e.value.sequence else { r.problem(e.value, "examples.fix of \(id) must be a list of {before, after}"); continue }
                for item in seq {
                    var before: String?, after: String?
                    for f in r.entries(item, in: "a fix example of \(id)", allowed: ["before", "after"]) ?? [] {
                        if f.key == "before" { before = r.string(f.value, "before") } else { after = r.string(f.value, "after") }
                    }
                    if let before, let after { ex.fix.append(.init(before: before, after: after)) } else {
                        r.problem(item, "a fix example of \(id) needs both 'before' and 'after'")
                    }
                }
            case "skip-mutations":
                let keys = ExampleMutation.allCases.map(\.key)
                for m in r.entries(e.value, in: "examples.skip-mutations of \(id)", allowed: keys) ?? [] {
                    guard let mutation = ExampleMutation(key: m.key), let reason = r.string(m.value, "the reason for skipping \(m.key)") else { continue }
                    if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                        r.problem(m.value, "examples.skip-mutations of \(id): give the reason for skipping \(m.key)")
                    } else {
                        ex.skipping[mutation] = reason
                    }
                }
            default: break
            }
        }
        return ex
    }
}
