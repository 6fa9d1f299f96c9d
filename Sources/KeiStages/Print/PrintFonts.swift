import Foundation
import KeiCore

/// The fonts `render.pdf` registers with Apache FOP for embedding, found in Debian's font folders:
/// DejaVu Serif, Sans and Sans Mono for Latin (apt: fonts-dejavu-core; italics from fonts-dejavu-extra) and
/// Noto Serif/Sans CJK KR for Hangul (apt: fonts-noto-cjk). The family names are the ones
/// `Workflows/print/jats-to-fo.xsl` asks for; FOP picks a font per character from the family list.
///
/// The Noto CJK collections are copied member by member (``FontCollectionMember``) into standalone `.otf`
/// files in a per-user cache folder (``cacheFolder(environment:)``; named by source file, member and size,
/// written atomically, reused by later runs); nothing is written into the outputs.
struct PrintFonts {
    /// One face: FOP's font triplet and the file to embed.
    struct Face: Hashable {
        var family: String
        var style: String   // normal | italic
        var weight: String  // normal | bold
        var file: URL
    }

    var faces: [Face] = []
    /// Packages to install for the fonts that were not found (empty when all were).
    var missingPackages: [String] = []

    static let dejaVuFolders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"]
    static let notoFolders = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk"]

    /// DejaVu family → file stem and the suffixes of its bold, italic and bold-italic files.
    static let dejaVu: [(family: String, stem: String, italic: String)] = [
        ("DejaVu Serif", "DejaVuSerif", "Italic"),
        ("DejaVu Sans", "DejaVuSans", "Oblique"),
        ("DejaVu Sans Mono", "DejaVuSansMono", "Oblique"),
    ]

    /// Where extracted fonts are kept: `$XDG_CACHE_HOME/kei-pipeline/fonts`, else `$HOME/.cache/kei-pipeline/fonts`,
    /// else (no writable home) `kei-pipeline-fonts` in the temporary folder. One copy per user, not per TMPDIR.
    static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { candidates.append(URL(fileURLWithPath: xdg)) }
        if let home = environment["HOME"], home.hasPrefix("/") {
            candidates.append(URL(fileURLWithPath: home).appendingPathComponent(".cache"))
        }
        for candidate in candidates {
            let folder = candidate.appendingPathComponent("kei-pipeline/fonts")
            if (try? fm.createDirectory(at: folder, withIntermediateDirectories: true)) != nil, fm.isWritableFile(atPath: folder.path) {
                return folder
            }
        }
        return fm.temporaryDirectory.appendingPathComponent("kei-pipeline-fonts")
    }

    /// Finds the fonts; `cache` is where collection members are extracted.
    static func find(cache: URL, fileManager: FileManager = .default) -> PrintFonts {
        var fonts = PrintFonts()
        for (family, stem, italic) in dejaVu {
            guard let folder = dejaVuFolders.first(where: { fileManager.fileExists(atPath: "\($0)/\(stem).ttf") }) else { continue }
            func file(_ suffix: String) -> URL? {
                let path = "\(folder)/\(stem)\(suffix).ttf"
                return fileManager.fileExists(atPath: path) ? URL(fileURLWithPath: path) : nil
            }
            let regular = URL(fileURLWithPath: "\(folder)/\(stem).ttf")
            let bold = file("-Bold") ?? regular
            fonts.faces += [
                Face(family: family, style: "normal", weight: "normal", file: regular),
                Face(family: family, style: "normal", weight: "bold", file: bold),
                Face(family: family, style: "italic", weight: "normal", file: file("-\(italic)") ?? regular),
                Face(family: family, style: "italic", weight: "bold", file: file("-Bold\(italic)") ?? bold),
            ]
        }
        if fonts.faces.isEmpty { fonts.missingPackages.append("fonts-dejavu-core") }

        var foundCJK = false
        for (family, stem) in [("Noto Serif CJK KR", "NotoSerifCJK"), ("Noto Sans CJK KR", "NotoSansCJK")] {
            var byWeight: [String: URL] = [:]
            for (weight, suffix) in [("normal", "Regular"), ("bold", "Bold")] {
                guard let folder = notoFolders.first(where: { fileManager.fileExists(atPath: "\($0)/\(stem)-\(suffix).ttc") }),
                      let otf = member(family, of: URL(fileURLWithPath: "\(folder)/\(stem)-\(suffix).ttc"), cache: cache) else { continue }
                byWeight[weight] = otf
            }
            guard let regular = byWeight["normal"] else { continue }
            foundCJK = true
            let bold = byWeight["bold"] ?? regular
            // CJK fonts have no italics: italic text in Hangul is set upright.
            fonts.faces += [
                Face(family: family, style: "normal", weight: "normal", file: regular),
                Face(family: family, style: "normal", weight: "bold", file: bold),
                Face(family: family, style: "italic", weight: "normal", file: regular),
                Face(family: family, style: "italic", weight: "bold", file: bold),
            ]
        }
        if !foundCJK { fonts.missingPackages.append("fonts-noto-cjk") }
        return fonts
    }

    /// The collection member named `family`, as a standalone file in `cache` (extracted once).
    static func member(_ family: String, of collection: URL, cache: URL) -> URL? {
        let fm = FileManager.default
        guard let size = (try? fm.attributesOfItem(atPath: collection.path))?[.size] as? Int else { return nil }
        let tag = family.replacingOccurrences(of: " ", with: "")
        let target = cache.appendingPathComponent("\(collection.deletingPathExtension().lastPathComponent)-\(tag)-\(size).otf")
        if fm.fileExists(atPath: target.path) { return target }
        guard let data = try? Data(contentsOf: collection, options: .mappedIfSafe),
              let index = FontCollectionMember.index(of: family, in: data),
              let otf = FontCollectionMember.extract(index, from: data) else { return nil }
        do {
            try fm.createDirectory(at: cache, withIntermediateDirectories: true)
            try FileIO.writeAtomically(otf, to: target, display: target.lastPathComponent)
        } catch { return nil }
        return target
    }
}
