/// The workflow `kei-pipeline check` uses when the working directory has no Workflows/default.yml.
enum DefaultWorkflow {
    static let yaml = """
    name: check
    output: out/check
    stages:
      - ingest.html
      - check.metadata
      - check.notes
      - text.repeated-word
      - emit.jats
    gates:
      fail-on: error
    """
}
