import Testing
import Foundation
@testable import KeiStages

@Test func scratch() throws {
    let path = ProcessInfo.processInfo.environment["SCRATCH_HTML"] ?? ""
    guard !path.isEmpty, let html = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    let r = BodyFixture.build(html, title: ProcessInfo.processInfo.environment["SCRATCH_TITLE"])
    print(BodyFixture.dump(r))
    for d in r.diagnostics { print(d.rule, d.severity, d.location.line, d.message) }
}
