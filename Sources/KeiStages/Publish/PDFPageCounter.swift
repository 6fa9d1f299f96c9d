import Foundation

/// Counts the pages of a PDF (ISO 32000-1) from its bytes, without rendering it.
///
/// The page tree's root is the `/Type /Pages` dictionary without a `/Parent`; its `/Count` is the number
/// of pages (ISO 32000-1, 7.7.3.2). Apache FOP writes every object dictionary uncompressed (classic
/// cross-reference table, no object streams), so the root can be found by scanning the text between
/// `obj` and `endobj`. Anything else — no `%PDF-` header, no parentless `/Pages` object, a count that is
/// not a positive integer, page trees compressed into object streams — gives nil: the caller reports the
/// file as unreadable rather than guess.
public enum PDFPageCounter {
    /// The number of pages, or nil when the bytes are not a PDF this reader understands.
    public static func pageCount(_ data: Data) -> Int? {
        guard data.starts(with: Array("%PDF-".utf8)) else { return nil }
        // Latin-1 maps every byte to one character, so binary stream data cannot break the decoding.
        guard let text = String(data: data, encoding: .isoLatin1) else { return nil }
        var counts: [Int] = []
        for object in text.components(separatedBy: "endobj") {
            guard object.contains(pagesType), !object.contains(parentKey) else { continue }
            if let match = object.firstMatch(of: countEntry), let n = Int(match.1), n > 0 { counts.append(n) }
        }
        // One root is expected; a PDF updated incrementally may repeat it, and the last one wins.
        return counts.last
    }

    /// Reads the file (at most `limit` bytes) and counts its pages; nil when it cannot be read.
    public static func pageCount(file: URL, limit: Int = 512 * 1024 * 1024) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              let size = attributes[.size] as? Int, size <= limit,
              let data = try? Data(contentsOf: file) else { return nil }
        return pageCount(data)
    }

    nonisolated(unsafe) private static let pagesType = /\/Type\s*\/Pages(?![A-Za-z])/
    nonisolated(unsafe) private static let parentKey = /\/Parent(?![A-Za-z])/
    nonisolated(unsafe) private static let countEntry = /\/Count\s+([0-9]{1,9})(?![0-9])/
}
