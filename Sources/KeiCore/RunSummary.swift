/// Counts of diagnostics by severity and the gate's verdict.
public struct RunSummary: Sendable, Hashable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var gatePassed: Bool
    /// Diagnostics dropped by suppressions written in the sources.
    public var suppressed: Int = 0
    /// Diagnostics dropped by `--fix` because an applied edit rewrote the words they report.
    public var superseded: Int = 0
    /// Findings dropped because they are in the `--baseline` file.
    public var baselined: Int = 0
    /// Changes applied by `--fix`.
    public var changes: Int = 0

    public init(errors: Int = 0, warnings: Int = 0, infos: Int = 0, gatePassed: Bool = true) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.gatePassed = gatePassed
    }
}
