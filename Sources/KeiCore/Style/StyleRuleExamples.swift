/// The examples a style rule carries; the shared example test runs every one.
///
/// Each example is an inline HTML fragment (the content of one paragraph: text, entities, `<q>`,
/// `<cite>`, `<em>`, links). In `flag` examples `⟦` and `⟧` mark exactly the words each finding must span
/// (as in ``StageExample``); `pass` examples must give no finding of the rule; `fix` examples give the
/// fragment before and the paragraph's text after `--fix`. `skip-mutations` names the ``ExampleMutation``s
/// (by ``ExampleMutation/key``) the shared test must not apply to this rule's examples, each with the
/// reason; the test derives what a rule reports in a block quote, list item or note from its scopes, so an
/// opt-out is only for what scopes cannot say (a rule about a paragraph's first word, say).
public struct StyleRuleExamples: Sendable, Hashable {
    public struct Fix: Sendable, Hashable {
        public var before: String
        public var after: String
        public init(before: String, after: String) {
            self.before = before
            self.after = after
        }
    }

    public var flag: [String]
    public var pass: [String]
    public var fix: [Fix]
    /// Mutations not applied to these examples, with the reason for each.
    public var skipping: [ExampleMutation: String]

    public init(flag: [String] = [], pass: [String] = [], fix: [Fix] = [], skipping: [ExampleMutation: String] = [:]) {
        self.flag = flag
        self.pass = pass
        self.fix = fix
        self.skipping = skipping
    }

    public var isEmpty: Bool { flag.isEmpty && pass.isEmpty && fix.isEmpty }
}
