import Foundation
import KeiCLI

/// `kei-fuzz TARGET [ARGS…]`: the libFuzzer driver for one ``FuzzEntry`` reader (`make fuzz`).
///
/// Built with `make fuzz` (coverage instrumentation, AddressSanitizer and libFuzzer's runtime, in
/// `.build/fuzz`), the arguments after TARGET are libFuzzer's (`-max_total_time=600 CORPUS_DIR…`).
/// In an ordinary build (no libFuzzer) it replays files instead: `kei-fuzz TARGET FILE…` runs each file
/// through the reader and prints its outcome, which is how a crash file from a fuzz run is reproduced
/// without the sanitizer. A reader that crashes, hangs or throws an undocumented error type (``FuzzEntry/Outcome/unexpected(_:)``)
/// is a finding: the fuzz build aborts on it (libFuzzer saves the input), the replay exits 1.
@main
enum KeiFuzz {
    nonisolated(unsafe) static var entry = FuzzEntry.html
    nonisolated(unsafe) static var sandbox: FuzzSandbox?

    static func main() {
        var args = CommandLine.arguments
        guard args.count >= 2, let target = FuzzEntry(rawValue: args[1]) else {
            let names = FuzzEntry.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: kei-fuzz \(names) [libFuzzer options and corpus folders | files to replay]\n".utf8))
            exit(2)
        }
        entry = target
        do {
            sandbox = try FuzzSandbox(copying: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch {
            FileHandle.standardError.write(Data("kei-fuzz: cannot create the sandbox: \(error)\n".utf8))
            exit(2)
        }
        atexit { KeiFuzz.sandbox?.remove() }
        args.remove(at: 1)
        #if KEI_FUZZ
        // One run on the empty input before libFuzzer's per-input timer starts: the readers' one-time set-up
        // (the reference parser's model, about 1 s in a normal debug build, over 60 s under ASan on a loaded
        // machine) is not charged to the first input as a timeout.
        _ = entry.run(Data(), in: sandbox!)
        exit(runLibFuzzer(args))
        #else
        var failed = false
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read"); failed = true; continue
            }
            let outcome = entry.run(data, in: sandbox!)
            print("\(path): \(outcome)")
            if case .unexpected = outcome { failed = true }
        }
        exit(failed ? 1 : 0)
        #endif
    }
}

/// One libFuzzer input: runs the selected reader, aborts on an undocumented error (a finding).
func keiFuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    if case .unexpected(let message) = KeiFuzz.entry.run(data, in: KeiFuzz.sandbox!) {
        FileHandle.standardError.write(Data("kei-fuzz \(KeiFuzz.entry.rawValue): undocumented error: \(message)\n".utf8))
        abort()
    }
    return 0
}

#if KEI_FUZZ
/// libFuzzer's driver (libclang_rt.fuzzer_no_main, linked by `make fuzz`): parses its options from
/// `argv` and calls the callback for each input until a finding or `-max_total_time`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

func runLibFuzzer(_ args: [String]) -> CInt {
    var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    var argc = CInt(args.count)
    return cArgs.withUnsafeMutableBufferPointer { buffer in
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &argv, keiFuzzTestOneInput)
    }
}
#endif
