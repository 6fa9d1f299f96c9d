import Foundation
import Testing
import KeiCore
@testable import KeiStages

/// render.pdf's guards around Apache FOP (breaker 22): the FO check, the bounded process group, FOP's
/// missing-glyph warnings, the font cache folder, emit.fo's image sniffing.
struct PrintSafetyTests {
    static let folder = URL(fileURLWithPath: "/tmp/kei-article")
    static let out = URL(fileURLWithPath: "/tmp/kei-out")

    static func fo(_ inner: String, namespaces: String = "") -> Data {
        Data("<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"\(namespaces)><fo:block>\(inner)</fo:block></fo:root>".utf8)
    }

    static func problem(_ data: Data) -> String? {
        FOSafetyCheck.problem(in: data, base: folder, allowedFolders: [folder, out])
    }

    @Test func unsafeFOIsRefused() {
        #expect(Self.problem(Self.fo("<xi:include href=\"/etc/hostname\" parse=\"text\"/>", namespaces: " xmlns:xi=\"http://www.w3.org/2001/XInclude\"")) != nil)
        #expect(Self.problem(Data("<!DOCTYPE fo:root SYSTEM \"http://x/y.dtd\"><fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"/>".utf8)) != nil)
        for src in ["url('http://127.0.0.1:18722/remote.png')", "url('/etc/hostname')", "url(file:///etc/passwd)",
                    "url('../../etc/passwd')", "url('%2e%2e/secret.png')", "/etc/hostname", "url('a.png') url('b.png')"] {
            #expect(Self.problem(Self.fo("<fo:external-graphic src=\"\(src)\"/>")) != nil, "\(src)")
        }
        #expect(Self.problem(Self.fo("<fo:block background-image=\"url('http://x/y.png')\"/>")) != nil)
        #expect(Self.problem(Self.fo("<fo:block xml:base=\"http://x/\"/>")) != nil)
        #expect(Self.problem(Data("<fo:root".utf8)) != nil, "not well-formed")
    }

    @Test func localGraphicsAndLinksPass() {
        for src in ["url('chart.png')", "url(\"o'brien%20chart.png\")", "url(figures/a.png)", "../kei-out/x.png"] {
            #expect(Self.problem(Self.fo("<fo:external-graphic src=\"\(src.replacingOccurrences(of: "\"", with: "&quot;"))\"/>")) == nil, "\(src)")
        }
        #expect(Self.problem(Self.fo("<fo:basic-link external-destination=\"url('https://doi.org/10.1/x')\">x</fo:basic-link>")) == nil)
    }

    @Test func fopWrapperThatForksIsStoppedWithItsChildren() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kei-fop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("fop")
        let marker = dir.appendingPathComponent("child.pid")
        try "#!/bin/sh\nsleep 600 &\necho $! > \(marker.path)\nwait\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let start = Date()
        let outcome = BoundedProcess(executable: script, arguments: [], stderr: dir.appendingPathComponent("err"), timeout: 2, grace: 1).run()
        let elapsed = Date().timeIntervalSince(start)
        #expect(outcome == .timedOut)
        #expect(elapsed < 10, "bounded: \(elapsed) s")
        let pid = try #require(Int32(try String(contentsOf: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        usleep(200_000)
        // Gone, or a zombie waiting for init to reap it (PID 1 in a container may never do so).
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        #expect(kill(pid, 0) != 0 || state == "Z", "the wrapper's child (sleep 600) was killed with the group: \(stat)")
    }

    @Test func exitStatusIsReported() throws {
        let outcome = BoundedProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "echo oops >&2; exit 3"],
                                     stderr: FileManager.default.temporaryDirectory.appendingPathComponent("kei-err-\(UUID().uuidString)"), timeout: 5).run()
        #expect(outcome == .finished(3))
    }

    @Test func missingGlyphWarningsAreRead() throws {
        let log = """
            [WARN] FOUserAgent - Font "DejaVu Serif,normal,700" not found. Substituting with "DejaVu Serif,normal,400".
            [WARN] FOUserAgent - Glyph "?" (0x5d0, afii57664) not available in font "DejaVuSerif".
            [WARN] FOUserAgent - Glyph "?" (0x5d0, afii57664) not available in font "DejaVuSerif".
            [WARN] FOUserAgent - Glyph "" (0xf600) not available in font "NotoSerifCJKkr-Regular".
            """
        let glyphs = try #require(MissingGlyphs(log: log))
        #expect(glyphs.codes == ["U+5D0", "U+F600"])
        #expect(glyphs.fonts == ["DejaVuSerif", "NotoSerifCJKkr-Regular"])
        #expect(glyphs.summary.contains("'א' U+5D0") && glyphs.summary.contains("DejaVuSerif"), "\(glyphs.summary)")
        #expect(MissingGlyphs(log: "[INFO] FOUserAgent - Rendered page #1.") == nil)
    }

    @Test func fontCacheIsPerUser() {
        #expect(PrintFonts.cacheFolder(environment: ["XDG_CACHE_HOME": "/tmp/kei-xdg-test"]).path == "/tmp/kei-xdg-test/kei-pipeline/fonts")
        try? FileManager.default.removeItem(atPath: "/tmp/kei-xdg-test")
        #expect(PrintFonts.cacheFolder(environment: ["HOME": "/tmp/kei-home-test"]).path == "/tmp/kei-home-test/.cache/kei-pipeline/fonts")
        try? FileManager.default.removeItem(atPath: "/tmp/kei-home-test")
    }

    @Test func percentEscapedAndFakeImages() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kei-img-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: dir.appendingPathComponent("o'brien chart.png"))
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("fake.png"))
        let jats = Data("""
            <article xmlns:xlink="http://www.w3.org/1999/xlink"><body><fig><graphic xlink:href="o'brien%20chart.png"/></fig>
            <fig><graphic xlink:href="fake.png"/></fig><fig><graphic xlink:href="../x.png"/></fig></body></article>
            """.utf8)
        let found = EmitFOStage.localImageFiles(in: jats, sourceFolder: dir)
        #expect(found.images == ["o'brien%20chart.png"])
        #expect(found.notImages == ["fake.png"])
    }

    @Test func timeoutMustBePositive() {
        #expect(throws: (any Error).self) { try RenderPDFStage(options: StageOptions(["timeout": .int(0)])) }
    }
}
