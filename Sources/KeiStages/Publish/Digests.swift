import Crypto
import Foundation

/// SHA-256 digests (FIPS 180-4) through swift-crypto: of a Crossref deposit, to recognise an unchanged one
/// (``DepositLedger``), and of the issue index's style sheet, for its Content-Security-Policy (`'sha256-…'`).
enum Digests {
    /// The 32-byte SHA-256 digest of `bytes`.
    static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        Array(SHA256.hash(data: Array(bytes)))
    }

    /// The SHA-256 digest of `bytes` as 64 lower-case hexadecimal digits (as `sha256sum` prints it).
    static func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        sha256(bytes).map { String(format: "%02x", $0) }.joined()
    }
}
