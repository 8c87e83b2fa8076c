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
///   inode), the output is already what a build would write: the build stops there.
/// - Otherwise each page whose view model hashes as before, under the same templates, link targets and
///   binary, is hard-linked from the previous output instead of rendered again.
struct BuildCache: Codable, Sendable {
    static let formatVersion = 1

    struct File: Codable, Sendable, Equatable {
        /// The page's view-model fingerprint (hex), for pages rendered through the theme.
        var key: String?
        var stamp: FileStamp
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

    static func location(for output: URL) -> URL {
        let standard = output.standardizedFileURL
        return standard.deletingLastPathComponent().appendingPathComponent(".\(standard.lastPathComponent).verdict-cache")
    }

    /// The cache for `output`, or nil when there is none or it is unreadable or from another version.
    static func load(for output: URL) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: location(for: output).path),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.version == formatVersion else { return nil }
        return cache
    }

    /// Written through a temporary file and a rename; a cache that cannot be written is only a slower next build.
    func save(for output: URL) {
        let url = BuildCache.location(for: output)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".tmp-\(getpid())")
        do {
            try data.write(to: temporary)
            _ = rename(temporary.path, url.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// After a successful build: the output as it now is, with the key of every page rendered or kept.
    static func record(output: URL, inputs: UInt64, environment: UInt64, keys: [String: UInt64], site: Site,
                       written: Int, diagnostics: [Diagnostic]) {
        guard let stamps = stamps(of: output) else { return remove(for: output) }
        var files: [String: File] = [:]
        for (path, stamp) in stamps { files[path] = File(key: keys[path]?.hex, stamp: stamp) }
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
        if let executable = InputFingerprint.executableStamp() {
            hash.combine(UInt64(bitPattern: executable.size))
            hash.combine(UInt64(bitPattern: executable.modified))
        }
        return hash.finalized
    }

    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }

    /// True when `output` holds exactly the files recorded, none of them touched since.
    func matches(output: URL) -> Bool {
        guard let current = BuildCache.stamps(of: output), current.count == files.count else { return false }
        return files.allSatisfy { path, file in current[path] == file.stamp }
    }

    /// Stamps of every regular file under `folder`, by relative path; nil if it cannot be read.
    static func stamps(of folder: URL) -> [String: FileStamp]? {
        let root = folder.standardizedFileURL.path
        guard let files = FolderWalk.files(under: root, followingLinks: false) else { return nil }
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(files.count)
        for relative in files {
            if let stamp = FileStamp.of(root + "/" + relative) { stamps[relative] = stamp }
        }
        return stamps
    }
}

extension UInt64 {
    var hex: String { String(self, radix: 16) }
}
