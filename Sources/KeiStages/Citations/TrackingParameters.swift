/// Query parameters that advertising and mailing systems add to a link to follow who clicked it: they
/// identify the reader's visit, not the document, and a citation should not carry them.
///
/// Listed: every `utm_*` parameter (Google Analytics campaign tags), `fbclid` (Facebook), `gclid`,
/// `dclid`, `gbraid`, `wbraid`, `_ga`, `_gl` (Google), `msclkid` (Microsoft), `mc_cid`, `mc_eid`
/// (Mailchimp), `igshid` (Instagram), `yclid` (Yandex), `twclid` (X/Twitter), `ttclid` (TikTok),
/// `li_fat_id` (LinkedIn), `mkt_tok` (Marketo), `_hsenc`, `_hsmi` (HubSpot), `vero_id`, `vero_conv`
/// (Vero), `oly_enc_id`, `oly_anon_id` (Omeda), `rb_clickid`, `s_cid` (Adobe), `ref_src` (Twitter).
enum TrackingParameters {
    static let names: Set<String> = ["fbclid", "gclid", "dclid", "gbraid", "wbraid", "_ga", "_gl", "msclkid", "mc_cid", "mc_eid",
                                     "igshid", "yclid", "twclid", "ttclid", "li_fat_id", "mkt_tok", "_hsenc", "_hsmi", "vero_id",
                                     "vero_conv", "oly_enc_id", "oly_anon_id", "rb_clickid", "s_cid", "ref_src"]

    static func isTracking(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.hasPrefix("utm_") || names.contains(n)
    }

    /// The tracking parameters of `url`'s query (`query`: UTF-8 offsets of the query, after "?") and the
    /// address without them (the "?" dropped too when nothing is left of the query; the fragment kept).
    /// Nil when the query holds none. Parameters are separated by "&" (or ";").
    static func strip(_ url: String, query: Range<Int>) -> (names: [String], cleaned: String)? {
        let bytes = Array(url.utf8)
        guard query.lowerBound >= 1, query.upperBound <= bytes.count else { return nil }
        var kept: [ArraySlice<UInt8>] = []
        var found: [String] = []
        var i = query.lowerBound
        while i <= query.upperBound {
            var j = i
            while j < query.upperBound, bytes[j] != UInt8(ascii: "&"), bytes[j] != UInt8(ascii: ";") { j += 1 }
            let pair = bytes[i..<j]
            let name = String(decoding: pair.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self)
            if isTracking(name) { found.append(name) } else if !pair.isEmpty { kept.append(pair) }
            i = j + 1
        }
        guard !found.isEmpty else { return nil }
        var out = Array(bytes[..<(query.lowerBound - 1)])
        if !kept.isEmpty {
            out.append(UInt8(ascii: "?"))
            out += kept.map(Array.init).joined(separator: [UInt8(ascii: "&")])
        }
        out += bytes[query.upperBound...]
        return (found, String(decoding: out, as: UTF8.self))
    }
}
