import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a request path names inside the served folder.
enum SitePathResolution: Equatable, Sendable {
    /// A regular file, as its real (symlink-free) absolute path inside the served folder.
    case file(String)
    /// A folder asked for without its trailing slash, or the bare site prefix; the value is the new path.
    case redirect(String)
    case notFound
    /// A path no honest link produces: bad percent-encoding, `..`, backslashes, control bytes.
    case badRequest(String)
}

/// Maps a raw request path (as sent, still percent-encoded, without the query) to a file in the served
/// folder, refusing everything that could leave it. The order matters: decode first, judge the decoded
/// path, then resolve symbolic links and check containment on the real path, separator included, so
/// `/site-evil` is never mistaken for a child of `/site`.
struct SitePathResolver: Sendable {
    /// Real path of the served folder, without a trailing slash.
    let folder: String
    /// The baseURL path prefix, `/` or `/desk/`.
    let root: String

    init(folder: URL, root: String) {
        let path = folder.standardizedFileURL.path
        self.folder = SitePathResolver.realPath(path) ?? path
        self.root = root.hasSuffix("/") ? root : root + "/"
    }

    func resolve(rawPath: String) -> SitePathResolution {
        guard rawPath.hasPrefix("/") else { return .badRequest("the path must start with /") }
        if rawPath.contains("\\") { return .badRequest("backslashes are not allowed in paths") }
        // An encoded separator (`%2F`) only ever serves to smuggle one past a check.
        if rawPath.lowercased().contains("%2f") || rawPath.lowercased().contains("%5c") {
            return .badRequest("encoded separators are not allowed in paths")
        }
        guard let decoded = SitePathResolver.percentDecode(rawPath) else {
            return .badRequest("malformed percent-encoding or invalid UTF-8")
        }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .badRequest("control characters are not allowed in paths")
        }
        if decoded.contains("\\") { return .badRequest("backslashes are not allowed in paths") }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) {
            return .badRequest("dot segments are not allowed in paths")
        }
        // The bare prefix without its slash (`/desk`) and, under a prefix, the server root lead to the site.
        if root != "/", decoded == String(root.dropLast()) || decoded == "/" { return .redirect(root) }
        guard decoded.hasPrefix(root) else { return .notFound }
        let relative = decoded.dropFirst(root.count)
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        // Empty segments (`a//b`) and hidden names (`.verdict-output`) are never part of a site.
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            if part.isEmpty && !isLast { return .notFound }
            if part.hasPrefix(".") { return .notFound }
        }
        let candidate = relative.isEmpty ? folder : folder + "/" + relative
        guard let real = SitePathResolver.realPath(candidate), contains(real) else { return .notFound }
        switch SitePathResolver.kind(of: real) {
        case .directory:
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            guard let index = SitePathResolver.realPath(real + "/index.html"), contains(index),
                  SitePathResolver.kind(of: index) == .file else { return .notFound }
            return .file(index)
        case .file:
            return decoded.hasSuffix("/") ? .notFound : .file(real)
        case .other:
            return .notFound
        }
    }

    /// True when `real` is the served folder or inside it; the `/` keeps `/srv/site2` out of `/srv/site`.
    func contains(_ real: String) -> Bool {
        real == folder || real.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Strict percent-decoding: every `%` must start two hex digits; the result must be valid UTF-8.
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    enum Kind { case file, directory, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// What `stat` says about a file, in the units the server uses.
struct FileInfo: Sendable, Equatable {
    let size: Int
    /// Modification time in nanoseconds since 1970.
    let modified: Int
    let inode: UInt64
    let isDirectory: Bool

    /// nil when the path does not exist. `followLinks: false` describes a link itself (`lstat`).
    init?(path: String, followLinks: Bool = true) {
        var info = stat()
        guard (followLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }

    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        size = Int(info.st_size)
        modified = Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
        inode = UInt64(info.st_ino)
        isDirectory = info.st_mode & S_IFMT == S_IFDIR
    }
}
