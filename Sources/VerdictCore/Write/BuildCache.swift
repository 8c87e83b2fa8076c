import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the last successful build wrote, kept in a file beside the output folder (`.Public.verdict-cache`
/// for `Public/`; never inside it, so it is not deployed). Deleting it only makes the next build do
/// everything again.
///
/// - If every input file (content, theme, site.yml, the `verdict` binary, the flags) hashes as it did and
///   the output folder still holds exactly the files that build wrote (same size, modification time and
///   inode, or else the same bytes), the output is already what a build would write: the build stops there.
/// - Otherwise each page whose view model hashes as before, under the same templates, link targets and
///   binary, is left in the output as it is instead of rendered again.
///
/// `Staging.commit` deletes this file before it changes the output, so a build killed half way
/// through leaves no stamps for the next build to trust.
struct BuildCache: Sendable {
    static let formatVersion = 3

    struct File: Sendable, Equatable {
        /// The page's view-model fingerprint (hex), for pages rendered through the theme.
        var key: String?
        var stamp: FileStamp
        /// The file's bytes (hex), for when the stamp no longer matches: a folder restored from a CI
        /// cache has new inodes and times but the same bytes.
        var hash: String
        /// The page's input key (hex), for pages that have one (see `PageInputKeys`).
        var input: String? = nil

        /// True when `path` is still this file: the same stamp, or else the same bytes.
        func describes(_ path: String) -> Bool {
            guard let current = FileStamp.of(path), current.size == stamp.size else { return false }
            if current == stamp { return true }
            return FileManager.default.contents(atPath: path).map { StableHash.of($0).hex == hash } ?? false
        }
    }

    var version = BuildCache.formatVersion
    /// Fingerprint of every input (hex).
    var inputs: String
    /// Fingerprint of what page keys are valid under: templates, link targets, binary (hex).
    var environment: String
    /// Every file in the output folder, by relative path.
    var files: [String: File]
    var pages: Int
    /// Files the build reported writing (pages, data files, static files).
    var written: Int
    var reviews: Int
    var snapshots: Int
    /// The warnings that build reported, reported again when it is skipped.
    var diagnostics: [Diagnostic]

    static func location(for output: URL) -> URL { POSIXFile.beside(output, "verdict-cache") }

    /// The cache for `output`, or nil when there is none or it is unreadable or from another version
    /// (see `BuildCacheFormat`).
    static func load(for output: URL) -> BuildCache? {
        FileManager.default.contents(atPath: location(for: output).path).flatMap(BuildCacheFormat.decode)
    }

    /// Written through a temporary file and a rename; a cache that cannot be written is only a slower next build.
    func save(for output: URL) {
        POSIXFile.replace(BuildCache.location(for: output)) { descriptor in
            var written = true
            BuildCacheFormat.encode(self) { piece in written = written && POSIXFile.writeAll(descriptor, piece) }
            return written
        }
    }

    /// After a successful build: the output as it now is, with the key of every page rendered or kept.
    /// A file's hash comes from `hashes` (written just now), else from the previous cache if it still
    /// describes the file (kept pages), else from reading it (static files, the marker).
    static func record(output: URL, previous: BuildCache?, inputs: UInt64, environment: UInt64, keys: [String: UInt64],
                       pageInputs: [String: UInt64], hashes: [String: UInt64], site: Site, written: Int,
                       diagnostics: [Diagnostic]) async {
        let root = output.standardizedFileURL.path
        guard let paths = FolderWalk.files(under: root, followingLinks: false) else { return remove(for: output) }
        let entries = await paths.concurrentMap { path -> File? in
            guard let stamp = FileStamp.of(root + "/" + path) else { return nil }
            let (key, input) = (keys[path]?.hex, pageInputs[path]?.hex)
            if let hash = hashes[path] { return File(key: key, stamp: stamp, hash: hash.hex, input: input) }
            if let known = previous?.files[path], known.stamp == stamp {
                return File(key: key, stamp: stamp, hash: known.hash, input: input)
            }
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
            return File(key: key, stamp: stamp, hash: StableHash.of(data).hex, input: input)
        }
        var files: [String: File] = [:]
        for (path, entry) in zip(paths, entries) {
            guard let entry else { return remove(for: output) }
            files[path] = entry
        }
        BuildCache(inputs: inputs.hex, environment: environment.hex, files: files, pages: site.pageCount, written: written,
                   reviews: site.reviews.count, snapshots: site.snapshots.count, diagnostics: diagnostics).save(for: output)
    }

    /// What a page key is valid under: the same templates (partials and layout included), the same
    /// pages and anchors for links to be checked against, and the same `verdict` binary.
    static func environment(theme: Theme, targets: LinkTargets) -> UInt64 {
        var hash = StableHash()
        for name in theme.sources.keys.sorted() {
            hash.combine(name)
            hash.combine(theme.sources[name] ?? "")
        }
        hash.combine(targets.fingerprint)
        hash.combine(InputFingerprint.executableHash ?? 0)
        return hash.finalized
    }

    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }

    /// True when `output` holds exactly the files recorded, each still the same (see `File.describes`).
    func matches(output: URL) async -> Bool {
        let root = output.standardizedFileURL.path
        guard let current = FolderWalk.files(under: root, followingLinks: false), current.count == files.count else { return false }
        let checks = await current.concurrentMap { [files] path in files[path]?.describes(root + "/" + path) ?? false }
        return !checks.contains(false)
    }
}

extension UInt64 {
    var hex: String { String(self, radix: 16) }
}
