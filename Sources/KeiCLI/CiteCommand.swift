import ArgumentParser

/// `kei-pipeline cite …`: references and notes outside a workflow.
struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Work with reference and note strings (parse them into CSL-JSON).",
        subcommands: [CiteParseCommand.self])
}
