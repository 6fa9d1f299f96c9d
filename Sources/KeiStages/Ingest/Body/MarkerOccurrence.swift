import KeiDocument

/// A note marker met in the text: the raw key it points at, its printed label, its line and the
/// span of its printed label (nil for a marker made in code, for a note written in place).
struct MarkerOccurrence: Sendable, Hashable {
    /// The raw target (`fn1`, `ftnt1`, a UUID, `mfn:3`) before note ids are normalised.
    var key: String
    var label: String
    var line: Int
    var span: SourceSpan?
}
