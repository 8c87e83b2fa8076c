import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder next to the output where a build is written before it replaces the output in one rename,
/// so readers and a failed build never see half a site.
struct Staging: Sendable {
    let output: URL
    let folder: URL

    static func create(for output: URL) throws(BuildFailure) -> Staging {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
            try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw BuildFailure([Diagnostic(path: folder.path, "cannot create the staging folder: \(error.localizedDescription)")])
        }
        return Staging(output: output, folder: folder)
    }

    /// Creates every folder the files need, once, before files are written concurrently. Plain
    /// `mkdir` in sorted order (parents sort before children): FileManager stats every ancestor first.
    func makeDirectories(for files: some Sequence<String>) throws(BuildFailure) {
        var directories = Set<String>()
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !directories.insert(String(path)).inserted { break }
            }
        }
        for directory in directories.sorted() where mkdir(folder.appendingPathComponent(directory).path, 0o755) != 0 && errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw BuildFailure([Diagnostic(path: directory, "cannot create folder: \(reason)")])
        }
    }

    /// `relative` always comes from a route or a file inside Content/ or the theme, never from raw input,
    /// and is checked again here so nothing can land outside the staging folder.
    func write(_ data: Data, to relative: String) throws(Diagnostic) {
        guard Staging.isSafe(relative) else {
            throw Diagnostic(path: relative, "refusing to write outside the output folder")
        }
        if reuseUnchanged(data, at: relative) { return }
        if let reason = Staging.writeFile(folder.appendingPathComponent(relative).path, data) {
            throw Diagnostic(path: relative, "cannot write file: \(reason)")
        }
    }

    /// open/write/close without the fsync that `Data.write` does for every file (as Hugo and rsync do:
    /// the rename in `commit` is what makes the swap atomic). Returns the error, if any.
    private static func writeFile(_ path: String, _ data: Data) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        return data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// When the current output already holds these exact bytes, the file is hard-linked into staging
    /// instead of written: an unchanged rebuild writes nothing and keeps modification times, so
    /// rsync-style deploys upload only what changed. The old output is never modified, only linked.
    private func reuseUnchanged(_ data: Data, at relative: String) -> Bool {
        let previous = output.appendingPathComponent(relative).path
        var info = stat()
        guard stat(previous, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count,
              let existing = FileManager.default.contents(atPath: previous), existing == data else { return false }
        return link(previous, folder.appendingPathComponent(relative).path) == 0
    }

    /// Hard-links the output's copy of `relative` into staging if it is still the file `cached` describes.
    func linkPrevious(_ relative: String, cached: BuildCache.File) -> Bool {
        let previous = output.appendingPathComponent(relative).path
        guard Staging.isSafe(relative), cached.describes(previous) else { return false }
        return link(previous, folder.appendingPathComponent(relative).path) == 0
    }

    func copy(_ source: URL, to relative: String) throws(Diagnostic) {
        guard Staging.isSafe(relative) else {
            throw Diagnostic(path: relative, "refusing to write outside the output folder")
        }
        do {
            if let data = FileManager.default.contents(atPath: source.path), reuseUnchanged(data, at: relative) { return }
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(relative))
        } catch {
            throw Diagnostic(path: source.path, "cannot copy file: \(error.localizedDescription)")
        }
    }

    static func isSafe(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/") && !relative.contains("\\") && !relative.contains("\0")
            && !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Swaps the staging folder in for the output. Placeholder files (`.gitkeep`) are carried over.
    func commit() throws(BuildFailure) {
        let fm = FileManager.default
        do {
            for name in OutputFolder.placeholders where fm.fileExists(atPath: output.appendingPathComponent(name).path) {
                try fm.copyItem(at: output.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            try Data().write(to: folder.appendingPathComponent(OutputFolder.marker))
            if fm.fileExists(atPath: output.path) {
                let old = output.deletingLastPathComponent()
                    .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
                try fm.moveItem(at: output, to: old)
                try fm.moveItem(at: folder, to: output)
                try fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: folder, to: output)
            }
        } catch {
            discard()
            throw BuildFailure([Diagnostic(path: output.path, "cannot replace the output folder: \(error.localizedDescription)")])
        }
    }

    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The C `write`, which `Staging.write(_:to:)` would shadow inside the type.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
