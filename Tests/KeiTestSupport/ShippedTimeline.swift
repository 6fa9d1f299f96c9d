import Foundation
import KeiCore
import KeiDates
import KeiStages

/// The shipped timeline knowledge base (`Workflows/timeline.yml`), loaded the way the `issue-3-2`
/// workflow loads it (its journal file names it); the timeline the workflow loader hands every stage.
public enum ShippedTimeline {
    static let loaded: Result<Timeline, Error> = Result {
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: TestPaths.root)
        let wf = try loader.load(try loader.resolve(ShippedStyle.workflow))
        guard let timeline = wf.stages.lazy.compactMap(\.options.timeline).first else {
            throw KeiError.stage("the \(ShippedStyle.workflow) workflow names no timeline")
        }
        return timeline
    }

    public static func timeline() throws -> Timeline { try loaded.get() }
}
