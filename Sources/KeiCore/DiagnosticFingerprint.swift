import KeiDocument

/// A fingerprint per diagnostic that survives edits elsewhere in the article: baselines
/// (`--baseline`) match findings by it, and SARIF carries it in `partialFingerprints`.
///
/// It hashes (FNV-1a, 64 bits; stable across runs, machines and clone locations) the rule id, the
/// article id (or, for a finding outside any article, the file's name without its folders), the words
/// the finding is about (its ``Diagnostic/excerpt`` with white space collapsed; without an excerpt, its
/// message with every run of digits replaced by `#`, so that line numbers in a message do not count),
/// and the ordinal of the finding among the earlier ones with the same three parts. Line and column
/// are deliberately left out: inserting a paragraph above a finding does not change its fingerprint;
/// rewording the words it is about does.
public enum DiagnosticFingerprint {
    /// Version tag of the scheme, used as the SARIF `partialFingerprints` key (`keiFingerprint/v1`).
    public static let version = "keiFingerprint/v1"

    /// One 16-hex-digit fingerprint per diagnostic, in the order given (the ordinals follow that order,
    /// so pass a run's diagnostics in report order, ``RunResult/diagnostics``).
    public static func fingerprints(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { d in
            let base = key(d)
            let ordinal = seen[base, default: 0]
            seen[base] = ordinal + 1
            return hex(fnv1a(base + "\u{1F}" + String(ordinal)))
        }
    }

    /// The parts hashed for `d`, before its ordinal.
    static func key(_ d: Diagnostic) -> String {
        let owner = d.article ?? String(d.location.file.split(separator: "/").last ?? "")
        let subject: String
        if d.rule == FindingsCap.capped.rule {
            // The summary of a capped rule matches a baseline only for the same rule and the same number of
            // findings not listed (its message, digits included), not by the words of the first one.
            subject = d.message
        } else if let excerpt = d.excerpt, !excerpt.isEmpty {
            subject = excerpt.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        } else {
            var out = ""
            var inDigits = false
            for ch in d.message {
                if ch.isASCII && ch.isNumber {
                    if !inDigits { out.append("#") }
                    inDigits = true
                } else {
                    out.append(ch)
                    inDigits = false
                }
            }
            subject = out
        }
        return [d.rule, owner, subject].joined(separator: "\u{1F}")
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes of `s` (also used by `--shard` to split articles).
    public static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
