/// A pass or fail example carried by a stage. A shared test ingests `html` (a whole page or a
/// body fragment) as `example.html`, runs the stage with `options`, and checks that exactly
/// the rules in `expectedRules` fire (each at least once, no other rule of this stage).
public struct StageExample: Sendable {
    public var html: String
    /// Empty for a passing example.
    public var expectedRules: Set<String>
    public var options: [String: OptionValue]
    public var note: String

    public init(_ note: String, html: String, expect expectedRules: Set<String> = [], options: [String: OptionValue] = [:]) {
        self.note = note
        self.html = html
        self.expectedRules = expectedRules
        self.options = options
    }

    /// Whether this example must trigger diagnostics.
    public var triggers: Bool { !expectedRules.isEmpty }
}
