/// What requesting one web address gave (``LinkProbe``), as kept in the link cache.
///
/// `status` is the HTTP status of the last answer (after redirects); nil when no answer came (the
/// host could not be found or reached, the request timed out). `checkedAt` is seconds since 1970.
struct LinkResult: Codable, Sendable, Hashable {
    /// The final HTTP status, or nil when no answer came.
    var status: Int?
    /// The address redirects led to, when the first answer was a redirect.
    var finalURL: String?
    /// Whether a redirect on the way was permanent (301 or 308).
    var permanentRedirect: Bool
    /// Why no answer came ("timed out", "could not connect", …), when none did; or why the redirects
    /// were not followed to the end ("a redirect loop", "too many redirects").
    var error: String?
    /// When the address was requested, in seconds since 1970-01-01T00:00:00Z.
    var checkedAt: Double

    enum CodingKeys: String, CodingKey {
        case status, finalURL = "final_url", permanentRedirect = "permanent_redirect", error, checkedAt = "checked_at"
    }

    /// 404 or 410: the page is gone.
    var isGone: Bool { status == 404 || status == 410 }
    /// No answer at all.
    var isUnreachable: Bool { status == nil }
    /// An answer that is neither success nor gone (a 403, a 500 after the retries…).
    /// A redirect loop or a chain of redirects too long to follow counts too.
    var isOtherFailure: Bool {
        guard let s = status else { return false }
        return (!(200..<400).contains(s) && !isGone) || (error != nil && (300..<400).contains(s))
    }
}
