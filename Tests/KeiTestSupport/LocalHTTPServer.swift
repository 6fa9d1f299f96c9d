import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for link-checking tests (never the internet): POSIX
/// sockets, one thread per connection, one request per connection (`Connection: close`). The handler
/// gets the method, the path and how many times the path was requested (1 for the first request) and
/// returns the answer; a `delay` holds the answer back (a slow endpoint). The server counts requests
/// per path and the most connections it ever served at once, per `Host` header and in all.
public final class LocalHTTPServer: @unchecked Sendable {
    /// One answer.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
        /// Seconds to wait before answering.
        public var delay: Double

        public init(_ status: Int, headers: [String: String] = [:], body: String = "", delay: Double = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }
    }

    public typealias Handler = @Sendable (_ method: String, _ path: String, _ hit: Int) -> Response

    /// The port the server listens on (chosen by the system).
    public private(set) var port: UInt16 = 0
    private let socketFD: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var hits: [String: Int] = [:]
    private var methods: [String] = []
    private var active = 0
    private var activeByHost: [String: Int] = [:]
    private var _maxActive = 0
    private var _maxActiveByHost: [String: Int] = [:]
    private var running = true

    /// `http://127.0.0.1:PORT` followed by `path`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Starts listening on 127.0.0.1 at a free port.
    public init(handler: @escaping Handler) throws {
        self.handler = handler
        #if canImport(Glibc)
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socketFD = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketFD >= 0 else { throw ServerError(message: "socket() failed") }
        var yes: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketFD, 128) == 0 else {
            close(socketFD)
            throw ServerError(message: "bind/listen on 127.0.0.1 failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting connections.
    public func stop() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        guard wasRunning else { return }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    /// How many requests `path` received.
    public func hits(_ path: String) -> Int { lock.lock(); defer { lock.unlock() }; return hits[path, default: 0] }
    /// Every request received, as "METHOD PATH", in order of arrival.
    public var requests: [String] { lock.lock(); defer { lock.unlock() }; return methods }
    /// The most requests ever in progress at once.
    public var maxActive: Int { lock.lock(); defer { lock.unlock() }; return _maxActive }
    /// The most requests ever in progress at once for one `Host` header value.
    public var maxActiveByHost: [String: Int] { lock.lock(); defer { lock.unlock() }; return _maxActiveByHost }

    private func acceptLoop() {
        while true {
            let client = accept(socketFD, nil, nil)
            lock.lock()
            let stillRunning = running
            lock.unlock()
            if client < 0 {
                if !stillRunning { return }
                continue
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 65536 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
            if data.count >= 4, String(decoding: data, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let head = String(decoding: data, as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return }
        let method = String(parts[0]), path = String(parts[1])
        let host = lines.first { $0.lowercased().hasPrefix("host:") }.map { String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces) } ?? ""
        lock.lock()
        hits[path, default: 0] += 1
        let hit = hits[path]!
        methods.append("\(method) \(path)")
        active += 1
        activeByHost[host, default: 0] += 1
        _maxActive = max(_maxActive, active)
        _maxActiveByHost[host] = max(_maxActiveByHost[host, default: 0], activeByHost[host]!)
        lock.unlock()
        let response = handler(method, path, hit)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        text += "Content-Length: \(response.body.utf8.count)\r\nConnection: close\r\n"
        for (k, v) in response.headers.sorted(by: { $0.key < $1.key }) { text += "\(k): \(v)\r\n" }
        text += "\r\n"
        if method != "HEAD" { text += response.body }
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let n = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let n = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) }
            #endif
            if n <= 0 { break }
            sent += n
        }
        lock.lock()
        active -= 1
        activeByHost[host, default: 1] -= 1
        lock.unlock()
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    public struct ServerError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
