import Foundation
import Testing
@testable import KeiStages

@Suite struct IngestEncodingTests {
    /// The UTF-8 check agrees with Foundation's UTF-8 decoding on random byte strings.
    @Test func utf8CheckAgreesWithFoundation() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x41, 0x0A, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0..<5000 {
            let n = Int.random(in: 0...8, using: &rng)
            let bytes = (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            let valid = String(data: Data(bytes), encoding: .utf8) != nil
            #expect((IngestHTMLStage.firstInvalidUTF8Line(Data(bytes)) == nil) == valid, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    @Test func reportsTheLineOfTheFirstInvalidByte() {
        let bytes = Array("a\nb\nc".utf8) + [0xFF] + Array("\nd".utf8)
        #expect(IngestHTMLStage.firstInvalidUTF8Line(Data(bytes)) == 3)
        #expect(IngestHTMLStage.firstInvalidUTF8Line(Data("한국어\n“ok”".utf8)) == nil)
    }
}
