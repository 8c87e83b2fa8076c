import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files under a folder, listed with `readdir`: FileManager's enumerator on Linux builds an NSString
/// path per entry, and listing a 10,000-page site with it took longer than checking that the site is
/// up to date.
enum FolderWalk {
    /// Relative paths (with `/`) of the regular files under `root`, sorted; with `followingLinks`,
    /// symbolic links to regular files count as files. Nil when `root` cannot be read.
    static func files(under root: String, followingLinks: Bool) -> [String]? {
        var out: [String] = []
        var pending = [""]
        var first = true
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(folder) else {
                if first { return nil }
                continue
            }
            first = false
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind(of: root + "/" + path, type: entry.pointee.d_type, followingLinks: followingLinks) {
                case .folder: pending.append(path)
                case .file: out.append(path)
                case .other: break
                }
            }
        }
        return out.sorted()
    }

    private enum Kind { case file, folder, other }

    private static func kind(of path: String, type: UInt8, followingLinks: Bool) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK):
            guard followingLinks else { return .other }
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? .file : .other
        default:
            // Some file systems do not fill in d_type.
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            default: return .other
            }
        }
    }
}
