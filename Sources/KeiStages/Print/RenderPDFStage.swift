import Foundation
import KeiCore
import KeiDocument
import KeiXML

/// Renders the article's XSL-FO 1.1 (the `fo` artifact `emit.fo` wrote in this run) to `pdf/<article-id>.pdf`
/// with Apache FOP 2.8 (apt: fop), embedding DejaVu and Noto CJK KR fonts (``PrintFonts``) so Korean names print.
///
/// - FOP: the `fop` option (a path, or a bare command name looked up on PATH), else `fop` on PATH. Missing:
///   `render.pdf.fop-missing` (a warning saying how to install it; an error with `required: true`) and no PDF.
/// - Check first (``FOSafetyCheck``): an FO with XInclude, a DOCTYPE, `xml:base`, or a `src`/`url()` that is
///   not a relative path inside the article's source folder or the output folder is refused
///   (`render.pdf.unsafe-fo`, error) and FOP does not run.
/// - Run: `fop -q -c <temp fop.xconf> -fo fo/<id>.fo -pdf <temp file>` in a process group of its own with a
///   time limit (`timeout`, seconds, > 0; ``BoundedProcess`` stops the whole group); the PDF is then written
///   to the outputs atomically. The configuration (``FOPConfiguration``) and FOP's scratch file live in a
///   temporary folder that is removed afterwards.
/// - Failure, time-out or no PDF: `render.pdf.fop-failed` (error) with FOP's first error lines.
/// - FOP's "Glyph … not available in font" warnings: `render.pdf.missing-glyph` (warning naming the first
///   characters and the font); such characters print as `#`.
/// - Fonts not found: `render.pdf.font-missing` (warning naming the package); FOP then substitutes. The
///   Noto CJK members are extracted once into `$XDG_CACHE_HOME/kei-pipeline/fonts` (else
///   `~/.cache/kei-pipeline/fonts`, else the temporary folder).
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
                        "Seconds FOP may take for one article before it (and every process it started) is stopped (render.pdf.fop-failed); more than 0."),
        ],
        messages: [Messages.fopMissing, Messages.fopFailed, Messages.fontMissing, Messages.unsafeFO, Messages.missingGlyph],
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
        static let unsafeFO = StageMessage("render.pdf.unsafe-fo", .error,
            "The XSL-FO would make FOP read a URL or a file outside the article's folder (XInclude, DOCTYPE, src); FOP was not run.")
        static let missingGlyph = StageMessage("render.pdf.missing-glyph", .warning,
            "Characters the fonts do not have print as '#' in the PDF.")
    }

    let fopOption: String
    let required: Bool
    let timeout: Int

    public init(options: StageOptions) throws {
        fopOption = options.string("fop") ?? ""
        required = options.bool("required", default: false)
        timeout = options.int("timeout", default: 120)
        guard timeout > 0 else { throw KeiError.usage("render.pdf: timeout must be a number of seconds above 0; got \(timeout)") }
    }

    /// Writes `pdf/<article-id>.pdf`; does nothing when no `fo` artifact was written in this run.
    /// Throws only when the PDF cannot be written to the outputs.
    public func run(_ context: inout ArticleContext) throws {
        guard let fo = context.artifacts.last(where: { $0.kind == "fo" }) else { return }
        let here = SourceLocation(file: context.sourceDisplayPath)
        let foURL = context.outputDirectory.appendingPathComponent(fo.relativePath)
        let base = context.entry.sourceURL?.deletingLastPathComponent() ?? context.workingDirectory
        let command = fopOption.contains("/") && !fopOption.hasPrefix("/")
            ? context.workingDirectory.appendingPathComponent(fopOption).path : fopOption
        guard let fop = Self.findFOP(command) else {
            var message = Messages.fopMissing
            if required { message.severity = .error }
            var isFolder: ObjCBool = false
            let folder = FileManager.default.fileExists(atPath: command, isDirectory: &isFolder) && isFolder.boolValue
            context.emit(message.diagnostic(
                fopOption.isEmpty ? "Apache FOP was not found on PATH; no PDF was made for this article (install: apt-get install fop fonts-noto-cjk)."
                    : folder ? "The FOP command '\(fopOption)' is a folder, not the fop program; no PDF was made (name the program, e.g. /usr/bin/fop)."
                    : "The FOP command '\(fopOption)' does not exist or is not executable; no PDF was made (install: apt-get install fop fonts-noto-cjk).",
                at: here, fix: "Install it: apt-get install fop fonts-noto-cjk fonts-dejavu-core (or set the stage option fop: /path/to/fop)."))
            return
        }
        let foData = (try? Data(contentsOf: foURL)) ?? Data()
        if let problem = FOSafetyCheck.problem(in: foData, base: base, allowedFolders: [base, context.outputDirectory]) {
            context.emit(Messages.unsafeFO.diagnostic(
                "FOP was not run on \(fo.relativePath): \(problem).",
                at: here, fix: "Change the print stylesheet: no XInclude or DOCTYPE, and graphics only as relative paths to files next to the article."))
            return
        }
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("kei-render-\(UUID().uuidString)")
        try? fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }

        let fonts = PrintFonts.find(cache: PrintFonts.cacheFolder())
        if !fonts.missingPackages.isEmpty {
            context.emit(Messages.fontMissing.diagnostic(
                "Fonts for the print layout are missing (packages: \(fonts.missingPackages.joined(separator: ", "))); Korean or accented names may print as blanks or '#'.",
                at: here, fix: "apt-get install \(fonts.missingPackages.joined(separator: " "))"))
        }
        let config = scratch.appendingPathComponent("fop.xconf")
        let pdfScratch = scratch.appendingPathComponent("out.pdf")
        let stderrFile = scratch.appendingPathComponent("stderr.txt")
        try Data(FOPConfiguration(base: base, fonts: fonts).xml.utf8).write(to: config)

        let outcome = BoundedProcess(executable: fop, arguments: ["-q", "-c", config.path, "-fo", foURL.path, "-pdf", pdfScratch.path],
                                     stderr: stderrFile, timeout: Double(timeout)).run()
        let log = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
        // A PDF is published only when its page tree can be read (a truncated file is no PDF, whatever its header says).
        guard outcome == .finished(0), let pdf = try? Data(contentsOf: pdfScratch), PDFPageCounter.pageCount(pdf) != nil else {
            let what: String
            switch outcome {
            case .timedOut: what = "did not finish within \(timeout) s and was stopped"
            case .finished(0):
                what = fm.fileExists(atPath: pdfScratch.path) ? "exited with status 0 but wrote a file that is not a readable PDF (no page tree: truncated or damaged), so no PDF was published"
                                                               : "exited with status 0 but wrote no PDF"
            case .finished(let status): what = "exited with status \(status)"
            case .notStarted(let reason): what = "could not be started (\(reason))"
            }
            context.emit(Messages.fopFailed.diagnostic(
                "FOP \(what) on \(fo.relativePath)\(Self.usefulLines(log).map { ": " + $0.joined(separator: " | ") } ?? "").",
                at: here, fix: "Look at the stylesheet's output in \(fo.relativePath) around the element FOP names; run fop by hand for the full log."))
            return
        }
        if let glyphs = MissingGlyphs(log: log) {
            context.emit(Messages.missingGlyph.diagnostic(
                "The PDF prints '#' for \(glyphs.summary).",
                at: here, fix: "Install a font that has these characters (apt-get install fonts-dejavu-core fonts-noto-cjk) or replace them in the source."))
        }
        try context.writeArtifact(kind: "pdf", relativePath: "pdf/\(EmitJATSStage.fileStem(context.entry.id)).pdf", data: pdf)
    }

    /// The executable FOP command: the option's path, else `fop` in a PATH folder.
    static func findFOP(_ option: String) -> URL? {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        func executable(_ path: String) -> Bool {
            fm.isExecutableFile(atPath: path) && fm.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        if option.contains("/") { return executable(option) ? URL(fileURLWithPath: option) : nil }
        let name = option.isEmpty ? "fop" : option
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if executable(candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
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
