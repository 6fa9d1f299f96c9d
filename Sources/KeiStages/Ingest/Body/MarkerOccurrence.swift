/// A note marker met in the text: the raw key it points at, its printed label and its line.
struct MarkerOccurrence: Sendable, Hashable {
    /// The raw target (`fn1`, `ftnt1`, a UUID, `mfn:3`) before note ids are normalised.
    var key: String
    var label: String
    var line: Int
}
