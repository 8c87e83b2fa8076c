import Foundation

/// One hash of everything a build reads: every file under the content folder and the theme folder
/// (path and bytes), the `verdict` executable's bytes and the flags. Equal fingerprints mean a build
/// would write the same site.
enum InputFingerprint {
    static func compute(content: URL, theme: URL, flags: [String]) async -> UInt64? {
        guard let contentFiles = FolderWalk.files(under: content.standardizedFileURL.path, followingLinks: true),
              let themeFiles = FolderWalk.files(under: theme.standardizedFileURL.path, followingLinks: true) else { return nil }
        let jobs = contentFiles.map { Job(label: "content/" + $0, url: content.appendingPathComponent($0)) }
            + themeFiles.map { Job(label: "theme/" + $0, url: theme.appendingPathComponent($0)) }
        let hashes = await jobs.concurrentMap { job -> UInt64? in
            guard let data = FileManager.default.contents(atPath: job.url.path) else { return nil }
            var hash = StableHash()
            hash.combine(job.label)
            hash.combine(data)
            return hash.value
        }
        var total = StableHash()
        for hash in hashes {
            guard let hash else { return nil }
            total.combine(hash)
        }
        for flag in flags { total.combine(flag) }
        guard let executable = executableHash else { return nil }
        total.combine(executable)
        return total.finalized
    }

    private struct Job: Sendable {
        let label: String
        let url: URL
    }

    /// The running `verdict` binary's bytes, hashed once per process: a rebuilt binary may render
    /// differently, and one rebuilt from the same source (as CI does on every run) hashes the same.
    static let executableHash: UInt64? = {
        #if os(Linux)
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        #else
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        #endif
        return FileManager.default.contents(atPath: path).map(StableHash.of)
    }()
}
