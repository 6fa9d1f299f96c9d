import ArgumentParser
import Foundation
import KeiCore

/// `--report FORMAT[:PATH]`: a reporter id and where its output goes (`-` or nothing for stdout).
struct ReportSpec: ExpressibleByArgument, Sendable {
    var format: String
    var path: String?

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        guard let f = parts.first, !f.isEmpty else { return nil }
        format = f
        path = parts.count > 1 && parts[1] != "-" && !parts[1].isEmpty ? parts[1] : nil
    }

    static var allValueStrings: [String] { Reporters.all.map { $0.id } }
}
