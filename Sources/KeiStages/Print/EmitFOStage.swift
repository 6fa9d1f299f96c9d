import Foundation
import KeiCore
import KeiDocument
import KeiXML

/// Writes the article's print layout as XSL-FO 1.1 (`fo/<article-id>.fo`) by running the journal's XSLT 1.0
/// stylesheet over the article's JATS 1.3 through libxslt (``XSLTTransform``: no network, no file writes).
///
/// - JATS in: the `jats` artifact `emit.jats` wrote earlier in this run, else the JATS rendered in memory
///   (``JATSWriter``, the same call `emit.jats` makes, without its checks).
/// - Stylesheet: the stage option `stylesheet`, else the journal's `print.stylesheet`, else
///   `Workflows/print/jats-to-fo.xsl` under the working directory.
/// - Parameters passed (literal strings): `running-head` (the journal's `print.running-head` expanded with
///   ``PublishingPattern``), `notes` (`print.notes`: footnotes | endnotes), `page-size` (A4 | letter),
///   `doi` (``ArticlePublication/doi``), `pdf-date` (the issue's cover date, so the PDF's dates are fixed),
///   `local-images` (`|`-separated graphic hrefs that are relative and exist next to the article's source;
///   `render.pdf` resolves them there, anything else prints as a placeholder box).
/// - Out: `fo/<id>.fo`, deterministic for the same JATS, stylesheet and workflow. A stylesheet that does not
///   compile or a failed transformation is reported as `emit.fo.failed` (error) with libxslt's messages.
public struct EmitFOStage: ArticleStage {
    /// Id `emit.fo`; options `stylesheet`, `page-size`; message `emit.fo.failed`.
    public static let description: StageDescription = {
        var d = StageDescription(
        id: "emit.fo",
        summary: "Write the article's print layout as XSL-FO (fo/<article>.fo) with the journal's XSLT stylesheet (libxslt).",
        kind: .emit,
        options: [
            StageOption("stylesheet", .string, default: .string(""),
                        "An XSLT 1.0 stylesheet from JATS to XSL-FO, a path inside the project relative to the working directory (no leading /, no '..'); empty → the journal's print.stylesheet, else Workflows/print/jats-to-fo.xsl."),
            StageOption("page-size", .string, default: .string("A4"),
                        "The page size passed to the stylesheet: A4 or letter."),
        ],
        messages: [Messages.failed, Messages.notAnImage],
        examples: [
            // The working folder of an example is not a project, so the examples cannot reach the shipped
            // stylesheet; the print tests (PrintEndToEndTests) run it on the issue's articles.
            StageExample("a stylesheet that cannot be read is reported and no XSL-FO is written", html: """
                <html lang="en"><head><title>A Title</title></head><body><main><article>
                <h1>A Title</h1><h2>First Section</h2><p>Some text that is long enough to count as the article body, with 한국어.</p>
                </article></main></body></html>
                """, expect: ["emit.fo.failed"], options: ["stylesheet": .string("Workflows/print/no-such-stylesheet.xsl")]),
        ]
        )
        // Read when neither the option nor the journal names a stylesheet: in the cache key (WorkflowLoader).
        d.defaultFiles = [defaultStylesheetPath]
        return d
    }()

    enum Messages {
        static let notAnImage = StageMessage("emit.fo.not-an-image", .warning,
            "A local figure file is not a PNG, JPEG, GIF or SVG image; it prints as a placeholder box.")
        static let failed = StageMessage("emit.fo.failed", .error,
            "The print stylesheet could not be compiled or failed on the article's JATS; no XSL-FO was written.")
    }

    /// The default stylesheet, relative to the working directory.
    public static let defaultStylesheetPath = "Workflows/print/jats-to-fo.xsl"

    let stylesheetOption: String
    let pageSize: String

    public init(options: StageOptions) throws {
        stylesheetOption = options.string("stylesheet") ?? ""
        // Like the journal's print.stylesheet: inside the project. The loader reports a throw at the option.
        if stylesheetOption.hasPrefix("/") || stylesheetOption.hasPrefix("~") || stylesheetOption.contains(":")
            || stylesheetOption.split(separator: "/").contains("..") {
            throw KeiError.usage("emit.fo: stylesheet must be a path inside the project, relative to it (no leading /, no '..', no URL); got '\(stylesheetOption)'")
        }
        let size = (options.string("page-size") ?? "A4")
        guard ["a4", "letter"].contains(size.lowercased()) else {
            throw KeiError.usage("emit.fo: page-size must be A4 or letter; got '\(size)'")
        }
        pageSize = size.lowercased() == "letter" ? "letter" : "A4"
    }

