import Foundation

/// A request's answer handed from the session's queue to the waiting thread.
final class AnswerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var answer = LinkProbe.Answer(error: "no answer")
    func set(_ a: LinkProbe.Answer) { lock.lock(); answer = a; lock.unlock() }
    func get() -> LinkProbe.Answer { lock.lock(); defer { lock.unlock() }; return answer }
}
