import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Requests web addresses for `--check-links` and remembers the answers: one instance per
/// `check.citations` stage of a run, shared by every article, so that the limits hold over the whole
/// run and an address cited by several articles is requested once.
///
/// Each address is requested with HEAD, and with GET when HEAD is refused (400, 403, 405, 501).
/// Redirects are followed (up to 10), recording whether one was permanent (301, 308). A timeout, a 5xx
/// or a 429 is retried `retries` times, waiting `backoff` seconds and twice as long each time (a 429's
/// `Retry-After` of up to 30 seconds instead). At most `concurrency` requests are in flight at once,
/// and at most `perHost` to one host. Answers are read from and written to the cache file
/// (``LinkCache``). Threads: `check` blocks its caller until its addresses have answers; it may be
/// called from several threads at once.
final class LinkProbe: @unchecked Sendable {
    let settings: LinkCheckSettings
    private let condition = NSCondition()
    private var results: [String: LinkResult] = [:]
    private var inFlight = Set<String>()
    private var active = 0
    private var activeByHost: [String: Int] = [:]
    private var loadedCaches = Set<URL>()
    private lazy var session: URLSession = {
        let config = URLSessionConfiguration.ephemeral
        // The probe enforces the timeout itself (swift-corelibs-foundation truncates sub-second timeouts
        // and then times out at once): the session's own limits only back it up.
        config.timeoutIntervalForRequest = sessionTimeout
        config.timeoutIntervalForResource = sessionTimeout * 2
        config.httpMaximumConnectionsPerHost = settings.perHost
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        config.httpShouldSetCookies = false
        return URLSession(configuration: config, delegate: RedirectRefuser(), delegateQueue: nil)
    }()
    /// Whole seconds, at least one more than the probe's own timeout.
    private var sessionTimeout: Double { (settings.timeout + 1).rounded(.up) }
    /// How many HTTP requests this probe has sent (tests read it).
    private(set) var requestsSent = 0

    init(settings: LinkCheckSettings) {
        self.settings = settings
    }

    /// The answer for every address of `urls` (absolute http or https addresses), from the cache
    /// file `cacheFile` (read once per file), from earlier calls, or requested now; the cache file is
    /// rewritten when anything was requested.
    func check(_ urls: [String], cacheFile: URL?) -> [String: LinkResult] {
        let now = Date().timeIntervalSince1970
        condition.lock()
        if let cacheFile, !loadedCaches.contains(cacheFile) {
            loadedCaches.insert(cacheFile)
            for (k, v) in LinkCache.load(cacheFile, ttl: settings.cacheTTL, now: now) where results[k] == nil { results[k] = v }
        }
        var seen = Set<String>()
        let pending = urls.filter { results[$0] == nil && seen.insert($0).inserted }
        condition.unlock()
        if !pending.isEmpty {
            let queue = PendingURLs(pending)
            let group = DispatchGroup()
            for _ in 0..<min(settings.concurrency, pending.count) {
                group.enter()
                let thread = Thread { [self] in
                    work(queue)
                    group.leave()
                }
                thread.start()
            }
            group.wait()
        }
        condition.lock()
        // Addresses another call was requesting: wait for their answers.
        while urls.contains(where: { results[$0] == nil && inFlight.contains($0) }) { condition.wait() }
        let out = Dictionary(urls.compactMap { u in results[u].map { (u, $0) } }, uniquingKeysWith: { a, _ in a })
        if let cacheFile, !pending.isEmpty {
            let fresh = results.filter { now - $0.value.checkedAt <= settings.cacheTTL }
            try? LinkCache.save(fresh, to: cacheFile)
        }
        condition.unlock()
        return out
    }

