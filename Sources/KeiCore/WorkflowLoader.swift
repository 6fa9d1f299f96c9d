import Foundation
import KeiDates
import KeiDocument
import Yams

/// Loads and validates workflow files (`Workflows/*.yml`) and the journal files they name.
///
/// Every problem (YAML syntax, unknown key, unknown stage id, wrong option type, missing source
/// file, a path escaping the project, an invalid date) is collected with file, line and column
/// and thrown together as a ``WorkflowError`` before any work starts.
public struct WorkflowLoader: Sendable {
    public let registry: StageRegistry
    /// The folder relative paths on the command line and in reports are resolved against.
    public let workingDirectory: URL

    static let workflowKeys = ["name", "title", "description", "journal", "volume", "number", "cover-date",
                               "output", "articles", "stages", "gates", "limits", "style", "timeline", "deposit"]
    static let articleKeys = ["id", "title", "source", "authors", "status", "subject", "article-type", "keywords", "doi"]
    static let authorKeys = ["name", "surname", "given-names", "affiliation", "orcid", "email", "corresponding", "group"]
    static let depositKeys = ["batch-id", "timestamp"]
    static let printKeys = ["notes", "stylesheet", "running-head"]
    static let crossrefKeys = ["depositor-name", "depositor-email", "registrant"]
    static let stageKeys = ["id", "options"]
    static let gateKeys = ["fail-on"]
    static let limitKeys = ["max-source-bytes", "max-elements", "max-findings-per-rule", "max-words"]
    static let journalKeys = ["id", "title", "abbreviated-title", "publisher", "publisher-location", "issn-print",
                              "issn-online", "license", "license-url", "style", "timeline", "manuscript",
                              "doi-pattern", "elocation-id", "resource-url", "article-category", "print", "crossref"]
    static let manuscriptKeys = ["min-words", "max-words", "abstract", "parts"]
    static let manuscriptParts = ["title", "abstract", "body", "notes", "appendix"]

    public init(registry: StageRegistry, workingDirectory: URL) {
        self.registry = registry
        self.workingDirectory = workingDirectory.standardizedFileURL
    }

