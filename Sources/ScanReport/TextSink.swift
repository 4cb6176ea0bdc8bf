#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a reporter writes. Reporters never write to the process's stdout directly, so that
/// every reporter can be tested on a `BufferSink`.
public protocol TextSink: AnyObject {
    func write(_ text: String)
    /// Pushes what was written to its destination (a pipe sees it now).
    func flush()
}

/// Writes to a C stream (`stdout`, `stderr`, or a file opened for a report).
public final class FileSink: TextSink {
    private let stream: UnsafeMutablePointer<FILE>
    private let closesStream: Bool

    /// Wraps `stream`; `closesStream` says whether this sink owns it and closes it on deinit.
    public init(_ stream: UnsafeMutablePointer<FILE>, closesStream: Bool = false) {
        self.stream = stream
        self.closesStream = closesStream
    }

    /// Opens `path` for writing (truncating it); nil when it cannot be opened.
    public convenience init?(path: String) {
        guard let stream = fopen(path, "w") else { return nil }
        self.init(stream, closesStream: true)
    }

    deinit {
        if closesStream { fclose(stream) } else { fflush(stream) }
    }

    public func write(_ text: String) {
        fputs(text, stream)
    }

    public func flush() {
        fflush(stream)
    }

    /// A sink on file descriptor 1 (the C `stdout` global is not concurrency-safe to touch).
    public static func standardOutput() -> FileSink { descriptor(STDOUT_FILENO) }
    /// A sink on file descriptor 2.
    public static func standardError() -> FileSink { descriptor(STDERR_FILENO) }

    private static func descriptor(_ fd: Int32) -> FileSink {
        // fdopen only fails without memory; abort is the honest answer there.
        guard let stream = fdopen(fd, "w") else { abort() }
        if fd == STDERR_FILENO { setvbuf(stream, nil, _IONBF, 0) }
        return FileSink(stream)
    }
}

/// Collects everything written, for tests and for buffered formats.
public final class BufferSink: TextSink {
    public private(set) var text = ""
    public private(set) var flushCount = 0

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }

    public func flush() {
        flushCount += 1
    }
}
