import Foundation

/// Copies one font out of an OpenType font collection (`.ttc`/`.otc`, "ttcf" header) into a standalone
/// OpenType file, so that Apache FOP can embed it.
///
/// Why own code: Debian's fonts-noto-cjk ships Noto CJK only as collections of CFF-outline fonts, and FOP 2.8
/// reads collections as TrueType only ("'loca' table not found"), while it reads a standalone CFF `.otf`.
/// The copy is byte-for-byte: the member's table directory is rewritten with new offsets (4-byte aligned),
/// the tables themselves are not touched (checksums stay valid). Standard: OpenType 1.9, "Font Collections".
enum FontCollectionMember {
    /// The index of the first member whose `name` table contains `family` (as UTF-16BE, how Windows-platform
    /// names are stored), or nil when the data is not a collection or no member matches.
    static func index(of family: String, in data: Data) -> Int? {
        guard let offsets = memberOffsets(data) else { return nil }
        let needle = Data(family.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        for (i, offset) in offsets.enumerated() {
            guard let tables = tableRecords(data, at: offset),
                  let name = tables.first(where: { $0.tag == "name" }),
                  name.offset + name.length <= data.count else { continue }
            let bytes = data[data.startIndex + name.offset ..< data.startIndex + name.offset + name.length]
            if bytes.range(of: needle) != nil { return i }
        }
        return nil
    }

    /// The standalone font file of member `index`, or nil when the collection is malformed.
    static func extract(_ index: Int, from data: Data) -> Data? {
        guard let offsets = memberOffsets(data), index >= 0, index < offsets.count,
              let tables = tableRecords(data, at: offsets[index]) else { return nil }
        let base = offsets[index]
        var out = Data(data[data.startIndex + base ..< data.startIndex + base + 12])
        var body = Data()
        let headerLength = 12 + 16 * tables.count
        for t in tables {
            guard t.offset + t.length <= data.count else { return nil }
            out.append(contentsOf: t.tagBytes)
            out.append(contentsOf: uint32(t.checksum))
            out.append(contentsOf: uint32(UInt32(headerLength + body.count)))
            out.append(contentsOf: uint32(UInt32(t.length)))
            body.append(data[data.startIndex + t.offset ..< data.startIndex + t.offset + t.length])
            while body.count % 4 != 0 { body.append(0) }
        }
        return out + body
    }

    struct TableRecord {
        var tagBytes: [UInt8]
        var checksum: UInt32
        var offset: Int
        var length: Int
        var tag: String { String(decoding: tagBytes, as: UTF8.self) }
    }

    static func memberOffsets(_ data: Data) -> [Int]? {
        guard data.count >= 12, read32(data, 0) == 0x7474_6366 else { return nil } // "ttcf"
        let count = Int(read32(data, 8))
        guard count > 0, count < 1000, data.count >= 12 + 4 * count else { return nil }
        return (0..<count).map { Int(read32(data, 12 + 4 * $0)) }
    }

    static func tableRecords(_ data: Data, at offset: Int) -> [TableRecord]? {
        guard offset + 12 <= data.count else { return nil }
        let count = Int(read16(data, offset + 4))
        guard count > 0, offset + 12 + 16 * count <= data.count else { return nil }
        return (0..<count).map { i in
            let r = offset + 12 + 16 * i
            return TableRecord(tagBytes: Array(data[data.startIndex + r ..< data.startIndex + r + 4]),
                               checksum: read32(data, r + 4), offset: Int(read32(data, r + 8)), length: Int(read32(data, r + 12)))
        }
    }

    static func read32(_ data: Data, _ at: Int) -> UInt32 {
        let s = data.startIndex + at
        return UInt32(data[s]) << 24 | UInt32(data[s + 1]) << 16 | UInt32(data[s + 2]) << 8 | UInt32(data[s + 3])
    }

    static func read16(_ data: Data, _ at: Int) -> UInt16 {
        let s = data.startIndex + at
        return UInt16(data[s]) << 8 | UInt16(data[s + 1])
    }

    static func uint32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
