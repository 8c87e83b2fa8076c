import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a build's files wait until every page is rendered and every error is known. Nothing in the
/// output folder changes before `commit`, so a failed build (an error diagnostic, a write error, a
/// thrown error) leaves the output byte for byte as it was. The staging folder sits next to the
/// output (`.Public.staging-PID/`), on the same file system, so `rename` can move files out of it.
///
/// It works one of two ways, chosen by what is already there:
/// - **Fresh** (`.fresh`: no output made by Verdict yet, as on a first build or a clean CI checkout):
///   the whole site is written as a tree into staging and renamed in once (see `Staging+Commit.swift`).
/// - **In place** (`.inPlace`: the output holds the `OutputFolder.marker`): only files whose bytes
///   change, or that are new, are written, each to a numbered file in staging. An unchanged file is
///   left alone (same inode and modification time, so rsync-style deploys upload only what changed),
///   and a page the build cache vouches for costs one `stat` (`keepPrevious`). `commit` then moves each
///   staged file into place with `rename` and removes what the build no longer produces.
final class Staging: Sendable {
    enum Mode: Sendable { case fresh, inPlace }

    let output: URL
    let folder: URL
    let mode: Mode
    /// Every file the build produces (pages, data files, static files), relative to the output.
    let produced: Set<String>
    /// In place: what the output holds now, by relative path, listed before anything is rendered.
    let existing: [String: FolderWalk.Kind]
    /// In place: the staged file's name in `folder`, by output path.
    let staged = Mutex<[String: String]>([:])

    private init(output: URL, folder: URL, mode: Mode, produced: Set<String>, existing: [String: FolderWalk.Kind]) {
        (self.output, self.folder, self.mode, self.produced, self.existing) = (output, folder, mode, produced, existing)
    }

    /// A staging folder for a build that will produce `files`. Staging folders left by builds whose
    /// process is gone (killed mid-build or mid-commit) are deleted first.
    static func create(for output: URL, files: [String]) throws(BuildFailure) -> Staging {
        let parent = output.deletingLastPathComponent()
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        let inPlace = FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.marker).path)
        var existing: [String: FolderWalk.Kind] = [:]
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            removeLeftovers(of: output)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw BuildFailure([Diagnostic(path: folder.path, "cannot create the staging folder: \(error.localizedDescription)")])
        }
        if inPlace {
            guard let entries = FolderWalk.entries(under: output.path) else {
                try? FileManager.default.removeItem(at: folder)
                throw BuildFailure([Diagnostic(path: output.path, "cannot read the output folder")])
            }
            for entry in entries { existing[entry.path] = entry.kind }
        }
        let staging = Staging(output: output, folder: folder, mode: inPlace ? .inPlace : .fresh, produced: Set(files), existing: existing)
        if !inPlace {
            do throws(BuildFailure) { try staging.makeDirectories(for: files, under: folder.path) } catch {
                staging.discard()
                throw error
            }
        }
        return staging
    }

    /// Creates every folder the files need under `root`, once (files are written concurrently). Plain
    /// `mkdir` in sorted order (parents sort before children): FileManager stats every ancestor first.
    /// Folders in `present` are known to exist already.
    func makeDirectories(for files: some Sequence<String>, under root: String, present: Set<String> = []) throws(BuildFailure) {
        var directories = Set<String>()
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if present.contains(String(path)) || !directories.insert(String(path)).inserted { break }
            }
        }
        for directory in directories.sorted() where mkdir(root + "/" + directory, 0o755) != 0 && errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw BuildFailure([Diagnostic(path: directory, "cannot create folder: \(reason)")])
        }
    }

    /// `relative` always comes from a route or a file inside Content/ or the theme, never from raw input,
    /// and is checked again here so nothing can land outside the output folder.
    func write(_ data: Data, to relative: String) throws(Diagnostic) {
        guard Staging.isSafe(relative) else {
            throw Diagnostic(path: relative, "refusing to write outside the output folder")
        }
        if reuseUnchanged(data, at: relative) { return }
        if let reason = Staging.writeFile(stagedPath(for: relative), data) {
            throw Diagnostic(path: relative, "cannot write file: \(reason)")
        }
    }

    /// Where the bytes for `relative` are written: its place in the staging tree (fresh), or a new
    /// numbered file that `commit` renames into place (in place).
    func stagedPath(for relative: String) -> String {
        switch mode {
        case .fresh:
            return folder.path + "/" + relative
        case .inPlace:
            let name = staged.withLock { staged in
                if let name = staged[relative] { return name }
                let name = String(staged.count)
                staged[relative] = name
                return name
            }
            return folder.path + "/" + name
        }
    }

    /// Forgets a file staged in place whose bytes turned out to be the output's already (a streamed
    /// file is compared only once written): `commit` leaves the output's copy as it is.
    func unstage(_ relative: String, at path: String) {
        guard mode == .inPlace else { return }
        // The entry stays, emptied, so the count that names staged files never goes down.
        staged.withLock { $0[relative] = "" }
        unlink(path)
    }

    /// `data` as the file at `path` (see `POSIXFile`). Returns the error, if any.
    private static func writeFile(_ path: String, _ data: Data) -> String? {
        let fd = POSIXFile.create(path)
        guard fd >= 0 else { return POSIXFile.lastError }
        defer { close(fd) }
        return data.withUnsafeBytes { POSIXFile.writeAll(fd, $0) } ? nil : POSIXFile.lastError
    }

    /// In place, when the output already holds these exact bytes as a regular file, nothing is
    /// written and the file stays as it is: an unchanged file keeps its inode and modification time.
    func reuseUnchanged(_ data: Data, at relative: String) -> Bool {
        guard mode == .inPlace, existing[relative] == .file else { return false }
        let previous = output.path + "/" + relative
        var info = stat()
        guard lstat(previous, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count,
              let bytes = FileManager.default.contents(atPath: previous) else { return false }
        return bytes == data
    }

    /// True when the output's copy of `relative` is still the file `cached` describes, so it stays as
    /// it is (in place only: a fresh build has no previous output).
    func keepPrevious(_ relative: String, cached: BuildCache.File) -> Bool {
        guard mode == .inPlace, Staging.isSafe(relative), existing[relative] == .file else { return false }
        return cached.describes(output.path + "/" + relative)
    }

    func copy(_ source: URL, to relative: String) throws(Diagnostic) {
        guard Staging.isSafe(relative) else {
            throw Diagnostic(path: relative, "refusing to write outside the output folder")
        }
        do {
            if let data = FileManager.default.contents(atPath: source.path), reuseUnchanged(data, at: relative) { return }
            try FileManager.default.copyItem(atPath: source.path, toPath: stagedPath(for: relative))
        } catch {
            throw Diagnostic(path: source.path, "cannot copy file: \(error.localizedDescription)")
        }
    }

    static func isSafe(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/") && !relative.contains("\\") && !relative.contains("\0")
            && !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
