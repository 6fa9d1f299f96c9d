/// Hands out `id` values that are valid XML names (and NCNames: no colon) and unique within one
/// document. Model ids are kept when they are already acceptable; otherwise they are repaired
/// (invalid characters become `-`, a leading digit or punctuation gets the kind's prefix), and a
/// clash gets a `-2`, `-3`… suffix. Allocation is deterministic: the same calls in the same order
/// give the same ids.
struct JATSIDAllocator {
    private var used: Set<String> = []
    private var counters: [String: Int] = [:]

    /// A unique, valid id derived from `proposed`, using `prefix` when a prefix or a fresh name is needed.
    mutating func allocate(_ proposed: String, prefix: String) -> String {
        var base = Self.sanitize(proposed, prefix: prefix)
        if base.isEmpty {
            let n = (counters[prefix] ?? 0) + 1
            counters[prefix] = n
            base = "\(prefix)\(n)"
        }
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Repairs a proposed id into `[A-Za-z_][A-Za-z0-9._-]*`, or returns "" when nothing usable is left.
    static func sanitize(_ proposed: String, prefix: String) -> String {
        var body = ""
        var lastWasDash = false
        for u in proposed.unicodeScalars {
            let ok = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9")
                || u == "_" || u == "." || u == "-"
            if ok {
                body.unicodeScalars.append(u)
                lastWasDash = u == "-"
            } else if !lastWasDash && !body.isEmpty {
                body += "-"
                lastWasDash = true
            }
        }
        while body.hasSuffix("-") { body.removeLast() }
        guard let first = body.unicodeScalars.first else { return "" }
        let startsWell = (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") || first == "_"
        if !startsWell {
            return prefix + body
        }
        // Names beginning with "xml" (any case) are reserved by XML.
        if body.lowercased().hasPrefix("xml") { return prefix + "-" + body }
        return body
    }
}
