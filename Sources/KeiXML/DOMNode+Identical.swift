extension DOMNode {
    /// Whether the node lists `a` and `b` hold the same nodes in every respect, provenance included
    /// (unlike `==`, which compares ``DOMText`` runs by their strings only): names, attributes, lines,
    /// source offsets, text with its origins, comments with their spans.
    ///
    /// Lists sharing one storage buffer are identical at once, so comparing a rebuilt tree with the one it
    /// came from costs little where the rebuild kept subtrees as they were. Rebuilding passes use it to
    /// keep the original list when nothing changed, so that the page is held in memory once, not once
    /// per pass.
    public static func identical(_ a: [DOMNode], _ b: [DOMNode]) -> Bool {
        guard a.count == b.count else { return false }
        let same = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress } }
        if same { return true }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case let (.element(e), .element(f)):
                guard e.name == f.name, e.line == f.line, e.sourceStart == f.sourceStart, e.attributes == f.attributes,
                      identical(e.children, f.children) else { return false }
            case let (.text(s), .text(t)):
                guard s.line == t.line, s.run.string == t.run.string, s.run.origins == t.run.origins else { return false }
            case let (.comment(c), .comment(d)):
                guard c == d else { return false }
            default:
                return false
            }
        }
        return true
    }
}