    /// One worker: takes the next address whose host has a free slot while the global limit allows,
    /// until the call's addresses are all taken.
    private func work(_ queue: PendingURLs) {
        while true {
            condition.lock()
            var picked: (url: String, host: String)?
            while picked == nil {
                queue.urls.removeAll { results[$0] != nil || inFlight.contains($0) }
                if queue.urls.isEmpty { break }
                if active < settings.concurrency,
                   let i = queue.urls.firstIndex(where: { activeByHost[Self.host($0), default: 0] < settings.perHost }) {
                    let url = queue.urls.remove(at: i)
                    picked = (url, Self.host(url))
                    inFlight.insert(url)
                    active += 1
                    activeByHost[Self.host(url), default: 0] += 1
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
            guard let (url, host) = picked else { return }
            let result = probe(url)
            condition.lock()
            results[url] = result
            inFlight.remove(url)
            active -= 1
            activeByHost[host, default: 1] -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    static func host(_ url: String) -> String { URL(string: url)?.host?.lowercased() ?? url }

    /// The longest chain of redirects followed.
    static let maxRedirects = 10

    /// Requests `url`, following redirects and retrying as the settings say. A redirect loop or a chain
    /// longer than ``maxRedirects`` ends with the last redirect's status and an `error` that says so.
    func probe(_ url: String) -> LinkResult {
        var current = url
        var finalURL: String?
        var permanent = false
        var attempt = 0
        var hops = 0
        var visited: Set<String> = [url]
        while true {
            guard let target = URL(string: current) else {
                return LinkResult(status: nil, finalURL: finalURL, permanentRedirect: permanent, error: "not a valid address",
                                  checkedAt: Date().timeIntervalSince1970)
            }
            var answer = request(target, method: "HEAD")
            if let s = answer.status, [400, 403, 405, 501].contains(s) { answer = request(target, method: "GET") }
            let retriable = answer.timedOut || (answer.status.map { $0 >= 500 || $0 == 429 } ?? false)
            if retriable, attempt < settings.retries {
                var wait = settings.backoff * pow(2, Double(attempt))
                if answer.status == 429, let after = answer.retryAfter, after <= 30 { wait = after }
                attempt += 1
                Thread.sleep(forTimeInterval: wait)
                continue
            }
            if let s = answer.status, [301, 302, 303, 307, 308].contains(s), let location = answer.location,
               let next = URL(string: location, relativeTo: target)?.absoluteString {
                // A chain that comes back to an address already asked, or runs past 10 hops, never ends.
                let loop = !visited.insert(next).inserted
                if loop || hops >= Self.maxRedirects {
                    let why = loop ? "a redirect loop (it comes back to \(next))" : "too many redirects (over \(Self.maxRedirects))"
                    return LinkResult(status: s, finalURL: next, permanentRedirect: permanent, error: why,
                                      checkedAt: Date().timeIntervalSince1970)
                }
                permanent = permanent || s == 301 || s == 308
                finalURL = next
                current = next
                hops += 1
                attempt = 0
                continue
            }
            return LinkResult(status: answer.status, finalURL: finalURL, permanentRedirect: permanent, error: answer.error,
                              checkedAt: Date().timeIntervalSince1970)
        }
    }

    struct Answer {
        var status: Int?
        var location: String?
        var retryAfter: Double?
        var error: String?
        var timedOut = false
    }

    /// One HTTP request, waited for (never longer than the timeout and a margin).
    func request(_ url: URL, method: String) -> Answer {
        var req = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: sessionTimeout)
        req.httpMethod = method
        req.setValue("kei-pipeline link check", forHTTPHeaderField: "User-Agent")
        let done = DispatchSemaphore(value: 0)
        let box = AnswerBox()
        condition.lock(); requestsSent += 1; condition.unlock()
        let task = session.dataTask(with: req) { _, response, error in
            var a = Answer()
            if let http = response as? HTTPURLResponse {
                a.status = http.statusCode
                a.location = http.value(forHTTPHeaderField: "Location")
                a.retryAfter = http.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init)
            } else if let error = error as? URLError {
                a.timedOut = error.code == .timedOut
                a.error = Self.describe(error)
            } else {
                a.error = error.map { String(describing: $0) } ?? "no answer"
            }
            box.set(a)
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + settings.timeout) == .timedOut {
            // The task is left to the session's own (longer) timeout, not cancelled: in
            // swift-corelibs-foundation a cancel that races a redirect the delegate is refusing can trap
            // ("Received callback for HTTP redirection, but we're not waiting for it"; see
            // swift-corelibs-foundation SR-5751, redirection and timeouts). Its late answer is dropped.
            return Answer(error: "timed out after \(Int(settings.timeout * 1000)) ms", timedOut: true)
        }
        return box.get()
    }

    static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: return "timed out"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .cannotConnectToHost: return "could not connect to the host"
        case .networkConnectionLost: return "the connection was lost"
        case .notConnectedToInternet: return "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            return "the secure connection failed"
        default: return "request failed (\(error.code.rawValue))"
        }
    }
}
