import Foundation
import KeiCore

/// The inputs of a command that reads files named on its command line (`cite parse`, `dates`): each
/// FILE, or standard input for `-` or when no FILE is given.
enum CLIInputs {
    /// The bytes of each input, in order, named as given (`<stdin>` for standard input). Throws
    /// ``KeiError/input(path:_:)`` (exit 2, `FILE: error: …`) for a missing file, a directory or a file
    /// over `limit` bytes, before anything is printed.
    static func read(_ files: [String], limit: Int) throws -> [(name: String, data: Data)] {
        let env = CLIEnvironment.current
        var inputs: [(name: String, data: Data)] = []
        for name in files.isEmpty ? ["-"] : files {
            if name == "-" {
                inputs.append(("<stdin>", FileHandle.standardInput.readDataToEndOfFile()))
            } else {
                inputs.append((name, try FileIO.read(url(of: name), display: name, limit: limit,
                                                          limitAdvice: "this command's cap on one input: split the input into smaller files")))
            }
        }
        return inputs
    }

    /// The file URL of a name given on the command line (relative to the working directory).
    static func url(of name: String) -> URL {
        name.hasPrefix("/") ? URL(fileURLWithPath: name) : CLIEnvironment.current.workingDirectory.appendingPathComponent(name)
    }

    /// The text of an input; throws ``KeiError/input(path:_:)`` when it is not valid UTF-8.
    static func text(of input: (name: String, data: Data)) throws -> String {
        guard let text = String(validating: input.data, as: UTF8.self) else {
            throw KeiError.input(path: input.name, "is not valid UTF-8 text; save it as UTF-8 and try again")
        }
        return text
    }
}
