import Foundation

/// The labelled references the parser is trained on: every `*.xml` file (AnyStyle format) of a folder,
/// in name order, minus the references that are in the dev set (matched on the text with white space
/// collapsed), so the dev-set score measures references the model never saw.
public struct TrainingCorpus: Sendable {
    public var references: [LabelledReference]
    /// Each file in name order: how many references it gave and how many were left out as dev strings.
    public var files: [(name: String, count: Int, excluded: Int)]
    public var excluded: Int { files.reduce(0) { $0 + $1.excluded } }

    public static func load(directory: URL, excludingTexts dev: Set<String>) throws -> TrainingCorpus {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".xml") }.sorted()
        var references: [LabelledReference] = []
        var files: [(String, Int, Int)] = []
        let devKeys = Set(dev.map(ReferenceTokenizer.collapsingWhitespace))
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let parsed = try AnyStyleDataset.parse(text)
            var kept = 0
            var excluded = 0
            for r in parsed {
                if devKeys.contains(r.text) { excluded += 1; continue }
                references.append(r)
                kept += 1
            }
            files.append((name, kept, excluded))
        }
        return TrainingCorpus(references: references, files: files)
    }
}

/// One entry of the dev set `anystyle-dev.json`: a reference string and its gold labels (label → the
/// raw slices of the string, punctuation kept).
public struct DevReference: Sendable, Decodable {
    public var id: String
    public var reference: String
    public var fields: [String: [String]]

    public static func load(_ url: URL) throws -> [DevReference] {
        try JSONDecoder().decode([DevReference].self, from: Data(contentsOf: url))
    }
}
