import Foundation

/// Where log records go. Sinks are shared across threads, so writes are serialized.
public final class LogSink: @unchecked Sendable {
    private let handle: FileHandle
    private let closesHandle: Bool
    private let lock = NSLock()

    private init(handle: FileHandle, closesHandle: Bool) {
        self.handle = handle
        self.closesHandle = closesHandle
    }

    deinit {
        if closesHandle { try? handle.close() }
    }

    /// A sink that writes to standard error.
    public static func standardError() -> LogSink {
        LogSink(handle: FileHandle.standardError, closesHandle: false)
    }

    /// Opens `path` for appending, creating it and its folder when missing.
    ///
    /// - Throws: The file system error when the file cannot be created or opened.
    public static func file(atPath path: String) throws -> LogSink {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        return LogSink(handle: handle, closesHandle: true)
    }

    public func write(_ record: LogRecord) {
        let line = Data((record.formatted + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        try? handle.write(contentsOf: line)
    }
}
