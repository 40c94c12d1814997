import Foundation

/// Points file descriptor 2 at a log file while a full-screen dashboard runs in the same
/// process as a server, so anything a library writes to standard error lands in the log
/// instead of on the screen. `restore()` puts the terminal back.
final class StandardErrorRedirect {
    private let savedDescriptor: Int32

    /// Appends standard error to `path`, creating it with mode 600.
    ///
    /// - Throws: `UsageError` when the file cannot be opened.
    init(toFileAtPath path: String) throws {
        let file = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard file >= 0 else {
            throw UsageError("cannot open \(path) for standard error: \(String(cString: strerror(errno)))", command: "demo")
        }
        savedDescriptor = dup(STDERR_FILENO)
        dup2(file, STDERR_FILENO)
        close(file)
    }

    func restore() {
        guard savedDescriptor >= 0 else { return }
        dup2(savedDescriptor, STDERR_FILENO)
        close(savedDescriptor)
    }
}
