import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Enough of `stat` to tell that a file is the one a build wrote: an edit changes the modification
/// time, a replacement the inode.
struct FileStamp: Codable, Sendable, Equatable {
    let size: Int64
    let modified: Int64
    let inode: UInt64

    /// Regular files only.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(size: Int64(info.st_size), modified: info.modifiedNanoseconds, inode: UInt64(info.st_ino))
    }
}

extension stat {
    /// Nanoseconds since 1970, on Linux and Darwin alike.
    var modifiedNanoseconds: Int64 {
        #if canImport(Darwin)
        stat.nanoseconds(st_mtimespec)
        #else
        stat.nanoseconds(st_mtim)
        #endif
    }

    var changedNanoseconds: Int64 {
        #if canImport(Darwin)
        stat.nanoseconds(st_ctimespec)
        #else
        stat.nanoseconds(st_ctim)
        #endif
    }

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
}

/// An input file as `verdict serve` last read it. The change time is there because tools such as
/// `cp -p` and `touch -r` can put an edited file's modification time back, but not its change time.
struct InputStamp: Sendable, Equatable {
    let size: Int64
    let modified: Int64
    let changed: Int64
    let inode: UInt64

    /// Changed in the last two seconds. A file written twice within one tick of the file system's clock
    /// (a few milliseconds on Linux), in place and at the same size, keeps its stamp; so a stamp this
    /// fresh is not trusted, and the file is read again next time (git's "racy clean" rule).
    var isRecent: Bool {
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        return now - max(modified, changed) < 2_000_000_000
    }

    /// Follows symbolic links (content may link to files inside the folder); nil when unreadable.
    static func of(_ path: String) -> InputStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return InputStamp(info)
    }

    /// The file `name` in the open folder `folder`.
    static func of(_ name: String, in folder: Int32) -> InputStamp? {
        var info = stat()
        guard fstatat(folder, name, &info, 0) == 0 else { return nil }
        return InputStamp(info)
    }

    private init(_ info: stat) {
        (size, modified, changed, inode) = (Int64(info.st_size), info.modifiedNanoseconds, info.changedNanoseconds, UInt64(info.st_ino))
    }
}
