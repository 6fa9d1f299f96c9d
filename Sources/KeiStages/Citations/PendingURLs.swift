/// The addresses one `check` call still has to hand out (guarded by the probe's lock).
final class PendingURLs: @unchecked Sendable {
    var urls: [String]
    init(_ urls: [String]) { self.urls = urls }
}
