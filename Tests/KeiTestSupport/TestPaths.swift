import Foundation

/// Paths tests use: the project root (found from this file), `Samples/`, `Workflows/` and `../shared/`.
public enum TestPaths {
    /// The project root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    public static var samples: URL { root.appendingPathComponent("Samples") }
    public static var workflows: URL { root.appendingPathComponent("Workflows") }
    /// `../shared` from the project root; tests that need it skip when it is absent.
    public static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }

    public static var sharedExists: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("README.md").path)
    }

    /// The pages every false-positive test reads: the three sample articles, the seed files and every
    /// readability page's `source.html`, in that order (sorted by name within each group).
    public static func corpusPages() throws -> [URL] {
        let fm = FileManager.default
        let readability = shared.appendingPathComponent("testdata/readability")
        let samplePages = ["allying-against-adversaries", "chips-trust-and-trade", "consultation-before-crisis"].map {
            samples.appendingPathComponent("issue-3-2/\($0).html")
        }
        let seed = try fm.contentsOfDirectory(atPath: shared.appendingPathComponent("seed").path).sorted().map {
            shared.appendingPathComponent("seed/\($0)")
        }
        let readabilityPages = try fm.contentsOfDirectory(atPath: readability.path).sorted().compactMap { name -> URL? in
            let page = readability.appendingPathComponent("\(name)/source.html")
            return fm.fileExists(atPath: page.path) ? page : nil
        }
        return samplePages + seed + readabilityPages
    }

    /// A fresh temporary folder, removed by the caller when done.
    public static func temporaryDirectory(_ label: String = "kei") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
