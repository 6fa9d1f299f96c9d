import Testing
import Foundation
import KeiXML
import KeiDocument
@testable import KeiStages

@Test func scratch() throws {
    let path = ProcessInfo.processInfo.environment["SCRATCH_HTML"] ?? ""
    guard !path.isEmpty, let data = FileManager.default.contents(atPath: path) else { return }
    let t0 = Date()
    let document = MarkupParser.parseHTML(data)
    let t1 = Date()
    let body = document.root?.firstDescendant(named: "body") ?? DOMElement(name: "body")
    let r = BodyBuilder.build(content: body, document: document, metadata: ArticleMetadata(title: ProcessInfo.processInfo.environment["SCRATCH_TITLE"]), file: "t.html")
    let t2 = Date()
    print("parse", t1.timeIntervalSince(t0), "build", t2.timeIntervalSince(t1))
    if ProcessInfo.processInfo.environment["SCRATCH_QUIET"] == nil { print(BodyFixture.dump(r)) }
    for d in r.diagnostics { print(d.rule, d.severity, d.location.line, d.message) }
}

@Test func scratchLost() throws {
    let path = ProcessInfo.processInfo.environment["SCRATCH_LOST"] ?? ""
    guard !path.isEmpty, let data = FileManager.default.contents(atPath: path) else { return }
    let document = MarkupParser.parseHTML(data)
    let body = document.root?.firstDescendant(named: "body") ?? DOMElement(name: "body")
    let r = BodyBuilder.build(content: body, document: document, metadata: ArticleMetadata(), file: "t.html")
    let out = BodyFixture.allText(r)
    var produced: [String: Int] = [:]
    for w in BodyBuilderRobustnessTests.tokens(out) { produced[w, default: 0] += 1 }
    var input: [String: Int] = [:]
    for w in BodyBuilderRobustnessTests.words(body) { input[w, default: 0] += 1 }
    for (w, n) in input.sorted(by: { $0.key < $1.key }) where produced[w, default: 0] < n {
        print("LOST", w, n, produced[w, default: 0])
    }
    print(out)
}
