/// The workflow `kei-pipeline check` uses when the working directory has no Workflows/default.yml.
///
/// It has no journal and so no house style: `lint.style` needs the style files of a project
/// (`Workflows/styles/`, named by a journal file), so the built-in default runs without it — and so
/// without the house-style rules, `style.repeated-word` among them. Run `check` from a project (or
/// with `--workflow`) to lint house style.
enum DefaultWorkflow {
    static let yaml = """
    name: check
    output: out/check
    stages:
      - ingest.html
      - check.metadata
      - check.citations
      - emit.jats
    gates:
      fail-on: error
    """
}
