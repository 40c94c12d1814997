import Foundation

/// Writes command output: results to standard output, messages and errors to standard error.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("agentref: " + text + "\n").utf8))
    }
}
