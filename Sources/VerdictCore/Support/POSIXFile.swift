import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way the build writes its own files (staged pages and data files, the streamed download, the
/// two caches beside the output): plain open/write/close, without the fsync that `Data.write` does for
/// every file (as Hugo and rsync do: a crash loses at most this build, which the next one repeats).
enum POSIXFile {
    /// `path` opened for writing, created or emptied; -1 with `errno` set when it cannot be.
    static func create(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }

    /// Every byte of `buffer` written, retried after a signal; false with `errno` set when a write fails.
    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < buffer.count {
            let wrote = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else { return false }
            done += wrote
        }
        return true
    }

    /// The text of the last failure's `errno`.
    static var lastError: String { String(cString: strerror(errno)) }

    /// Writes a temporary file beside `url` through `body` and renames it over `url` only when `body`
    /// returned true and the close succeeded, so a reader finds the old file or the whole new one. A
    /// file that cannot be written is left as it was (the caches: only a slower next build).
    static func replace(_ url: URL, writing body: (Int32) -> Bool) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".tmp-\(getpid())").path
        let descriptor = create(temporary)
        guard descriptor >= 0 else { return }
        let written = body(descriptor)
        if close(descriptor) != 0 || !written || rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    /// A file of Verdict's next to the output folder, never inside it (not deployed):
    /// `.Public.<suffix>` for `Public/`.
    static func beside(_ output: URL, _ suffix: String) -> URL {
        let standard = output.standardizedFileURL
        return standard.deletingLastPathComponent().appendingPathComponent(".\(standard.lastPathComponent).\(suffix)")
    }
}
