import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// The registry, the `*Stage.swift` files and the ids agree (replaces code generation).
@Suite struct RegistryTests {
    @Test func everyStageFileIsRegisteredOnce() throws {
        let dir = TestPaths.root.appendingPathComponent("Sources/KeiStages")
        let enumerator = FileManager.default.enumerator(atPath: dir.path)
        var stageTypes: [String] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix("Stage.swift") else { continue }
            stageTypes.append(String(path.split(separator: "/").last!.dropLast(".swift".count)))
        }
        let registered = BuiltInStages.all.map { String(describing: $0) }
        #expect(stageTypes.sorted() == registered.sorted(), "files: \(stageTypes.sorted()), registry: \(registered.sorted())")
        let ids = BuiltInStages.registry.ids
        #expect(ids == ids.sorted(), "BuiltInStages.all is alphabetical by id")
        #expect(Set(ids).count == ids.count)
    }

    @Test func idsRulesAndSummariesFollowTheConventions() {
        var rules = Set<String>()
        for type in BuiltInStages.all {
            let d = type.description
            #expect(d.id.range(of: "^[a-z]+(\\.[a-z0-9-]+)+$", options: .regularExpression) != nil, "id \(d.id)")
            #expect(!d.summary.isEmpty && d.summary.count <= 140, "\(d.id) summary is one line")
            let prefix = d.id.split(separator: ".").first.map(String.init) ?? d.id
            for m in d.messages {
                #expect(m.rule.hasPrefix(prefix + "."), "\(m.rule) starts with \(prefix).")
                #expect(rules.insert(m.rule).inserted, "rule \(m.rule) declared once")
            }
            for o in d.options {
                #expect(o.name.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) != nil, "option \(o.name)")
            }
        }
    }
}
