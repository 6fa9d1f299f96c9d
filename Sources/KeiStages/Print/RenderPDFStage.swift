import Foundation
import KeiCore
import KeiDocument

/// Renders the article's XSL-FO 1.1 (the `fo` artifact `emit.fo` wrote in this run) to `pdf/<article-id>.pdf`
/// with Apache FOP 2.8 (apt: fop), embedding DejaVu and Noto CJK KR fonts (``PrintFonts``) so Korean names print.
///
/// - FOP: the `fop` option, else `fop` on PATH. Missing: `render.pdf.fop-missing` (a warning saying how to
///   install it; an error with `required: true`) and no PDF.
/// - Run: `fop -c <temp fop.xconf> -fo fo/<id>.fo -pdf <temp file>` with a time limit (`timeout`, seconds);
///   the PDF is then written to the outputs atomically. The configuration (``FOPConfiguration``) and FOP's
///   scratch file live in a temporary folder that is removed afterwards.
/// - Failure, time-out or no PDF: `render.pdf.fop-failed` (error) with FOP's first error lines.
/// - Fonts not found: `render.pdf.font-missing` (warning naming the package); FOP then substitutes.
/// - Deterministic: the PDF's dates come from the FO (the issue's cover date, see `jats-to-fo.xsl`), but FOP
///   2.8 also adds the time of rendering to the XMP `dc:date` and derives the file `/ID` from it, so two
///   renderings of the same FO differ in those bytes only.
public struct RenderPDFStage: ArticleStage {
    /// Id `render.pdf`; options `fop`, `required`, `timeout`; messages below.
    public static let description = StageDescription(
        id: "render.pdf",
        summary: "Render the article's XSL-FO to PDF with Apache FOP (pdf/<article>.pdf), embedding Latin and Korean fonts.",
        kind: .emit,
        options: [
            StageOption("fop", .string, default: .string(""),
                        "The FOP command (a path); empty → `fop` found on PATH."),
            StageOption("required", .bool, default: .bool(false),
                        "When true, a missing FOP is an error (the PDF is required); otherwise a warning and the run goes on."),
            StageOption("timeout", .int, default: .int(120),
                        "Seconds FOP may take for one article before it is stopped (render.pdf.fop-failed)."),
        ],
        messages: [Messages.fopMissing, Messages.fopFailed, Messages.fontMissing],
        examples: [
            // Rendering needs emit.fo's output and FOP, which examples do not have; PrintEndToEndTests render
            // the issue's articles and check the PDFs.
            StageExample("without XSL-FO from emit.fo earlier in the run there is nothing to render and nothing to report", html: """
                <html lang="en"><head><title>A Title</title></head><body><main><article>
                <h1>A Title</h1><p>Some text that is long enough to count as the article body of this page.</p>
                </article></main></body></html>
                """),
        ]
    )

    enum Messages {
        static let fopMissing = StageMessage("render.pdf.fop-missing", .warning,
            "Apache FOP is not installed, so no PDF was made (install: apt-get install fop fonts-noto-cjk).")
        static let fopFailed = StageMessage("render.pdf.fop-failed", .error,
            "Apache FOP failed on the article's XSL-FO, or ran out of time; no PDF was written.")
        static let fontMissing = StageMessage("render.pdf.font-missing", .warning,
            "A font the print layout uses is not installed; FOP substitutes one that may lack Korean glyphs.")
    }

    let fopOption: String
    let required: Bool
    let timeout: Int

    public init(options: StageOptions) throws {
        fopOption = options.string("fop") ?? ""
        required = options.bool("required", default: false)
        timeout = max(1, options.int("timeout", default: 120))
    }

