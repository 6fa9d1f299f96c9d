import Foundation
import KeiCore
import KeiStages

/// A throwaway project folder with Workflows/, a journal, a style and a sample page.
public struct ProjectFixture {
    public let root: URL

    public init() throws {
        root = TestPaths.temporaryDirectory("kei-wf")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Workflows/journals"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("Workflows/styles"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("Samples"), withIntermediateDirectories: true)
        try write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\nstyle: ../styles/s.yml\n")
        try write("Workflows/styles/s.yml", "name: s\n")
        try write("Samples/a.html", "<html><head><title>A</title></head><body><article><h1>A</h1><p>Enough text to be the body of an article here.</p></article></body></html>")
    }

    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func load(_ yaml: String) throws -> Workflow {
        try write("Workflows/w.yml", yaml)
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: root)
        return try loader.load(try loader.resolve("w"))
    }

    /// The problems loading `yaml` reports, as `file:line:col: error: message` lines.
    public func problems(_ yaml: String) -> [String] {
        do {
            _ = try load(yaml)
            return []
        } catch let e as WorkflowError {
            return e.problems.map { "\($0.location): error: \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}