    /// Finds a workflow by name (`issue-3-2` → `Workflows/issue-3-2.yml`) or by path.
    public func resolve(_ nameOrPath: String) throws -> URL {
        let fm = FileManager.default
        let direct = url(for: nameOrPath)
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yml") || nameOrPath.hasSuffix(".yaml") {
            if fm.fileExists(atPath: direct.path) { return direct }
        }
        for ext in ["yml", "yaml"] {
            let candidate = workingDirectory.appendingPathComponent("Workflows/\(nameOrPath).\(ext)")
            if fm.fileExists(atPath: candidate.path) { return candidate }
            // A link that exists but leads nowhere resolvable (a loop) is named, not reported as missing.
            if PathPolicy.exists(candidate.path), FileIO.inputProblem(candidate.path) == .loop {
                throw KeiError.input(path: "Workflows/\(nameOrPath).\(ext)", FileIO.InputProblem.loop.message)
            }
        }
        if PathPolicy.exists(direct.path), FileIO.inputProblem(direct.path) == .loop {
            throw KeiError.input(path: nameOrPath, FileIO.InputProblem.loop.message)
        }
        if fm.fileExists(atPath: direct.path) { return direct }
        let available = availableWorkflows()
        let list = available.isEmpty ? "no Workflows/ folder here" : "available: " + available.joined(separator: ", ")
        throw KeiError.usage("no workflow '\(nameOrPath)': looked for Workflows/\(nameOrPath).yml and the path \(nameOrPath) (\(list))")
    }

    /// The workflow names under `Workflows/` in the working directory (not the timeline knowledge base,
    /// `Workflows/timeline.yml`, which is data the journal names).
    public func availableWorkflows() -> [String] {
        let dir = workingDirectory.appendingPathComponent("Workflows")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
            .map { String($0.prefix(upTo: $0.lastIndex(of: ".") ?? $0.endIndex)) }
            .filter { $0 != "timeline" }
            .sorted()
    }

    func url(for path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)).standardizedFileURL
    }

    func display(_ url: URL) -> String {
        FileIO.displayPath(url, relativeTo: workingDirectory)
    }

    /// Loads a workflow file.
    /// - Parameters:
    ///   - extraSources: ad-hoc article files (for `kei-pipeline check` and batch back issues), added after the workflow's articles;
    ///     they must exist and be regular files (else ``KeiError/input(path:_:)``); their size is checked when ingest reads them.
    ///   - outputOverride: replaces the workflow's `output` folder (`--output`).
    public func load(_ url: URL, extraSources: [URL] = [], outputOverride: URL? = nil) throws -> Workflow {
        let displayPath = display(url)
        let data = try FileIO.read(url, display: displayPath, limit: YAMLLimits.workflow.maximumBytes,
                                   limitAdvice: YAMLLimits.workflow.sizeAdvice)
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkflowError([.init(SourceLocation(file: displayPath, line: 1), "the workflow file is not valid UTF-8")])
        }
        let folder = url.deletingLastPathComponent()
        let root = folder.lastPathComponent == "Workflows" ? folder.deletingLastPathComponent() : folder
        var workflow = try load(text: text, displayPath: displayPath, folder: folder, projectRoot: root,
                                defaultName: url.deletingPathExtension().lastPathComponent,
                                extraSources: extraSources, outputOverride: outputOverride)
        workflow.configurationFiles.insert(url, at: 0)
        return workflow
    }

    /// Loads workflow text; `folder` is where relative journal paths start, `projectRoot` where
    /// source and output paths start (and which they may not escape).
    public func load(text: String, displayPath: String, folder: URL, projectRoot: URL, defaultName: String,
                     extraSources: [URL] = [], outputOverride: URL? = nil) throws -> Workflow {
        var r = YAMLReader(file: displayPath)
        let root = projectRoot.standardizedFileURL
        guard let node = r.compose(text, limits: .workflow) else {
            if r.problems.isEmpty { r.problem(nil, "the workflow file is empty") }
            throw WorkflowError(r.problems)
        }
        var name = defaultName
        var issue = IssueInfo()
        var articles: [ArticleEntry] = []
        var stages: [StageInvocation] = []
        var gate = GatePolicy()
        var limits = Limits()
        var output = root.appendingPathComponent("out/\(defaultName)")
        var sawStages = false
        var stagesNode: Node?
        var issueStyle: URL?
        var issueTimeline: URL?
        // The journal file could not be read or parsed (already reported): its style and timeline are
        // unknown, so stages are not told they lack one.
        var journalBroken = false
        // Where the journal file gives its doi-pattern and elocation-id (checked once the articles are known).
        var patternSites: [String: SourceLocation] = [:]

        let entries = r.entries(node, in: "the workflow", allowed: Self.workflowKeys) ?? []
        // Limits first: they apply to source checks below.
        for e in entries where e.key == "limits" {
            for l in r.entries(e.value, in: "limits", allowed: Self.limitKeys) ?? [] {
                if let n = r.int(l.value, "limits.\(l.key)") {
                    if l.key == "max-findings-per-rule" {
                        guard n >= 0 else { r.problem(l.value, "limits.max-findings-per-rule must be 0 (no cap) or positive"); continue }
                        limits.maxFindingsPerRule = n
                        continue
                    }
                    if l.key == "max-words" {
                        guard n >= 0 else { r.problem(l.value, "limits.max-words must be 0 (no limit) or positive"); continue }
                        limits.maxWords = n
                        continue
                    }
                    guard n > 0 else { r.problem(l.value, "limits.\(l.key) must be positive"); continue }
                    if l.key == "max-elements" { limits.maxElements = n } else { limits.maxSourceBytes = n }
                }
            }
        }
        for e in entries {
            switch e.key {
            case "name":
                if let s = r.string(e.value, "name") { name = s }
            case "title":
                issue.title = r.string(e.value, "title")
            case "description":
                _ = r.string(e.value, "description")
            case "journal":
                if let path = r.string(e.value, "journal") {
                    issue.journal = loadJournal(path, from: folder, root: root, node: e.value, unreadable: &journalBroken,
                                                patternSites: &patternSites, reader: &r)
                }
            case "volume":
                issue.volume = r.string(e.value, "volume")
            case "number":
                issue.number = r.string(e.value, "number")
            case "cover-date":
                if let s = r.string(e.value, "cover-date") {
                    if let d = PublicationDate(iso: s) { issue.coverDate = d.iso } else {
                        r.problem(e.value, "cover-date '\(s)' is not a valid ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)")
                    }
                }
            case "output":
                if let s = r.string(e.value, "output") {
                    if let u = inside(root, s, node: e.value, what: "output folder", reader: &r) { output = u }
                }
            case "articles":
                articles = loadArticles(e.value, root: root, limits: limits, reader: &r)
            case "stages":
                sawStages = true
                stagesNode = e.value
            case "style":
                if let path = r.string(e.value, "style") {
                    if let u = inside(root, path, base: folder, node: e.value, what: "style file", reader: &r) {
                        if FileManager.default.fileExists(atPath: u.path) { issueStyle = u } else {
                            r.problem(e.value, "style file '\(path)' not found (looked at \(display(u)))")
                        }
                    }
                }
            case "timeline":
                if let path = r.string(e.value, "timeline") {
                    issueTimeline = existingFile(path, base: folder, root: root, node: e.value, what: "timeline file", reader: &r)
                }
            case "deposit":
                issue.deposit = loadDeposit(e.value, reader: &r)
            case "gates":
                for g in r.entries(e.value, in: "gates", allowed: Self.gateKeys) ?? [] {
                    guard let s = r.string(g.value, "gates.fail-on") else { continue }
                    if s == "never" { gate.failOn = nil } else if let sev = Severity(rawValue: s) { gate.failOn = sev } else {
                        r.problem(g.value, "gates.fail-on must be one of error, warning, info, never; got '\(s)'")
                    }
                }
            default:
                break
            }
        }
        if !sawStages { r.problem(node, "the workflow has no 'stages' list: name at least ingest.html") }
        // Stages last: they are built with the journal's and the workflow's house style.
        var style: StyleSheet?
        var styleBroken = journalBroken
        let styleFiles = [issue.journal.styleURL, issueStyle].compactMap { $0 }
        var styleFilesRead = styleFiles
        if !styleFiles.isEmpty {
            do {
                style = try StyleLoader(root: root, display: { [self] in display($0) })
                    .load(styleFiles, manuscript: issue.journal.manuscript, filesRead: &styleFilesRead)
            } catch let error as WorkflowError {
                r.problems += error.problems
                styleBroken = true
            } catch {
                r.problem(nil, "cannot load the house style: \(error)")
                styleBroken = true
            }
        }
        // The timeline: the workflow's own, else the journal's; loaded once for every stage.
        var timeline: Timeline?
        if let file = issueTimeline ?? issue.journal.timelineURL {
            do {
                timeline = try TimelineLoader(display: { [self] in display($0) }).load(file)
                    .relabeled(file: FileIO.displayPath(file, relativeTo: root))
            } catch let error as WorkflowError {
                r.problems += error.problems
            } catch {
                r.problem(nil, "cannot load the timeline: \(error)")
            }
        }
        if let stagesNode {
            stages = loadStages(stagesNode, style: style, timeline: timeline, styleBroken: styleBroken, reader: &r)
        }
        // Ad-hoc sources (kei-pipeline check): ids from file stems, made unique.
        var ids = Set(articles.map(\.id))
        var stemCounts: [String: Int] = [:]
        for src in extraSources { stemCounts[Self.slug(src.deletingPathExtension().lastPathComponent), default: 0] += 1 }
        for src in extraSources {
            let shown = display(src)
            if let target = PathPolicy.linkTargetOutside(src, root: root) {
                throw KeiError.input(path: shown, "\(shown) is a symbolic link to a file outside the project (\(target)); "
                    + "kei-pipeline does not follow links out of the project")
            }
            switch FileIO.inputProblem(src.path) {
            case nil: break
            case .directory?: throw KeiError.input(path: shown, "is a directory, not an article file")
            case .notRegular?: throw KeiError.input(path: shown, "is not a regular file (a device, pipe or socket cannot be an article)")
            case let problem?: throw KeiError.input(path: shown, problem.message)
            }
            // Its size is not checked here: a page over limits.max-source-bytes fails its own ingest stage
            // (pipeline.stage-failed), so the other pages of a check or a batch issue still run.
            var id = Self.slug(src.deletingPathExtension().lastPathComponent)
            if stemCounts[id, default: 0] > 1 || ids.contains(id) {
                // One file name in several folders (aclu/source.html, cnn/source.html): name each by its folder too.
                id = Self.slug(src.deletingLastPathComponent().lastPathComponent) + "-" + id
            }
            if ids.contains(id) {
                var n = 2
                while ids.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            ids.insert(id)
            articles.append(ArticleEntry(id: id, source: shown, sourceURL: src.standardizedFileURL, status: .received))
        }
        for i in articles.indices { articles[i].order = i + 1 }
        Self.checkIdentifiers(issue, articles, patternSites: patternSites, reader: &r)
        if !r.problems.isEmpty { throw WorkflowError(Self.ordered(r.problems)) }
        var workflow = Workflow(name: name, displayPath: displayPath, projectRoot: root, issue: issue, articles: articles,
                                stages: stages, gate: gate, outputDirectory: outputOverride ?? output, limits: limits)
        workflow.configurationFiles = Self.dependencies(
            [issue.journal.fileURL].compactMap { $0 } + styleFilesRead
                + [issueTimeline ?? issue.journal.timelineURL].compactMap { $0 },
            stylesheets: [issue.journal.print.stylesheetURL].compactMap { $0 },
            stages: stages, bases: [workingDirectory, root])
        return workflow
    }

    /// Every file a run's results depend on besides the sources, for ``Workflow/configurationFiles``
    /// (the cache key hashes their bytes): `files` (journal, every style layer read, timeline), each XSLT
    /// stylesheet and every regular file in its folder (what it may `xsl:import`/`xsl:include`), and each
    /// string option of a stage that names an existing regular file relative to one of `bases` (e.g.
    /// `emit.fo`'s `stylesheet`; such a stylesheet's folder too). Standardized URLs, no duplicates, in that order.
    static func dependencies(_ files: [URL], stylesheets: [URL], stages: [StageInvocation], bases: [URL]) -> [URL] {
        var xsl = stylesheets
        var out = files
        for inv in stages {
            for (_, value) in inv.options.values.sorted(by: { $0.key < $1.key }) {
                guard case .string(let path) = value, !path.isEmpty else { continue }
                for base in bases {
                    let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
                    var isDir: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                    if url.pathExtension.lowercased() == "xsl" || url.pathExtension.lowercased() == "xslt" { xsl.append(url) } else { out.append(url) }
                    break
                }
            }
        }
        // Files stages read by default (emit.fo's default stylesheet) count as if an option named them.
        for inv in stages {
            for path in inv.type.description.defaultFiles {
                for base in bases {
                    let url = base.appendingPathComponent(path).standardizedFileURL
                    var isDir: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                    if url.pathExtension.lowercased() == "xsl" || url.pathExtension.lowercased() == "xslt" { xsl.append(url) } else { out.append(url) }
                    break
                }
            }
        }
        for sheet in xsl {
            out.append(sheet)
            let folder = sheet.deletingLastPathComponent()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() {
                let url = folder.appendingPathComponent(name).standardizedFileURL
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { out.append(url) }
            }
        }
        var seen = Set<String>()
        return out.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
    }

    /// Problems in reading order: file by file (in first-mention order), then line and column.
    static func ordered(_ problems: [WorkflowError.Problem]) -> [WorkflowError.Problem] {
        var fileOrder: [String: Int] = [:]
        for p in problems where fileOrder[p.location.file] == nil { fileOrder[p.location.file] = fileOrder.count }
        return problems.enumerated().sorted { a, b in
            let x = a.element.location, y = b.element.location
            if x.file != y.file { return fileOrder[x.file, default: 0] < fileOrder[y.file, default: 0] }
            if x.line != y.line { return x.line < y.line }
            if (x.column ?? 0) != (y.column ?? 0) { return (x.column ?? 0) < (y.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// A file-name-safe id from a file stem.
    static func slug(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) || ch == "-" || ch == "_" || ch == "." { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        return trimmed.isEmpty ? "article" : trimmed
    }

    /// True for an article id: lower-case ASCII letters, digits, `-`, `_`, `.`, starting with a letter or digit.
    public static func isValidID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.lowercaseLetters.contains($0) || CharacterSet.decimalDigits.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    /// Resolves `path` against `base` and checks it stays inside `root` (``PathPolicy/isInside(_:root:)``:
    /// symbolic links resolved, also for folders not created yet).
    func inside(_ root: URL, _ path: String, base: URL? = nil, node: Node, what: String, reader r: inout YAMLReader) -> URL? {
        if path.isEmpty {
            r.problem(node, "\(what) path is empty")
            return nil
        }
        let start = base ?? root
        let u = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : start.appendingPathComponent(path)).standardizedFileURL
        guard PathPolicy.isInside(u, root: root) else {
            // A link loop cannot be resolved: say so rather than that it leaves the project.
            if PathPolicy.resolve(u.path) == nil, FileIO.inputProblem(u.path) == .loop {
                r.problem(node, "\(what) '\(path)' cannot be read: \(FileIO.InputProblem.loop.message) (looked at \(display(u)))")
                return nil
            }
            r.problem(node, "\(what) '\(path)' escapes the project folder \(root.path); keep workflow paths inside it")
            return nil
        }
        return u
    }

    /// `path` resolved against `base`, inside the project and existing; nil (with a problem) otherwise.
    func existingFile(_ path: String, base: URL, root: URL, node: Node, what: String, reader r: inout YAMLReader) -> URL? {
        guard let u = inside(root, path, base: base, node: node, what: what, reader: &r) else { return nil }
        switch FileIO.inputProblem(u.path) {
        case nil:
            return u
        case .missing?:
            r.problem(node, "\(what) '\(path)' not found (looked at \(display(u)))")
        case .directory?:
            r.problem(node, "\(what) '\(path)' is a directory (\(display(u))): name a file")
        case let problem?:
            r.problem(node, "\(what) '\(path)' cannot be read: \(problem.message) (looked at \(display(u)))")
        }
        return nil
    }

    /// The journal file at `path`; `unreadable` is set when it cannot be read or parsed (reported in `r`).
    func loadJournal(_ path: String, from folder: URL, root: URL, node: Node, unreadable: inout Bool,
                     patternSites: inout [String: SourceLocation], reader r: inout YAMLReader) -> JournalInfo {
        var journal = JournalInfo()
        guard let url = inside(root, path, base: folder, node: node, what: "journal file", reader: &r) else { return journal }
        let shown = display(url)
        journal.displayPath = shown
        journal.fileURL = url
        let data: Data
        do {
            data = try FileIO.read(url, display: shown, limit: YAMLLimits.journal.maximumBytes, limitAdvice: YAMLLimits.journal.sizeAdvice)
        } catch let KeiError.input(_, message) where FileManager.default.fileExists(atPath: url.path) {
            // Exists but cannot be read: too large, a folder, no permission; the reason names the cap.
            r.problem(node, "journal file '\(path)' cannot be read (\(shown)): \(message)")
            unreadable = true
            return journal
        } catch {
            r.problem(node, "journal file '\(path)' not found or unreadable (looked at \(shown))")
            unreadable = true
            return journal
        }
        guard let text = String(data: data, encoding: .utf8) else {
            r.problem(node, "journal file '\(path)' is not valid UTF-8 (\(shown))")
            unreadable = true
            return journal
        }
        var jr = YAMLReader(file: shown)
        guard let jn = jr.compose(text, limits: .journal) else {
            if jr.problems.isEmpty { jr.problem(nil, "the journal file is empty") }
            r.problems += jr.problems
            unreadable = true
            return journal
        }
        var sawTitle = false
        for e in jr.entries(jn, in: "the journal file", allowed: Self.journalKeys) ?? [] {
            if e.key == "manuscript" {
                journal.manuscript = loadManuscript(e.value, reader: &jr)
                continue
            }
            if e.key == "print" {
                journal.print = loadPrint(e.value, journalFolder: url.deletingLastPathComponent(), root: root, reader: &jr)
                continue
            }
            if e.key == "crossref" {
                journal.crossref = loadCrossref(e.value, reader: &jr)
                continue
            }
            guard let v = jr.string(e.value, e.key) else { continue }
            switch e.key {
            case "id": journal.id = v
            case "title": journal.title = v; sawTitle = true
            case "abbreviated-title": journal.abbreviatedTitle = v
            case "publisher": journal.publisher = v
            case "publisher-location": journal.publisherLocation = v
            case "issn-print": journal.issnPrint = v
            case "issn-online": journal.issnOnline = v
            case "license": journal.license = v
            case "license-url": journal.licenseURL = v
            case "doi-pattern":
                journal.doiPattern = pattern(v, e.value, key: e.key, reader: &jr)
                patternSites[e.key] = jr.location(e.value)
            case "elocation-id":
                journal.elocationPattern = pattern(v, e.value, key: e.key, reader: &jr)
                patternSites[e.key] = jr.location(e.value)
            case "resource-url": journal.resourceURLPattern = pattern(v, e.value, key: e.key, reader: &jr)
            case "article-category": journal.articleCategory = v
            case "style":
                if let s = inside(root, v, base: url.deletingLastPathComponent(), node: e.value, what: "style file", reader: &jr) {
                    if FileManager.default.fileExists(atPath: s.path) { journal.styleFile = display(s); journal.styleURL = s } else {
                        jr.problem(e.value, "style file '\(v)' not found (looked at \(display(s)))")
                    }
                }
            case "timeline":
                journal.timelineURL = existingFile(v, base: url.deletingLastPathComponent(), root: root, node: e.value,
                                                   what: "timeline file", reader: &jr)
            default: break
            }
        }
        if !sawTitle { jr.problem(jn, "the journal file has no 'title'") }
        r.problems += jr.problems
        return journal
    }

    /// The journal's `manuscript` section: `min-words`, `max-words` (main text, notes excluded),
    /// `abstract: required|optional`, `parts` (the order of the parts it asks for).
    func loadManuscript(_ node: Node, reader r: inout YAMLReader) -> ManuscriptSpec {
        var spec = ManuscriptSpec()
        for e in r.entries(node, in: "manuscript", allowed: Self.manuscriptKeys) ?? [] {
            switch e.key {
            case "min-words": spec.minWords = r.int(e.value, "manuscript.min-words")
            case "max-words": spec.maxWords = r.int(e.value, "manuscript.max-words")
            case "abstract":
                if let s = r.string(e.value, "manuscript.abstract") {
                    if s == "required" || s == "optional" { spec.abstractRequired = s == "required" } else {
                        r.problem(e.value, "manuscript.abstract must be 'required' or 'optional'; got '\(s)'")
                    }
                }
            case "parts":
                for p in r.stringList(e.value, "manuscript.parts") ?? [] {
                    if Self.manuscriptParts.contains(p) { spec.parts.append(p) } else {
                        r.problem(e.value, "manuscript.parts: unknown part '\(p)'; parts: \(Self.manuscriptParts.joined(separator: ", "))")
                    }
                }
            default: break
            }
        }
        if let lo = spec.minWords, let hi = spec.maxWords, lo > hi {
            r.problem(node, "manuscript.min-words (\(lo)) is above manuscript.max-words (\(hi))")
        }
        return spec
    }

    /// A ``PublishingPattern`` from the journal file, or a problem at its line.
    /// `doi-pattern` must expand to a DOI (``IdentifierRules/isDOI(_:)``), `resource-url` to an absolute
    /// http(s) URL (``IdentifierRules/isHTTPURL(_:)``); no pattern may be empty.
    func pattern(_ text: String, _ node: Node, key: String = "", reader r: inout YAMLReader) -> PublishingPattern? {
        let p: PublishingPattern
        do { p = try PublishingPattern(text) } catch {
            r.problem(node, "\(key.isEmpty ? "" : key + ": ")\(error.description)")
            return nil
        }
        let sample = p.sample ?? text
        if key == "doi-pattern", !IdentifierRules.isDOI(sample) {
            r.problem(node, "doi-pattern '\(text)' does not give a DOI (it gives '\(sample)'): a DOI is 10. + 4 to 9 digits + / + a suffix, without spaces or \"<>, e.g. \"10.12345/kp.{volume}.{number}.{order}\"")
            return nil
        }
        if key == "resource-url", !IdentifierRules.isHTTPURL(sample) {
            r.problem(node, "resource-url '\(text)' does not give an absolute http(s) URL without spaces (it gives '\(sample)'), e.g. \"https://keia.org/korea-policy/{volume}/{number}/{id}\"")
            return nil
        }
        if key == "elocation-id", sample.contains(where: \.isWhitespace) {
            r.problem(node, "elocation-id '\(text)' must not contain spaces, e.g. \"e{volume}{number}{order:2}\"")
            return nil
        }
        return p
    }

    /// Identifiers that must differ per article: with more than one article, a `doi-pattern` or
    /// `elocation-id` without `{order}` or `{id}` (reported at the journal file's line), and two articles
    /// with the same DOI (an entry's `doi:` or the pattern's; reported at the later entry).
    static func checkIdentifiers(_ issue: IssueInfo, _ articles: [ArticleEntry], patternSites: [String: SourceLocation],
                                 reader r: inout YAMLReader) {
        guard articles.count > 1 else { return }
        for (key, p) in [("doi-pattern", issue.journal.doiPattern), ("elocation-id", issue.journal.elocationPattern)] {
            guard let p, !p.isPerArticle else { continue }
            r.problems.append(.init(patternSites[key] ?? SourceLocation(file: issue.journal.displayPath ?? r.file, line: 1),
                "\(key) '\(p.text)' has no {order} or {id}, so all \(articles.count) articles of the issue would get the same identifier; add {order:2} or {id}"))
        }
        var owner: [String: String] = [:]
        for a in articles {
            let values = PublishingPattern.values(issue: issue, articleID: a.id, order: a.order)
            guard let doi = a.doi ?? issue.journal.doiPattern?.expand(values) else { continue }
            if let first = owner[doi.lowercased()] {
                r.problems.append(.init(a.declaredAt ?? SourceLocation(file: r.file, line: 1),
                    "article '\(a.id)' has the DOI \(doi), which article '\(first)' already has: every article needs its own DOI"))
            } else {
                owner[doi.lowercased()] = a.id
            }
        }
    }

    /// The journal's `print` section: `notes: footnotes|endnotes`, `stylesheet` (an XSLT file, relative
    /// to the journal file), `running-head` (a ``PublishingPattern``).
    func loadPrint(_ node: Node, journalFolder: URL, root: URL, reader r: inout YAMLReader) -> PrintSpec {
        var spec = PrintSpec()
        for e in r.entries(node, in: "print", allowed: Self.printKeys) ?? [] {
            guard let v = r.string(e.value, "print.\(e.key)") else { continue }
            switch e.key {
            case "notes":
                if let p = PrintSpec.NotePlacement(rawValue: v) { spec.notes = p } else {
                    r.problem(e.value, "print.notes must be one of \(PrintSpec.NotePlacement.allCases.map(\.rawValue).joined(separator: ", ")); got '\(v)'")
                }
            case "stylesheet":
                spec.stylesheetURL = existingFile(v, base: journalFolder, root: root, node: e.value, what: "print stylesheet", reader: &r)
            case "running-head":
                spec.runningHead = pattern(v, e.value, reader: &r)
            default: break
            }
        }
        return spec
    }

    /// The journal's `crossref` section: `depositor-name`, `depositor-email`, `registrant`.
    func loadCrossref(_ node: Node, reader r: inout YAMLReader) -> CrossrefSpec {
        var spec = CrossrefSpec()
        for e in r.entries(node, in: "crossref", allowed: Self.crossrefKeys) ?? [] {
            guard let v = r.string(e.value, "crossref.\(e.key)") else { continue }
            switch e.key {
            case "depositor-name": spec.depositorName = v
            case "depositor-email":
                if IdentifierRules.isEmailAddress(v) { spec.depositorEmail = v } else {
                    r.problem(e.value, "crossref.depositor-email '\(v)' is not an e-mail address (name@example.org: one @, no spaces or <>&\")")
                }
            case "registrant": spec.registrant = v
            default: break
            }
        }
        return spec
    }

    /// The workflow's `deposit` section: `batch-id`, `timestamp` (digits only, at most 19, as Crossref's
    /// schema allows for `xsd:integer` timestamps in practice: yyyyMMddHHmmss is 14).
    func loadDeposit(_ node: Node, reader r: inout YAMLReader) -> DepositSpec {
        var spec = DepositSpec()
        for e in r.entries(node, in: "deposit", allowed: Self.depositKeys) ?? [] {
            guard let v = r.string(e.value, "deposit.\(e.key)") else { continue }
            switch e.key {
            case "batch-id":
                if !(4...100).contains(v.unicodeScalars.count) {
                    r.problem(e.value, "deposit.batch-id must be 4 to 100 characters (Crossref's doi_batch_id); '\(v)' has \(v.unicodeScalars.count)")
                } else { spec.batchID = v }
            case "timestamp":
                if !v.isEmpty, v.count <= 19, v.allSatisfy({ $0.isASCII && $0.isNumber }) { spec.timestamp = v } else {
                    r.problem(e.value, "deposit.timestamp must be digits, e.g. 20251215090000 (yyyyMMddHHmmss); got '\(v)'")
                }
            default: break
            }
        }
        return spec
    }

    /// An article's `authors:` (a list, or one item); the same person twice (``PersonNameKey``)
    /// is a problem at the second one's line.
    func loadContributors(_ node: Node, reader r: inout YAMLReader) -> [ContributorEntry] {
        var out: [ContributorEntry] = []
        for item in node.sequence ?? [node] {
            guard let c = loadContributor(item, reader: &r) else { continue }
            if let same = out.first(where: { PersonNameKey.same($0.name, c.name) }) {
                r.problem(item, "author '\(c.name)' is listed twice for this article (same name as '\(same.name)'): keep one entry")
                continue
            }
            out.append(c)
        }
        return out
    }

    /// One `authors:` item: a name, or a mapping `{name, affiliation, orcid, email, corresponding}`.
    func loadContributor(_ node: Node, reader r: inout YAMLReader) -> ContributorEntry? {
        if let s = node.scalar?.string { return ContributorEntry(name: s) }
        var c = ContributorEntry(name: "")
        var sawName = false
        for e in r.entries(node, in: "an author", allowed: Self.authorKeys) ?? [] {
            if e.key == "corresponding" {
                c.corresponding = r.bool(e.value, "author corresponding") ?? false
                continue
            }
            if e.key == "group" {
                c.group = r.bool(e.value, "author group")
                continue
            }
            guard let v = r.string(e.value, "author \(e.key)") else { continue }
            switch e.key {
            case "name": c.name = v; sawName = !v.isEmpty
            case "surname": c.surname = v
            case "given-names": c.givenNames = v
            case "affiliation": c.affiliation = v
            case "email":
                if IdentifierRules.isEmailAddress(v) { c.email = v } else {
                    r.problem(e.value, "author email '\(v)' is not an e-mail address (name@example.org: one @, no spaces or <>&\")")
                }
            case "orcid":
                let id = v.hasPrefix("https://orcid.org/") ? String(v.dropFirst("https://orcid.org/".count)) : v
                if ContributorEntry.isValidORCID(id) { c.orcid = id } else {
                    r.problem(e.value, "ORCID iD '\(v)' is not valid: write 0000-0002-1825-0097 (16 digits in groups of four, last one a check digit or X)")
                }
            default: break
            }
        }
        if !sawName { r.problem(node, "an author entry has no 'name'"); return nil }
        if (c.surname == nil) != (c.givenNames == nil) && c.surname?.isEmpty != false {
            r.problem(node, "author '\(c.name)' has given-names but no surname: give both, or neither")
        }
        return c
    }

    func loadArticles(_ node: Node, root: URL, limits: Limits, reader r: inout YAMLReader) -> [ArticleEntry] {
        guard let seq = node.sequence else {
            r.problem(node, "articles must be a list of articles (each with id, source, status)")
            return []
        }
        var out: [ArticleEntry] = []
        var seen = Set<String>()
        for item in seq {
            var id: String?
            var title: String?
            var source: String?
            var sourceURL: URL?
            var contributors: [ContributorEntry] = []
            var subject: String?
            var articleType: String?
            var keywords: [String] = []
            var doi: String?
            var status: ArticleStatus?
            var sourceNode: Node?
            for e in r.entries(item, in: "an article entry", allowed: Self.articleKeys) ?? [] {
                switch e.key {
                case "id": id = r.string(e.value, "article id")
                case "title": title = r.string(e.value, "article title")
                case "source":
                    sourceNode = e.value
                    source = r.string(e.value, "article source")
                case "authors":
                    contributors = loadContributors(e.value, reader: &r)
                case "subject": subject = r.string(e.value, "article subject")
                case "article-type":
                    articleType = r.string(e.value, "article-type")
                    if let t = articleType, !IdentifierRules.articleTypes.contains(t) {
                        let hint = YAMLReader.closest(t, in: IdentifierRules.articleTypes).map { " (did you mean '\($0)'?)" } ?? ""
                        r.problem(e.value, "article-type '\(t)' is not one of the JATS 1.3 values the PMC Style Checker accepts\(hint): \(IdentifierRules.articleTypes.joined(separator: ", "))")
                        articleType = nil
                    }
                case "keywords": keywords = r.stringList(e.value, "article keywords") ?? []
                case "doi":
                    if let d = r.string(e.value, "article doi") {
                        if IdentifierRules.isDOI(d) { doi = d } else {
                            r.problem(e.value, "article doi '\(d)' is not a DOI: 10. + 4 to 9 digits + / + a suffix, without spaces, \", < or > (e.g. 10.12345/kp.3.2.1; not a https://doi.org/ link)")
                        }
                    }
                case "status":
                    if let s = r.string(e.value, "article status") {
                        status = ArticleStatus(rawValue: s)
                        if status == nil {
                            r.problem(e.value, "article status '\(s)' is not one of \(ArticleStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                    }
                default: break
                }
            }
            guard let articleID = id else {
                r.problem(item, "an article entry has no 'id'")
                continue
            }
            if !Self.isValidID(articleID) {
                r.problem(item, "article id '\(articleID)' must be lower-case letters, digits, '-', '_' or '.' (it names output files)")
            }
            if !seen.insert(articleID).inserted {
                r.problem(item, "article id '\(articleID)' is used twice")
            }
            if let source, let sn = sourceNode {
                if let u = inside(root, source, node: sn, what: "source", reader: &r) {
                    let problem = FileIO.inputProblem(u.path)
                    if problem == .missing {
                        r.problem(sn, "source file '\(source)' of article '\(articleID)' not found (looked at \(display(u)))")
                    } else if problem == .directory {
                        r.problem(sn, "source '\(source)' of article '\(articleID)' is a folder, not a file")
                    } else if problem == .notRegular {
                        r.problem(sn, "source '\(source)' of article '\(articleID)' is not a regular file")
                    } else if let problem {
                        r.problem(sn, "source file '\(source)' of article '\(articleID)' cannot be read: \(problem.message) (looked at \(display(u)))")
                    } else if let size = FileIO.size(of: u.path),
                              size > limits.maxSourceBytes {
                        r.problem(sn, "source file '\(source)' is \(size) bytes, over limits.max-source-bytes (\(limits.maxSourceBytes))")
                    } else {
                        sourceURL = u
                    }
                }
            } else if let status, status != .commissioned {
                r.problem(item, "article '\(articleID)' is '\(status.rawValue)' but has no source; add its source or set status: commissioned")
            }
            var entry = ArticleEntry(id: articleID, source: source, sourceURL: sourceURL,
                                     commissionedAuthors: contributors.map(\.name),
                                     status: status ?? (source == nil ? .commissioned : .received), title: title,
                                     declaredAt: r.location(item))
            entry.contributors = contributors
            entry.subject = subject
            entry.articleType = articleType
            entry.keywords = keywords
            entry.doi = doi
            out.append(entry)
        }
        return out
    }

    /// Stage ids that no longer exist, and where their work went: a workflow naming one gets this
    /// message instead of "unknown stage id". Add an entry whenever a stage is removed or merged.
    public static let retiredStages: [String: String] = [
        "text.repeated-word": "it moved into lint.style as the rule style.repeated-word (Workflows/styles/kei.yml); list lint.style instead, and write `kei-disable style.repeated-word` in suppressions",
    ]

    /// The stage chain, each stage built with `style` and `timeline`. When the style files failed to load (`styleBroken`:
    /// their errors are reported already), a stage that cannot be built without its style is not reported
    /// a second time.
    func loadStages(_ node: Node, style: StyleSheet?, timeline: Timeline? = nil, styleBroken: Bool = false,
                    reader r: inout YAMLReader) -> [StageInvocation] {
        guard let seq = node.sequence else {
            r.problem(node, "stages must be a list of stage ids (or {id, options} entries)")
            return []
        }
        var out: [StageInvocation] = []
        for item in seq {
            var id: String?
            var idNode = item
            var optionsNode: Node?
            if let s = item.scalar?.string {
                id = s
            } else {
                for e in r.entries(item, in: "a stage entry", allowed: Self.stageKeys) ?? [] {
                    if e.key == "id" { id = r.string(e.value, "stage id"); idNode = e.value }
                    if e.key == "options" { optionsNode = e.value }
                }
                if id == nil { r.problem(item, "a stage entry has no 'id'") }
            }
            guard let stageID = id else { continue }
            guard let type = registry.stage(id: stageID) else {
                if let moved = Self.retiredStages[stageID] {
                    r.problem(idNode, "stage '\(stageID)' was retired: \(moved)")
                    continue
                }
                let hint = YAMLReader.closest(stageID, in: registry.ids).map { " (did you mean '\($0)'?)" } ?? ""
                r.problem(idNode, "unknown stage id '\(stageID)'\(hint); known stages: \(registry.ids.joined(separator: ", "))")
                continue
            }
            let desc = type.description
            var overrides: [String: OptionValue] = [:]
            if let optionsNode {
                for e in r.entries(optionsNode, in: "options of \(stageID)", allowed: desc.options.map(\.name)) ?? [] {
                    guard let spec = desc.option(named: e.key) else { continue }
                    let what = "option '\(e.key)' of \(stageID)"
                    switch spec.type {
                    case .bool: if let b = r.bool(e.value, what) { overrides[e.key] = .bool(b) }
                    case .int: if let i = r.int(e.value, what) { overrides[e.key] = .int(i) }
                    case .string: if let s = r.string(e.value, what) { overrides[e.key] = .string(s) }
                    case .stringList: if let l = r.stringList(e.value, what) { overrides[e.key] = .stringList(l) }
                    case .choice(let choices):
                        if let s = r.string(e.value, what) {
                            if choices.contains(s) { overrides[e.key] = .string(s) } else {
                                r.problem(e.value, "\(what) must be one of \(choices.joined(separator: ", ")); got '\(s)'")
                            }
                        }
                    }
                }
            }
            var options = StageOptions(defaultsOf: desc, overrides: overrides)
            options.style = style
            options.timeline = timeline
            // Built once, here: the runner uses this instance (see StageInvocation).
            do {
                out.append(try StageInvocation(type: type, options: options, location: r.location(idNode)))
            } catch {
                if !styleBroken { r.problem(idNode, "stage \(stageID) rejects its options: \(error)") }
            }
        }
        // Order: ingest first among article stages; issue stages after every article stage.
        if let firstArticle = out.first(where: { $0.kind != .issue }), firstArticle.kind != .ingest {
            r.problems.append(.init(firstArticle.location, "the first article stage is \(firstArticle.id), but an ingest stage (e.g. ingest.html) must come first to build the article"))
        }
        var sawIssue: StageInvocation?
        for s in out {
            if s.kind == .issue { sawIssue = s } else if let issueStage = sawIssue {
                r.problems.append(.init(s.location, "article stage \(s.id) comes after issue stage \(issueStage.id); issue stages run last, list them at the end"))
            }
        }
        return out
    }
}
