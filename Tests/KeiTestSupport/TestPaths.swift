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

    /// A fresh temporary folder, removed by the caller when done.
    public static func temporaryDirectory(_ label: String = "kei") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
