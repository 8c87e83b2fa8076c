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
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileStamp(size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec),
                         inode: UInt64(info.st_ino))
    }
}
