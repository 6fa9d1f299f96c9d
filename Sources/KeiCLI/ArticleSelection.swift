import Foundation
import KeiCore
import KeiDocument

/// Which of a workflow's articles a run takes (`--changed-since`, `--shard`), applied to
/// ``Workflow/articles`` before the run.
///
/// When articles are left out, the issue is partial: the issue stages that publish
/// (``StageDescription/publishes``: the TOC and index, the Crossref deposit) are removed from the run and
/// an info `pipeline.partial-issue` says how many articles were left out.
enum ArticleSelection {
    static let partialIssue = StageMessage("pipeline.partial-issue", .info,
        "--changed-since or --shard left articles out, so the issue's publishing stages did not run on a partial issue.")

    /// `workflow` with only the selected articles (in workflow order) and, when some were left out,
    /// without its publishing issue stages; plus the notice saying so (nil when every article runs).
    /// Throws ``KeiError/usage(_:)`` (exit 2) when `--changed-since` cannot ask git.
    static func apply(_ workflow: Workflow, options: PipelineOptions, cwd: URL) throws -> (Workflow, Diagnostic?) {
        var wf = workflow
        if let shard = options.shard {
            wf.articles = wf.articles.filter { shard.contains($0.id) }
        }
        if let rev = options.changedSince {
            let changed = try changedFiles(since: rev, root: workflow.projectRoot)
            if !touchesEveryArticle(changed, workflow: workflow, cwd: cwd) {
                wf.articles = wf.articles.filter { a in a.sourceURL.map { changed.contains($0.standardizedFileURL.path) } ?? false }
            }
        }
        let leftOut = workflow.articles.count - wf.articles.count
        guard leftOut > 0 else { return (wf, nil) }
        let dropped = wf.stages.filter { $0.kind == .issue && $0.type.description.publishes }.map(\.id)
        wf.stages.removeAll { $0.kind == .issue && $0.type.description.publishes }
        var why: [String] = []
        if let s = options.shard { why.append("--shard \(s.index)/\(s.count)") }
        if let r = options.changedSince { why.append("--changed-since \(r)") }
        let stages = dropped.isEmpty ? "" : "; the publishing issue stages (\(dropped.joined(separator: ", "))) did not run on a partial issue"
        let notice = Diagnostic(
            rule: partialIssue.rule, severity: partialIssue.severity,
            message: "\(why.joined(separator: " and ")) left \(leftOut) of \(workflow.articles.count) article(s) out of this run (\(wf.articles.count) ran)\(stages); run without them to check and publish the whole issue.",
            location: SourceLocation(file: workflow.displayPath), stage: "pipeline")
        return (wf, notice)
    }

    /// Whether a changed file is one every article depends on: the workflow file or anything under the
    /// project's `Workflows/` folder (journals, styles, the timeline, vocabularies, print style sheets).
    static func touchesEveryArticle(_ changed: Set<String>, workflow: Workflow, cwd: URL) -> Bool {
        let folder = workflow.projectRoot.appendingPathComponent("Workflows").standardizedFileURL.path + "/"
        let file = (workflow.displayPath.hasPrefix("/") ? URL(fileURLWithPath: workflow.displayPath) : cwd.appendingPathComponent(workflow.displayPath)).standardizedFileURL.path
        return changed.contains { $0.hasPrefix(folder) || $0 == file }
    }

    /// Absolute, standardized paths of the files under `root` that differ from `rev` (`git diff --name-only
    /// --relative REV`: committed and uncommitted changes) or are untracked and not ignored
    /// (`git ls-files --others --exclude-standard`). Throws ``KeiError/usage(_:)`` when git is missing,
    /// `root` is not in a git repository or `rev` is unknown.
    ///
    /// Both lists are read NUL-separated (`-z`), so names git would quote (non-ASCII, quotes, backslashes,
    /// control characters) come through as they are. A revision starting with `-` is refused (it would be read
    /// as an option), and `--end-of-options` (git 2.24 and later) keeps git from reading `rev` as one anyway.
    static func changedFiles(since rev: String, root: URL) throws -> Set<String> {
        if let problem = revisionProblem(rev) { throw KeiError.usage(problem) }
        let diff = try git(["diff", "--name-only", "-z", "--relative", "--end-of-options", rev, "--"], root: root, rev: rev)
        let untracked = try git(["ls-files", "-z", "--others", "--exclude-standard"], root: root, rev: rev)
        let names = nulSeparated(diff) + nulSeparated(untracked)
        return Set(names.map { root.appendingPathComponent($0).standardizedFileURL.path })
    }

    /// Why `rev` cannot be given to git (nil when it can): empty, or starting with `-`, which git would take
    /// as an option (`--output=FILE` writes a file). `PipelineOptions.validate` and ``changedFiles(since:root:)`` refuse it (exit 2).
    static func revisionProblem(_ rev: String) -> String? {
        if rev.isEmpty {
            return "--changed-since needs a git revision (a branch, tag or commit such as origin/main)"
        }
        if rev.hasPrefix("-") {
            return "--changed-since \(rev): a git revision cannot start with '-' (give a branch, tag or commit such as origin/main)"
        }
        return nil
    }

    /// The file names of git's `-z` output (paths relative to the repository folder, as UTF-8; empty names dropped).
    static func nulSeparated(_ data: Data) -> [String] {
        data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
    }

    static func git(_ arguments: [String], root: URL, rev: String) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", root.path] + arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_OPTIONAL_LOCKS"] = "0"
        env["LC_ALL"] = "C"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch {
            throw KeiError.usage("--changed-since \(rev): cannot run git (\(error.localizedDescription)); install git or drop --changed-since")
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if p.terminationStatus == 127 {
                throw KeiError.usage("--changed-since \(rev): git is not installed (install git or drop --changed-since)")
            }
            throw KeiError.usage("--changed-since \(rev): git could not list the changes in \(root.lastPathComponent) (not a git repository, or an unknown revision?): \(message.split(separator: "\n").first.map(String.init) ?? "exit \(p.terminationStatus)")")
        }
        return outData
    }
}
