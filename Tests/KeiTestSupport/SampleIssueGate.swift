/// What a run of the sample issue (Workflows/issue-3-2.yml) must end with: the journal file's ISSNs are
/// placeholders (`0000-0000`), so `emit.crossref` fails the publish gate with `emit.crossref.placeholder-issn`
/// after writing every output (issue 10: "fail the publish gate, not the build"). Any other error is a bug.
public enum SampleIssueGate {
    /// True when the run exited 1 and every `error:` line it printed is a placeholder-ISSN error.
    public static func failsOnlyOnPlaceholderISSNs(_ r: CLIHarness.Result) -> Bool {
        let errors = (r.out + r.err).split(separator: "\n").filter { $0.contains(": error: ") }
        return r.code == 1 && !errors.isEmpty && errors.allSatisfy { $0.hasSuffix("[emit.crossref.placeholder-issn]") }
    }
}
