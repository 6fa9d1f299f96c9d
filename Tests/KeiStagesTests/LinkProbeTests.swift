import Foundation
import Testing
@testable import KeiStages
import KeiTestSupport

/// `--check-links`' prober against a local server on 127.0.0.1 (never the internet): statuses,
/// redirects, HEAD refused, retries, timeouts, the per-host and global limits, and the cache file.
@Suite(.serialized) struct LinkProbeTests {
    static func settings(timeoutMS: Int = 2000, retries: Int = 1, concurrency: Int = 8, perHost: Int = 2) -> LinkCheckSettings {
        var s = LinkCheckSettings()
        s.timeout = Double(timeoutMS) / 1000
        s.retries = retries
        s.backoff = 0.05
        s.concurrency = concurrency
        s.perHost = perHost
        return s
    }

    static func server() throws -> LocalHTTPServer {
        try LocalHTTPServer { method, path, hit in
            switch path {
            case "/ok": return .init(200, body: "fine")
            case "/moved": return .init(301, headers: ["Location": "/ok"])
            case "/found": return .init(302, headers: ["Location": "/ok"])
            case "/gone": return .init(404)
            case "/removed": return .init(410)
            case "/forbidden": return .init(403)
            case "/head-refused": return method == "HEAD" ? .init(405) : .init(200, body: "got it")
            case "/flaky": return hit == 1 ? .init(503) : .init(200)
            case "/busy": return hit == 1 ? .init(429, headers: ["Retry-After": "0"]) : .init(200)
            case "/slow": return .init(200, delay: 1.5)
            case "/selfloop": return .init(302, headers: ["Location": "/selfloop"])
            default:
                if path.hasPrefix("/chain/"), let n = Int(path.dropFirst(7)) { return .init(302, headers: ["Location": "/chain/\(n + 1)"]) }
                if path.hasPrefix("/wait/") { return .init(200, delay: 0.3) }
                return .init(404)
            }
        }
    }

    @Test func answersAreReadAsTheyCome() throws {
        let server = try Self.server()
        defer { server.stop() }
        let probe = LinkProbe(settings: Self.settings(timeoutMS: 500, retries: 1))
        let paths = ["/ok", "/moved", "/found", "/gone", "/removed", "/forbidden", "/head-refused", "/flaky", "/busy", "/slow"]
        let r = probe.check(paths.map(server.url), cacheFile: nil)
        #expect(r[server.url("/ok")]?.status == 200)
        #expect(r[server.url("/moved")]?.status == 200)
        #expect(r[server.url("/moved")]?.permanentRedirect == true)
        #expect(r[server.url("/moved")]?.finalURL == server.url("/ok"))
        #expect(r[server.url("/found")]?.permanentRedirect == false)
        #expect(r[server.url("/gone")]?.isGone == true)
        #expect(r[server.url("/removed")]?.status == 410)
        #expect(r[server.url("/forbidden")]?.isOtherFailure == true)
        // HEAD refused: asked again with GET.
        #expect(r[server.url("/head-refused")]?.status == 200)
        #expect(server.requests.contains("HEAD /head-refused") && server.requests.contains("GET /head-refused"))
        // 503 then 200, 429 then 200: retried once each.
        #expect(r[server.url("/flaky")]?.status == 200)
        #expect(server.hits("/flaky") == 2)
        #expect(server.requests.filter { $0.hasSuffix(" /forbidden") } == ["HEAD /forbidden", "GET /forbidden"], "a 403 is not retried")
        #expect(r[server.url("/busy")]?.status == 200)
        // The slow endpoint answers after the timeout, twice (one retry): unreachable.
        #expect(r[server.url("/slow")]?.isUnreachable == true)
        #expect(r[server.url("/slow")]?.error?.contains("timed out") == true)
        #expect(server.hits("/slow") == 2)
    }

    /// A redirect loop and an endless chain of redirects are failures, asked once each and not without end.
    @Test func redirectLoopsAndEndlessChainsFail() throws {
        let server = try Self.server()
        defer { server.stop() }
        let probe = LinkProbe(settings: Self.settings(timeoutMS: 1000, retries: 1))
        let r = probe.check([server.url("/selfloop"), server.url("/chain/0")], cacheFile: nil)
        #expect(r[server.url("/selfloop")]?.isOtherFailure == true)
        #expect(r[server.url("/selfloop")]?.error?.contains("redirect loop") == true)
        #expect(server.hits("/selfloop") <= 2, "HEAD once, no loop")
        #expect(r[server.url("/chain/0")]?.isOtherFailure == true)
        #expect(r[server.url("/chain/0")]?.error?.contains("too many redirects") == true)
    }

    @Test func aClosedPortIsUnreachable() throws {
        let server = try Self.server()
        let url = server.url("/ok")
        server.stop()
        let probe = LinkProbe(settings: Self.settings(timeoutMS: 1000, retries: 0))
        let r = probe.check([url], cacheFile: nil)
        #expect(r[url]?.isUnreachable == true)
        #expect(r[url]?.error != nil)
    }

    @Test func noMoreThanPerHostRequestsAtOnceToOneHost() throws {
        let server = try Self.server()
        defer { server.stop() }
        let probe = LinkProbe(settings: Self.settings(concurrency: 8, perHost: 2))
        let urls = (1...6).map { server.url("/wait/\($0)") }
        let r = probe.check(urls, cacheFile: nil)
        #expect(r.values.allSatisfy { $0.status == 200 })
        // The server counts requests in flight: the limit is proved by that count, not by timing.
        #expect(server.maxActive == 2, "at most two at once, and two did run together")
    }

    @Test func noMoreThanTheGlobalLimitAtOnce() throws {
        let server = try Self.server()
        defer { server.stop() }
        let probe = LinkProbe(settings: Self.settings(concurrency: 3, perHost: 10))
        let urls = (1...9).map { server.url("/wait/\($0)") }
        // Two callers at once (two articles) share the limit.
        let group = DispatchGroup()
        for half in [Array(urls.prefix(5)), Array(urls.suffix(4))] {
            group.enter()
            Thread { _ = probe.check(half, cacheFile: nil); group.leave() }.start()
        }
        group.wait()
        #expect(server.maxActive <= 3)
        #expect(server.maxActive >= 2)
        #expect(urls.allSatisfy { server.hits(String($0.dropFirst("http://127.0.0.1:\(server.port)".count))) == 1 })
    }

    @Test func theCacheSavesASecondRequest() throws {
        let server = try Self.server()
        defer { server.stop() }
        let folder = TestPaths.temporaryDirectory("kei-link-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("links.json")
        let urls = [server.url("/ok"), server.url("/gone")]
        let first = LinkProbe(settings: Self.settings())
        let r1 = first.check(urls, cacheFile: file)
        #expect(first.requestsSent == 2)
        #expect(FileManager.default.fileExists(atPath: file.path))
        // A second run (a new probe) reads the cache and requests nothing.
        let second = LinkProbe(settings: Self.settings())
        let r2 = second.check(urls, cacheFile: file)
        #expect(second.requestsSent == 0)
        #expect(r2 == r1)
        #expect(server.hits("/ok") == 1 && server.hits("/gone") == 1)
        // Expired entries are requested again.
        var expired = Self.settings()
        expired.cacheTTL = 0
        let third = LinkProbe(settings: expired)
        Thread.sleep(forTimeInterval: 0.01)
        _ = third.check(urls, cacheFile: file)
        #expect(third.requestsSent == 2)
    }
}
