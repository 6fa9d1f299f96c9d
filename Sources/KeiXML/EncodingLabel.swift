/// The WHATWG Encoding Standard's labels: "get an encoding" from a label such as a `<meta charset>`
/// value, an `http-equiv` `charset=` parameter or the ingest stage's `encoding` option.
///
/// `iso-8859-1`, `latin1`, `l1`, `ascii`, `us-ascii`, `cp1252`, `ansi_x3.4-1968`… are all windows-1252;
/// `utf8` and `unicode-1-1-utf-8` are UTF-8; `iso-8859-9`/`latin5` are windows-1254; `iso-8859-11`/`tis-620`
/// are windows-874; `gb2312` is GBK; `ks_c_5601-1987` is EUC-KR; `iso-2022-kr`, `iso-2022-cn` and
/// `hz-gb-2312` are the replacement encoding (browsers refuse to decode them).
public enum EncodingLabel {
    /// The encoding's name as the Encoding Standard spells it (`windows-1252`, `UTF-8`, `EUC-KR`, …) for
    /// `label` (leading and trailing ASCII whitespace removed, ASCII case ignored); nil for an unknown label.
    public static func encoding(forLabel label: String) -> String? {
        var bytes = Array(label.utf8)
        while let f = bytes.first, isASCIIWhitespace(f) { bytes.removeFirst() }
        while let l = bytes.last, isASCIIWhitespace(l) { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
        let key = String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return table[key]
    }

    /// HTML's ASCII whitespace: TAB, LF, FF, CR, SPACE.
    @inline(__always) static func isASCIIWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D
    }

    /// The name of the replacement encoding (decodes any input to one U+FFFD).
    public static let replacement = "replacement"

    /// The Encoding Standard's table (encodings.json): each encoding's name and its labels.
    private static let encodings: [(String, [String])] = [
        ("UTF-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        ("IBM866", ["866", "cp866", "csibm866", "ibm866"]),
        ("ISO-8859-2", ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"]),
        ("ISO-8859-3", ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"]),
        ("ISO-8859-4", ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"]),
        ("ISO-8859-5", ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"]),
        ("ISO-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e",
                        "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"]),
        ("ISO-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597",
                        "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"]),
        ("ISO-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598",
                        "iso_8859-8", "iso_8859-8:1988", "visual"]),
        ("ISO-8859-8-I", ["csiso88598i", "iso-8859-8-i", "logical"]),
        ("ISO-8859-10", ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"]),
        ("ISO-8859-13", ["iso-8859-13", "iso8859-13", "iso885913"]),
        ("ISO-8859-14", ["iso-8859-14", "iso8859-14", "iso885914"]),
        ("ISO-8859-15", ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
        ("ISO-8859-16", ["iso-8859-16"]),
        ("KOI8-R", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        ("KOI8-U", ["koi8-ru", "koi8-u"]),
        ("macintosh", ["csmacintosh", "mac", "macintosh", "x-mac-roman"]),
        ("windows-874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]),
        ("windows-1250", ["cp1250", "windows-1250", "x-cp1250"]),
        ("windows-1251", ["cp1251", "windows-1251", "x-cp1251"]),
        ("windows-1252", ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
                          "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"]),
        ("windows-1253", ["cp1253", "windows-1253", "x-cp1253"]),
        ("windows-1254", ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989",
                          "l5", "latin5", "windows-1254", "x-cp1254"]),
        ("windows-1255", ["cp1255", "windows-1255", "x-cp1255"]),
        ("windows-1256", ["cp1256", "windows-1256", "x-cp1256"]),
        ("windows-1257", ["cp1257", "windows-1257", "x-cp1257"]),
        ("windows-1258", ["cp1258", "windows-1258", "x-cp1258"]),
        ("x-mac-cyrillic", ["x-mac-cyrillic", "x-mac-ukrainian"]),
        ("GBK", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"]),
        ("gb18030", ["gb18030"]),
        ("Big5", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ("EUC-JP", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        ("ISO-2022-JP", ["csiso2022jp", "iso-2022-jp"]),
        ("Shift_JIS", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]),
        ("EUC-KR", ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601",
                    "ksc_5601", "windows-949"]),
        (replacement, ["csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"]),
        ("UTF-16BE", ["unicodefffe", "utf-16be"]),
        ("UTF-16LE", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]),
        ("x-user-defined", ["x-user-defined"]),
    ]

    private static let table: [String: String] = {
        var t: [String: String] = [:]
        for (name, labels) in encodings {
            for label in labels { t[label] = name }
        }
        return t
    }()

    /// The converter (iconv) name that decodes the Encoding Standard's `encoding` as its index does, for
    /// encodings KeiXML does not decode itself; nil for UTF-8, UTF-16, windows-1252, x-user-defined and
    /// replacement. GBK decodes as gb18030 (the standard's GBK decoder is the gb18030 decoder), Shift_JIS
    /// as Microsoft's code page 932, EUC-KR as code page 949, Big5 as Big5-HKSCS.
    static func converterName(_ encoding: String) -> String? {
        switch encoding {
        case "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "x-user-defined", replacement: return nil
        case "ISO-8859-8-I": return "ISO-8859-8"
        case "macintosh": return "MACINTOSH"
        case "x-mac-cyrillic": return "MAC-CYRILLIC"
        case "GBK", "gb18030": return "GB18030"
        case "Big5": return "BIG5-HKSCS"
        case "Shift_JIS": return "CP932"
        case "EUC-KR": return "CP949"
        default:
            if encoding.hasPrefix("windows-") { return "CP" + encoding.dropFirst(8) }
            return encoding
        }
    }
}
