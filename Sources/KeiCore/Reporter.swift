/// Renders a run's result in one format. Reporters are chosen by the runner's caller (the CLI),
/// never by stages; add one by conforming and listing it in ``Reporters/all``.
public protocol Reporter: Sendable {
    /// The name used in `--report NAME[:PATH]`.
    static var id: String { get }
    static var summary: String { get }
    init(options: ReportOptions)
    func render(_ result: RunResult) -> String
}

/// Presentation choices shared by reporters.
public struct ReportOptions: Sendable, Hashable {
    /// Print info diagnostics one by one (by default the text report only counts them).
    public var showInfo: Bool
    /// Every rule a run can report, by id (the registry's messages and the runner's): rule metadata for
    /// formats that carry it (SARIF `tool.driver.rules`, checkstyle). Empty when the caller has none.
    public var rules: [String: StageMessage]
    /// The tool's version (SARIF `tool.driver.version`).
    public var toolVersion: String

    public init(showInfo: Bool = false, rules: [String: StageMessage] = [:], toolVersion: String = "") {
        self.showInfo = showInfo
        self.rules = rules
        self.toolVersion = toolVersion
    }
}

/// The built-in reporters.
public enum Reporters {
    public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self,
                                                  GitHubReporter.self, CheckstyleReporter.self]

    public static func reporter(id: String) -> (any Reporter.Type)? {
        all.first { $0.id == id }
    }
}
