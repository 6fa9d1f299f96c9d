import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Makes the session hand back redirects instead of following them, so that ``LinkProbe`` can tell
/// permanent ones from others.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
