/// The best label path through a chain: given each token's score for each label and the score of each
/// label following each other label, the path with the highest total. O(n·L²) time, O(n·L) memory.
enum Viterbi {
    /// - Parameters:
    ///   - scores: `scores[t * L + l]`, token t's score for label l.
    ///   - transition: `transition[(p + 1) * L + l]` for label l after label p; row 0 is the start.
    static func bestPath(scores: [Float], count n: Int, labels L: Int, transition: [Float]) -> [Int] {
        guard n > 0, L > 0 else { return [] }
        var best = [Float](repeating: 0, count: n * L)
        var back = [Int32](repeating: 0, count: n * L)
        for l in 0..<L { best[l] = scores[l] + transition[l] }
        if n > 1 {
            for t in 1..<n {
                let prev = (t - 1) * L
                let cur = t * L
                for l in 0..<L {
                    var bestScore = -Float.infinity
                    var bestPrev = 0
                    for p in 0..<L {
                        let s = best[prev + p] + transition[(p + 1) * L + l]
                        if s > bestScore { bestScore = s; bestPrev = p }
                    }
                    best[cur + l] = bestScore + scores[cur + l]
                    back[cur + l] = Int32(bestPrev)
                }
            }
        }
        var path = [Int](repeating: 0, count: n)
        let last = (n - 1) * L
        var arg = 0
        for l in 1..<L where best[last + l] > best[last + arg] { arg = l }
        path[n - 1] = arg
        var t = n - 1
        while t > 0 {
            arg = Int(back[t * L + arg])
            path[t - 1] = arg
            t -= 1
        }
        return path
    }
}
