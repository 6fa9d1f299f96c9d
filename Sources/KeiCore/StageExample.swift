/// A pass or fail example carried by a stage. A shared test ingests `html` (a whole page or a
/// body fragment) as `example.html`, runs the stage with `options`, and checks that exactly
/// the rules in `expectedRules` fire (each at least once, no other rule of this stage).
/// Examples run as articles of ``StageExample/issue`` (volume 3, number 2).
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

    /// The issue every example runs in.
    public static let issue = IssueInfo(journal: JournalInfo(id: "korea-policy", title: "Korea Policy",
                                                             publisher: "Korea Economic Institute of America"),
                                        volume: "3", number: "2", coverDate: "2025-12-15")

    /// Whether this example must trigger diagnostics.
    public var triggers: Bool { !expectedRules.isEmpty }
}
