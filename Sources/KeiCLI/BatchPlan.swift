import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KeiCore
import KeiDocument
import KeiStages

/// What `kei-pipeline batch` will run: its arguments expanded into issues, each a loaded workflow or the
/// reason it cannot run.
///
/// An argument is a glob when it contains `*`, `?` or `[` (expanded with glob(3) against the working
/// directory, sorted, so a quoted glob works); every match and every other argument is then:
/// - a folder: every folder in its tree (itself included) that holds pages (`.html`, `.htm`, `.txt`) is one
///   back issue; a folder named twice (or reached twice) runs once;
/// - a page (by extension: `.html`, `.htm`, `.txt`): the pages named in one folder together are one back
///   issue (only those pages);
/// - anything else (`.yml`, `.yaml`, a bare name): a workflow name or path, as `run` takes it.
/// Pages are not read here: a page that cannot be read (over `limits.max-source-bytes`, say) fails its
/// own article's ingest stage, and the issue's other articles run.
/// Back issues run through the template workflow (`--workflow`, else `Workflows/default.yml`, else the
/// built-in default): its stages, gates and journal, with the issue's volume, number, title and date
/// from ``BackIssueManifest``; their name is `vol-N-issue-M` when both are known, else the folder's name;
/// their output `OUTPUT/<name>` where OUTPUT is `--output` or `out/batch`. A workflow's output is its own,
/// or `--output/<name>` with `--output`. Issue names are made unique (`-2`, `-3`…) in argument order.
struct BatchPlan {
    struct Issue {
        /// The issue's name in reports (the workflow's name, made unique).
        var name: String
        /// The workflow file or folder as shown (relative to the working directory).
        var display: String
        /// The workflow to run, or the diagnostics saying why the issue cannot run.
        var workflow: Result<Workflow, Problems>
        /// The name the ledger records a back issue's runs under (its `name`; a back issue runs the template
        /// workflow, whose file does not name it); nil for a workflow file (recorded by its path).
        var ledgerName: String?
    }

    struct Problems: Error {
        var diagnostics: [Diagnostic]
    }

    static let notRun = StageMessage("batch.issue-not-run", .error,
        "An issue of a batch could not run: its workflow, manifest or pages could not be loaded (the other issues ran).")

    var issues: [Issue] = []

    init(arguments: [String], template: String?, output: String?, env: CLIEnvironment) {
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: env.workingDirectory)
        let cwd = env.workingDirectory.standardizedFileURL
        let display = { (u: URL) in FileIO.displayPath(u, relativeTo: cwd) }
        let outputRoot = PipelineDriver.outputURL(output, env: env)
        var used: [String: Int] = [:]
        func unique(_ name: String) -> String {
            used[name, default: 0] += 1
            return used[name]! == 1 ? name : "\(name)-\(used[name]!)"
        }
        func failed(_ name: String, _ shown: String, _ error: Error, named: Bool = false) {
            issues.append(Issue(name: named ? name : unique(name), display: shown, workflow: .failure(Problems(diagnostics: Self.diagnostics(error, shown: shown)))))
        }
        var seenPages: Set<URL> = []
        for argument in arguments {
            let isGlob = argument.contains { "*?[".contains($0) }
            let matches = isGlob ? Self.glob(argument, in: cwd) : [argument.hasPrefix("/") ? URL(fileURLWithPath: argument) : cwd.appendingPathComponent(argument)]
            if matches.isEmpty {
                failed(argument, argument, KeiError.input(path: argument, "the pattern matches no file"))
                continue
            }
            var pageFolders: [(URL, [URL])] = []
            for url in matches {
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
                if exists && isDir.boolValue {
                    pageFolders += Self.pageFolders(under: url)
                } else if Self.isPage(url) {
                    let folder = url.deletingLastPathComponent().standardizedFileURL
                    if let i = pageFolders.firstIndex(where: { $0.0 == folder }) {
                        if !pageFolders[i].1.contains(url.standardizedFileURL) { pageFolders[i].1.append(url.standardizedFileURL) }
                    } else { pageFolders.append((folder, [url.standardizedFileURL])) }
                } else {
                    let name = isGlob ? display(url) : argument
                    do {
                        let wfURL = try loader.resolve(name)
                        var wf = try loader.load(wfURL)
                        let issueName = unique(wf.name)
                        if let outputRoot { wf.outputDirectory = outputRoot.appendingPathComponent(issueName) }
                        wf.name = issueName
                        issues.append(Issue(name: issueName, display: display(wfURL), workflow: .success(wf)))
                    } catch {
                        failed(url.deletingPathExtension().lastPathComponent, name, error)
                    }
                }
            }
            if matches.count > 0 && pageFolders.isEmpty && matches.allSatisfy({ (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }) {
                failed(argument, argument, KeiError.input(path: argument, "no pages (.html, .htm, .txt) in this folder tree"))
            }
            for (folder, pages) in pageFolders {
                // A folder's pages run once however often the folder is named (or reached inside named trees).
                let fresh = pages.filter { !seenPages.contains($0) }
                if fresh.isEmpty { continue }
                seenPages.formUnion(fresh)
                let shown = display(folder)
                var name: String?
                do {
                    let manifestURL = folder.appendingPathComponent(BackIssueManifest.fileName)
                    let manifest = try BackIssueManifest.read(folder: folder, display: display(manifestURL))
                    let base = manifest.volume.flatMap { v in manifest.number.map { "vol-\(v)-issue-\($0)" } } ?? folder.lastPathComponent
                    name = unique(base)
                    let name = name!
                    let out = (outputRoot ?? cwd.appendingPathComponent("out/batch")).appendingPathComponent(name)
                    var wf = try Self.template(template, loader: loader, env: env, pages: fresh.sorted { $0.path < $1.path }, output: out)
                    wf.name = name
                    wf.issue.volume = manifest.volume ?? wf.issue.volume
                    wf.issue.number = manifest.number ?? wf.issue.number
                    wf.issue.title = manifest.title ?? wf.issue.title
                    wf.issue.coverDate = manifest.date ?? wf.issue.coverDate
                    for i in wf.articles.indices {
                        if let file = wf.articles[i].sourceURL?.lastPathComponent, let id = manifest.articleIDs[file] { wf.articles[i].id = id }
                    }
                    // The manifest's title and date are in the issue's outputs: its bytes are part of the cache key.
                    if FileManager.default.fileExists(atPath: manifestURL.path) { wf.configurationFiles.append(manifestURL) }
                    issues.append(Issue(name: name, display: shown, workflow: .success(wf), ledgerName: name))
                } catch {
                    // The name already taken when the manifest was read (never `NAME-2` for its own failure).
                    failed(name ?? folder.lastPathComponent, shown, error, named: name != nil)
                }
            }
        }
    }

