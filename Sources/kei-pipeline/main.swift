import Foundation
import KeiCLI

exit(KeiCLI.main(Array(CommandLine.arguments.dropFirst())))
