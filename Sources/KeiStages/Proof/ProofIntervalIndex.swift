/// Half-open integer intervals `[start, end)` indexed for overlap queries: which of them meet a stretch.
///
/// In: the intervals (any order; an interval may be empty). Built in O(n log n): sorted by start, with a
/// tree of the largest end in each part. ``overlapping(_:_:)`` answers in O((1 + k) log n) for k hits,
/// so marking a block costs O((n + m) log m) instead of comparing every mark with every run.
struct ProofIntervalIndex {
    /// Positions into the caller's list, sorted by start.
    private let order: [Int]
    private let starts: [Int]
    private let ends: [Int]
    /// tree[1] is the largest end of all; tree[2k], tree[2k+1] those of node k's halves.
    private var tree: [Int]
    private let size: Int

    init(_ intervals: [(start: Int, end: Int)]) {
        order = intervals.indices.sorted { intervals[$0].start != intervals[$1].start ? intervals[$0].start < intervals[$1].start : $0 < $1 }
        starts = order.map { intervals[$0].start }
        ends = order.map { intervals[$0].end }
        var n = 1
        while n < max(order.count, 1) { n *= 2 }
        size = n
        tree = Array(repeating: Int.min, count: 2 * n)
        for (i, e) in ends.enumerated() { tree[n + i] = e }
        if n > 1 { for k in stride(from: n - 1, through: 1, by: -1) { tree[k] = max(tree[2 * k], tree[2 * k + 1]) } }
    }

    /// The caller's positions of the intervals with `start < hi` and `end > lo`, in ascending position order.
    func overlapping(_ lo: Int, _ hi: Int) -> [Int] {
        // Intervals sorted by start: only the first `limit` can start before `hi`.
        var a = 0, b = starts.count
        while a < b { let m = (a + b) / 2; if starts[m] < hi { a = m + 1 } else { b = m } }
        let limit = a
        var out: [Int] = []
        guard limit > 0 else { return out }
        var stack = [(node: 1, from: 0, to: size)]
        while let (node, from, to) = stack.popLast() {
            guard from < limit, tree[node] > lo else { continue }
            if to - from == 1 { out.append(order[from]); continue }
            let mid = (from + to) / 2
            stack.append((2 * node + 1, mid, to))
            stack.append((2 * node, from, mid))
        }
        return out.sorted()
    }
}