    /// The template workflow with `pages` as its articles (ids from file stems, as `check` names them).
    static func template(_ name: String?, loader: WorkflowLoader, env: CLIEnvironment, pages: [URL], output: URL) throws -> Workflow {
        if let name { return try loader.load(try loader.resolve(name), extraSources: pages, outputOverride: output) }
        if let url = try? loader.resolve("default") { return try loader.load(url, extraSources: pages, outputOverride: output) }
        return try loader.load(text: DefaultWorkflow.yaml, displayPath: "(built-in default workflow)", folder: env.workingDirectory,
                               projectRoot: env.workingDirectory, defaultName: "batch", extraSources: pages, outputOverride: output)
    }

    /// Page extensions (lower case): a batch argument or a file in a back-issue folder with one of these is
    /// an article page; `.yml`/`.yaml` and everything else name workflows.
    static let pageExtensions: Set<String> = ["html", "htm", "txt"]

    static func isPage(_ url: URL) -> Bool { pageExtensions.contains(url.pathExtension.lowercased()) }

    /// Every folder under `root` (itself included) holding pages (``pageExtensions``), with its pages, sorted by path.
    static func pageFolders(under root: URL) -> [(URL, [URL])] {
        var folders: [URL: [URL]] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = walker?.nextObject() as? URL {
            guard isPage(url),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            folders[url.deletingLastPathComponent().standardizedFileURL, default: []].append(url.standardizedFileURL)
        }
        return folders.map { ($0.key, $0.value.sorted { $0.path < $1.path }) }.sorted { $0.0.path < $1.0.path }
    }

    /// glob(3) of `pattern` (relative to `cwd` unless absolute), sorted.
    static func glob(_ pattern: String, in cwd: URL) -> [URL] {
        let absolute = pattern.hasPrefix("/") ? pattern : cwd.path + "/" + pattern
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(absolute, 0, nil, &g) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { paths.append(String(cString: p)) }
        }
        return paths.sorted().map { URL(fileURLWithPath: $0).standardizedFileURL }
    }

    /// The error that kept an issue from running, as `batch.issue-not-run` diagnostics: one per workflow
    /// problem (file, line, column), else one at the file the error names.
    static func diagnostics(_ error: Error, shown: String) -> [Diagnostic] {
        func located(_ d: Diagnostic) -> Diagnostic { var d = d; d.stage = "batch"; return d }
        switch error {
        case let e as WorkflowError:
            return e.problems.map { located(notRun.diagnostic("\($0.message) (this issue did not run)", at: $0.location)) }
        case let e as KeiError:
            if case .input(let path, let message) = e { return [located(notRun.diagnostic("\(message) (this issue did not run)", at: SourceLocation(file: path)))] }
            if case .usage(let message) = e { return [located(notRun.diagnostic("\(message) (this issue did not run)", at: SourceLocation(file: shown)))] }
            return [located(notRun.diagnostic("\(e.description) (this issue did not run)", at: SourceLocation(file: shown)))]
        default:
            return [located(notRun.diagnostic("\(error) (this issue did not run)", at: SourceLocation(file: shown)))]
        }
    }
}
