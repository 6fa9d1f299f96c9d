/// ISBN check digits (ISO 2108).
///
/// An ISBN-10 has nine digits and a check character: the sum of each digit times its weight (10 for the
/// first down to 1 for the check character, which is "X" for 10) is a multiple of 11. An ISBN-13 (an
/// EAN-13 with the prefix 978 or 979) has weights 1 and 3 alternating: the sum is a multiple of 10.
/// Hyphens and spaces between the digits do not count.
enum ISBN {
    /// Why `written` is not a valid ISBN, or nil when it is.
    static func problem(_ written: String) -> String? {
        let chars = written.filter { $0 != "-" && $0 != " " }.uppercased()
        let digits = chars.compactMap { $0.wholeNumberValue }
        switch chars.count {
        case 10:
            let body = chars.dropLast()
            guard body.allSatisfy(\.isNumber), digits.count >= 9 else { return "only the last character of an ISBN-10 may be “X”" }
            let check = chars.last == "X" ? 10 : chars.last!.wholeNumberValue
            guard let check else { return "the check character “\(chars.last!)” is neither a digit nor “X”" }
            var sum = check
            for (i, d) in body.compactMap(\.wholeNumberValue).enumerated() { sum += d * (10 - i) }
            guard sum % 11 == 0 else { return "the check digit should be \(expected10(Array(body.compactMap(\.wholeNumberValue)))), not \(chars.last!) (ISO 2108, modulus 11)" }
            return nil
        case 13:
            guard digits.count == 13 else { return "an ISBN-13 has digits only" }
            guard chars.hasPrefix("978") || chars.hasPrefix("979") else { return "an ISBN-13 starts with 978 or 979" }
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
            guard sum % 10 == 0 else { return "the check digit should be \(expected13(Array(digits.prefix(12)))), not \(digits[12]) (ISO 2108, modulus 10)" }
            return nil
        default:
            return "it has \(chars.count) digits; an ISBN has 10 or 13"
        }
    }

    static func expected10(_ nine: [Int]) -> String {
        let s = nine.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
        let c = (11 - s % 11) % 11
        return c == 10 ? "X" : String(c)
    }

    static func expected13(_ twelve: [Int]) -> String {
        let s = twelve.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return String((10 - s % 10) % 10)
    }
}
