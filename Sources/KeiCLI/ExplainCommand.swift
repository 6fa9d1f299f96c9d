import ArgumentParser
import Foundation
import KeiCore

/// `kei-pipeline explain RULE-ID`: one house-style rule in full — what it asks and why, its source, where
/// it applies, its fix, its parameters and its examples — as the workflow's effective style has it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one house-style rule: description, source, kind, severity, scopes, fix, parameters, examples.",
        discussion: "The rule is looked up, without regard to case, in the effective style of --workflow (default: Workflows/default.yml); an unknown id gets a did-you-mean, and a prefix (style.us) the rules it starts. Exit codes: 0 explained, 2 unknown rule id, usage or configuration error.")

    @Argument(help: "A rule id (style.…), as `kei-pipeline rules` lists them.")
    var id: String

    @Option(help: "Workflow whose effective style to read (name under Workflows/ or path; default: default).")
    var workflow: String?

    /// How many terms, list items or groups of a parameter are shown before "and N more".
    static let shownItems = 12

    func run() throws {
        let env = CLIEnvironment.current
        let style = try WorkflowStyle.load(workflow, env: env)
        // Rule ids are matched without regard to case, as suppressions name them.
        let match = style.sheet.rule(id: id) ?? style.sheet.rules.first { $0.id.lowercased() == id.lowercased() }
        guard let rule = match else {
            let known = Set(style.sheet.rules.map(\.id))
            var hint = Runner.suggestion(id, known)
            let name = id.lowercased()
            if hint.isEmpty, let near = known.sorted().first(where: { $0.hasSuffix("." + name) || $0.contains(name) }) {
                hint = " (did you mean '\(near)'?)"
            }
            throw KeiError.usage("unknown rule id '\(id)' in the house style of \(style.workflow.displayPath)\(hint); `kei-pipeline rules\(workflow.map { " " + $0 } ?? "")` lists them")
        }
        env.out(ControlCharacters.visibleLines(Self.text(rule, style: style)))
    }

    static func text(_ rule: StyleRule, style: WorkflowStyle) -> String {
        var s = "\(rule.id)\(rule.enabled ? "" : " (off)")\n"
        s += "  kind: \(rule.kind.rawValue)   severity: \(rule.severity.rawValue)   fix: \(rule.fix.rawValue)"
            + (rule.fix == .safe ? " (applied by --fix)" : rule.fix == .unsafe ? " (suggested, never applied)" : "") + "\n"
        s += "  defined in \(rule.definedAt)"
        if rule.layers.count > 1 { s += "; changed by " + rule.layers.dropFirst().joined(separator: ", ") }
        if !rule.enabled { s += "; switched off by a later layer" }
        s += "\n\n"
        s += "Description:\n" + indented(rule.description) + "\n"
        s += "Source:\n" + indented(rule.source) + "\n"
        s += "Message:\n" + indented(rule.message) + "\n"
        s += "Scopes: \(StyleScope.allCases.filter(rule.scopes.contains).map(\.rawValue).joined(separator: ", "))"
        let outside = [StyleScope.quotation, .citedTitle, .url, .code].filter { !rule.scopes.contains($0) }
        if !outside.isEmpty { s += "\n  never inside: " + outside.map(\.rawValue).joined(separator: ", ") }
        s += "\n"
        let given = rule.kind.parameters.filter { rule.parameters[$0.name] != nil }
        if !given.isEmpty {
            s += "Parameters:\n"
            for spec in given {
                guard let value = rule.parameters[spec.name] else { continue }
                s += "  \(spec.name): \(summary(value))\n"
            }
        }
        if rule.kind == .firstUse {
            let v = style.sheet.vocabulary
            s += "Vocabulary (the style's `vocabulary` section, which first-use rules read):\n"
            s += "  acronyms: \(summary(.map(v.acronyms.map { StylePair($0.acronym, $0.expansions.joined(separator: " or ")) })))\n"
            s += "  never-spelled-out: \(summary(.list(v.neverSpelledOut)))\n"
            s += "  people: \(summary(.list(v.people.map { "\($0.fullName) (\($0.surname))" })))\n"
        }
        let ex = rule.examples
        if !ex.isEmpty {
            s += "Examples (⟦ ⟧ marks the words reported):\n"
            for f in ex.flag { s += "  flag: \(f)\n" }
            for p in ex.pass { s += "  pass: \(p)\n" }
            for f in ex.fix { s += "  fix:  \(f.before)\n    →   \(f.after)\n" }
            for (m, reason) in ex.skipping.sorted(by: { $0.key.key < $1.key.key }) {
                s += "  not run \(m.description): \(reason)\n"
            }
        }
        return s
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// A parameter's value in brief: scalars as they are; lists, terms and groups counted, the first
    /// ``shownItems`` shown.
    static func summary(_ value: StyleParameter) -> String {
        func brief(_ items: [String], _ noun: String) -> String {
            let more = items.count > shownItems ? ", and \(items.count - shownItems) more" : ""
            return "\(items.count) \(noun)\(items.count == 1 ? "" : "s"): " + items.prefix(shownItems).joined(separator: ", ") + more
        }
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .string(let s): return s
        case .list(let l): return brief(l, "item")
        case .map(let pairs): return brief(pairs.map { "\($0.key) → \($0.value)" }, "term")
        case .groups(let groups): return brief(groups.map { $0.joined(separator: " / ") }, "group")
        }
    }
}
