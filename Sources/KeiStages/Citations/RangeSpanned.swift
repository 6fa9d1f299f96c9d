import KeiDocument

/// Something that stands at a range of UTF-8 offsets in a unit's text (a word, a token).
protocol RangeSpanned {
    var range: Range<Int> { get }
}

extension WordToken: RangeSpanned {}
extension QuotationAttribution.Word: RangeSpanned {}
