import Foundation
import Glibc

/// Opens a URL in a browser with `$BROWSER` or `xdg-open`, started as a detached
/// process so the dashboard keeps the terminal.
struct URLOpener: Sendable {
    var environment: [String: String]

    /// Returns the command and arguments that would open `url`, or nil when no opener exists.
    ///
    /// `$BROWSER` is a colon-separated list of commands, each possibly with arguments and a
    /// `%s` where the URL goes; without `%s` the URL is appended. The first command whose
    /// program is found is used. Without one, `xdg-open` is used when installed.
    func command(for url: String) -> [String]? {
        let browsers = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init)
        for browser in browsers {
            let words = browser.split(separator: " ").map(String.init)
            guard let program = words.first, executablePath(program) != nil else { continue }
            let hasPlaceholder = words.contains { $0.contains("%s") }
            let arguments = words.map { $0.replacingOccurrences(of: "%s", with: url) }
            return hasPlaceholder ? arguments : arguments + [url]
        }
        return executablePath("xdg-open") == nil ? nil : ["xdg-open", url]
    }

    /// Starts the opener for `url` without waiting for it, with its input and output on
    /// /dev/null and in its own process group, so it cannot draw over or read from the
    /// dashboard's terminal. Only http and https URLs are opened.
    func open(_ url: String) -> URLOpenOutcome {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            return .failed(command: "open", message: "the URL does not start with http:// or https://")
        }
        guard let command = command(for: url), let path = executablePath(command[0]) else { return .noOpener }

        switch spawnDetached(path: path, arguments: command) {
        case .success(let pid):
            reapInBackground(pid)
            return .opened(command: command[0])
        case .failure(let message):
            return .failed(command: command[0], message: message)
        }
    }

    private enum SpawnResult {
        case success(pid_t)
        case failure(String)
    }

    private func spawnDetached(path: String, arguments: [String]) -> SpawnResult {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            let mode = descriptor == 0 ? O_RDONLY : O_WRONLY
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", mode, 0)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        return status == 0 ? .success(pid) : .failure(String(cString: strerror(status)))
    }

    /// Waits for the opener on a background thread so it does not stay a zombie.
    private func reapInBackground(_ pid: pid_t) {
        Thread.detachNewThread {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Finds the full path of `program`: itself when it contains `/` and is executable,
    /// else the first executable match in `$PATH`.
    func executablePath(_ program: String) -> String? {
        if program.contains("/") {
            return access(program, X_OK) == 0 ? program : nil
        }
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
