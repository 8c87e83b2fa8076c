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
    enum Kind: Sendable { case file, folder, link, other }

    struct Entry: Sendable {
        /// Relative to the root, `/`-separated.
        let path: String
        let kind: Kind
        /// Regular files only, when asked for.
        let stamp: InputStamp?
    }

    /// Every entry under `root`, sorted by path; folders are descended into, symbolic links are not
    /// followed. With `skippingHidden`, names starting with `.` are left out, folders with their
    /// contents. With `stamping`, regular files are `stat`ed relative to their open folder, far cheaper
    /// than a `stat` of each full path later. Nil when `root` cannot be read.
    static func entries(under root: String, skippingHidden: Bool = false, stamping: Bool = false) -> [Entry]? {
        var out: [Entry] = []
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
            let folderFD = dirfd(directory)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." || (skippingHidden && name.hasPrefix(".")) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                let kind = kind(of: name, in: folderFD, type: entry.pointee.d_type)
                if kind == .folder { pending.append(path) }
                let stamp = stamping && kind == .file ? InputStamp.of(name, in: folderFD) : nil
                out.append(Entry(path: path, kind: kind, stamp: stamp))
            }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// Relative paths of the regular files under `root`, sorted; with `followingLinks`, symbolic links
    /// to regular files count as files.
    static func files(under root: String, followingLinks: Bool) -> [String]? {
        entries(under: root)?.compactMap { entry in
            switch entry.kind {
            case .file: entry.path
            case .link where followingLinks: isRegularFile(root + "/" + entry.path) ? entry.path : nil
            default: nil
            }
        }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private static func kind(of name: String, in folder: Int32, type: UInt8) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .link
        default:
            // Some file systems do not fill in d_type.
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            case S_IFLNK: return .link
            default: return .other
            }
        }
    }
}
