import ArgumentParser
import Foundation
import KeiCore

/// The `kei-pipeline` root command.
public struct KeiPipelineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kei-pipeline",
        abstract: "Editorial pipeline for Korea Policy: article pages in, checked JATS out.",
        discussion: "Exit codes: 0 gate passed, 1 gate failed, 2 usage, configuration or input error.",
        version: KeiCLI.version,
        subcommands: [RunCommand.self, CheckCommand.self, BatchCommand.self, StagesCommand.self, RulesCommand.self, ExplainCommand.self,
                      BenchCommand.self, CiteCommand.self, DatesCommand.self, TimelineCommand.self,
                      StatusCommand.self, HistoryCommand.self])

    public init() {}
}