    /// Writes `fo/<article-id>.fo`; does nothing without an article model. Throws only when the file cannot
    /// be written.
    public func run(_ context: inout ArticleContext) throws {
        guard let article = context.article else { return }
        let stylesheetURL = stylesheet(in: context)
        let display = FileIO.displayPath(stylesheetURL, relativeTo: context.workingDirectory)
        let jats = try jatsData(article, context: &context)
        let publication = ArticlePublication(entry: context.entry, article: article, issue: context.issue)
        let images = Self.localImageFiles(in: jats, sourceFolder: context.entry.sourceURL?.deletingLastPathComponent())
        for href in images.notImages {
            context.emit(Messages.notAnImage.diagnostic(
                "The figure file '\(href)' is not a PNG, JPEG, GIF or SVG image; the PDF shows a placeholder box instead.",
                at: SourceLocation(file: context.sourceDisplayPath), fix: "Replace it with the real image file."))
        }
        let output: Data
        do {
            let transform = try XSLTTransform(contentsOf: stylesheetURL)
            output = try transform.apply(to: jats, parameters: parameters(publication, localImages: images.images, context: context))
        } catch let error as XSLTError {
            // Compile errors are located in the stylesheet (libxslt names the line), others at the article.
            let line = error.stage == .stylesheet ? Self.firstLine(in: error.messages) : nil
            context.emit(Messages.failed.diagnostic(
                "The print stylesheet \(display) failed (\(error.stage.rawValue)): \(error.messages.prefix(5).joined(separator: " | "))",
                at: line.map { SourceLocation(file: display, line: $0) } ?? SourceLocation(file: context.sourceDisplayPath),
                fix: "Correct the stylesheet (XSLT 1.0, producing XSL-FO 1.1) or point print.stylesheet in the journal file at a working one."))
            return
        }
        try context.writeArtifact(kind: "fo", relativePath: "fo/\(EmitJATSStage.fileStem(context.entry.id)).fo", data: output)
    }

    /// The first line number libxslt names in `messages` ("… line 3 element frobnicate").
    static func firstLine(in messages: [String]) -> Int? {
        for message in messages {
            guard let range = message.range(of: "line ") else { continue }
            let digits = message[range.upperBound...].prefix { $0.isNumber }
            if let line = Int(digits), line > 0 { return line }
        }
        return nil
    }

    func stylesheet(in context: ArticleContext) -> URL {
        if !stylesheetOption.isEmpty { return context.workingDirectory.appendingPathComponent(stylesheetOption).standardizedFileURL }
        if let url = context.issue.journal.print.stylesheetURL { return url }
        return context.workingDirectory.appendingPathComponent(Self.defaultStylesheetPath)
    }

    /// The JATS emit.jats wrote in this run, else rendered now.
    func jatsData(_ article: Article, context: inout ArticleContext) throws -> Data {
        if let written = context.artifacts.last(where: { $0.kind == "jats" }) {
            let url = context.outputDirectory.appendingPathComponent(written.relativePath)
            return try FileIO.read(url, display: written.relativePath, limit: context.limits.maxSourceBytes * 4,
                                   limitAdvice: "raise limits.max-source-bytes in the workflow if it is genuine")
        }
        let xml = JATSWriter.write(article, issue: context.issue, articleType: JATSWriter.defaultArticleType,
                                   citations: context.currentCitations())
        return Data(xml.utf8)
    }

    func parameters(_ publication: ArticlePublication, localImages: [String], context: ArticleContext) -> [String: String] {
        let issue = context.issue
        let values = PublishingPattern.values(issue: issue, articleID: context.entry.id, order: context.entry.order)
        let runningHead = issue.journal.print.runningHead?.expand(values) ?? issue.journal.title
        return [
            "running-head": runningHead,
            "notes": issue.journal.print.notes.rawValue,
            "page-size": pageSize,
            "doi": publication.doi ?? "",
            "pdf-date": issue.coverDate ?? "",
            "local-images": localImages.joined(separator: "|"),
        ]
    }

    /// The `graphic`/`inline-graphic` hrefs that are plain relative paths (no scheme, no `..`, no `|` or `"`)
    /// of image files in `sourceFolder` (looked up percent-decoded: `o'brien%20chart.png`), in document order
    /// without repeats.
    static func localImages(in jats: Data, sourceFolder: URL?) -> [String] {
        localImageFiles(in: jats, sourceFolder: sourceFolder).images
    }

    /// As ``localImages(in:sourceFolder:)``, plus the hrefs of local files that are not PNG, JPEG, GIF or SVG
    /// (by their first bytes); those print as a placeholder box.
    static func localImageFiles(in jats: Data, sourceFolder: URL?) -> (images: [String], notImages: [String]) {
        guard let sourceFolder, let root = MarkupParser.parseXML(jats).root else { return ([], []) }
        var seen = Set<String>()
        var images: [String] = [], notImages: [String] = []
        for href in root.descendants(named: ["graphic", "inline-graphic"]).compactMap({ $0[attribute: "xlink:href"] }) {
            let path = href.removingPercentEncoding ?? href
            guard !href.isEmpty, !path.contains(":"), !path.hasPrefix("/"), !href.contains("|"), !href.contains("\""),
                  !path.split(separator: "/").contains(".."), seen.insert(href).inserted else { continue }
            let file = sourceFolder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            if isImage(file) { images.append(href) } else { notImages.append(href) }
        }
        return (images, notImages)
    }

    /// True when the file starts like a PNG, JPEG, GIF or SVG (an `<svg` element within the first 1 KB).
    static func isImage(_ file: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 1024)) ?? Data())
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0xFF, 0xD8, 0xFF])
            || head.starts(with: Array("GIF8".utf8)) { return true }
        return String(decoding: head, as: UTF8.self).contains("<svg")
    }
}