    /// Writes `pdf/<article-id>.pdf`; does nothing when no `fo` artifact was written in this run.
    /// Throws only when the PDF cannot be written to the outputs.
    public func run(_ context: inout ArticleContext) throws {
        guard let fo = context.artifacts.last(where: { $0.kind == "fo" }) else { return }
        let here = SourceLocation(file: context.sourceDisplayPath)
        guard let fop = Self.findFOP(fopOption) else {
            var message = Messages.fopMissing
            if required { message.severity = .error }
            context.emit(message.diagnostic(
                fopOption.isEmpty ? "Apache FOP was not found on PATH; no PDF was made for this article."
                                  : "The FOP command '\(fopOption)' does not exist or is not executable; no PDF was made.",
                at: here, fix: "Install it: apt-get install fop fonts-noto-cjk fonts-dejavu-core (or set the stage option fop: /path/to/fop)."))
            return
        }
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("kei-render-\(UUID().uuidString)")
        try? fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }

        let fonts = PrintFonts.find(cache: fm.temporaryDirectory.appendingPathComponent("kei-pipeline-fonts"))
        if !fonts.missingPackages.isEmpty {
            context.emit(Messages.fontMissing.diagnostic(
                "Fonts for the print layout are missing (packages: \(fonts.missingPackages.joined(separator: ", "))); Korean or accented names may print as blanks or '#'.",
                at: here, fix: "apt-get install \(fonts.missingPackages.joined(separator: " "))"))
        }
        let base = context.entry.sourceURL?.deletingLastPathComponent() ?? context.workingDirectory
        let config = scratch.appendingPathComponent("fop.xconf")
        let pdfScratch = scratch.appendingPathComponent("out.pdf")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")
        try Data(FOPConfiguration(base: base, fonts: fonts).xml.utf8).write(to: config)

        let foURL = context.outputDirectory.appendingPathComponent(fo.relativePath)
        let outcome = Self.runFOP(fop, arguments: ["-q", "-c", config.path, "-fo", foURL.path, "-pdf", pdfScratch.path],
                                  stderr: stderrFile, timeout: timeout)
        let log = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        guard outcome == .finished(0), let pdf = try? Data(contentsOf: pdfScratch), pdf.starts(with: Array("%PDF".utf8)) else {
            let what: String
            switch outcome {
            case .timedOut: what = "did not finish within \(timeout) s and was stopped"
            case .finished(let status): what = "exited with status \(status)"
            case .notStarted(let reason): what = "could not be started (\(reason))"
            }
            context.emit(Messages.fopFailed.diagnostic(
                "FOP \(what) on \(fo.relativePath)\(Self.usefulLines(log).map { ": " + $0.joined(separator: " | ") } ?? "").",
                at: here, fix: "Look at the stylesheet's output in \(fo.relativePath) around the element FOP names; run fop by hand for the full log."))
            return
        }
        try context.writeArtifact(kind: "pdf", relativePath: "pdf/\(EmitJATSStage.fileStem(context.entry.id)).pdf", data: pdf)
    }

    /// The executable FOP command: the option's path, else `fop` in a PATH folder.
    static func findFOP(_ option: String) -> URL? {
        let fm = FileManager.default
        if !option.isEmpty { return fm.isExecutableFile(atPath: option) ? URL(fileURLWithPath: option) : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/fop"
            if fm.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    enum Outcome: Equatable {
        case finished(Int32)
        case timedOut
        case notStarted(String)
    }

    /// Runs the command with stdin empty, stdout discarded and stderr to a file; stops it after `timeout` s.
    static func runFOP(_ executable: URL, arguments: [String], stderr: URL, timeout: Int) -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        guard let errorHandle = try? FileHandle(forWritingTo: stderr) else { return .notStarted("no scratch file") }
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return .notStarted(error.localizedDescription) }
        if done.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + .seconds(5)) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
            return .timedOut
        }
        return .finished(process.terminationStatus)
    }

    /// FOP's error lines worth showing (at most three, each cut to 300 characters), without Java stack
    /// frames and the Debian wrapper's classpath warnings; nil when there are none.
    static func usefulLines(_ log: String) -> [String]? {
        let lines = log.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("at ") && !$0.hasPrefix("...") && !$0.hasPrefix("[warning] /usr/bin/fop") }
        let errors = lines.filter { $0.contains("ERROR") || $0.contains("SEVERE") || $0.contains("Exception") }
        let chosen = (errors.isEmpty ? lines : errors).prefix(3).map { String($0.prefix(300)) }
        return chosen.isEmpty ? nil : chosen
    }
}
