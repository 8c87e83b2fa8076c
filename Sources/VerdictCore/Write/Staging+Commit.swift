import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one step that changes the output folder, run only after every page rendered without error.
/// Afterwards the output holds exactly the files the build produced, plus the placeholders
/// (`OutputFolder.placeholders`, at its top) and the marker.
extension Staging {
    func commit() throws(BuildFailure) {
        do {
            switch mode {
            case .fresh: try swapIn()
            case .inPlace: try updateInPlace()
            }
        } catch let failure as BuildFailure {
            discard()
            throw failure
        } catch {
            discard()
            throw BuildFailure([Diagnostic(path: output.path, "cannot update the output folder: \(error.localizedDescription)")])
        }
    }

    /// Fresh: the staging tree, with the marker and any placeholders of an empty output folder, is
    /// renamed to the output in one step.
    private func swapIn() throws {
        let fm = FileManager.default
        for name in OutputFolder.placeholders where fm.fileExists(atPath: output.appendingPathComponent(name).path) {
            try fm.copyItem(at: output.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try Data().write(to: folder.appendingPathComponent(OutputFolder.marker))
        if fm.fileExists(atPath: output.path) {
            let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
            if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
            try fm.moveItem(at: output, to: old)
            try fm.moveItem(at: folder, to: output)
            try fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: folder, to: output)
        }
    }

    /// In place: each staged file is renamed over its old version (a reader sees the old or the new
    /// file, never half of one; the site as a whole changes file by file), after what the build no
    /// longer produces is removed, so a file may replace a folder and a folder a file.
    ///
    /// The build cache is deleted first and written again by the caller afterwards: should the process
    /// die half way, the next build has no stamps to trust, compares every file's bytes with what it
    /// renders, and so still leaves a correct output. Its `create` deletes this staging folder.
    private func updateInPlace() throws {
        BuildCache.remove(for: output)
        let root = output.path
        var needed = Set<String>()  // folders holding produced files
        for file in produced {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !needed.insert(String(path)).inserted { break }
            }
        }
        let kept = OutputFolder.placeholders.union([OutputFolder.marker])
        var staleFolders: [String] = []
        for (path, kind) in existing {
            if kind == .folder {
                if !needed.contains(path) { staleFolders.append(path) }
            } else if !produced.contains(path) && !kept.contains(path) {
                try check(unlink(root + "/" + path) == 0 || errno == ENOENT, path)
            }
        }
        // Children sort after their parents: removed in reverse order, each folder is empty by then.
        for path in staleFolders.sorted(by: >) {
            try check(rmdir(root + "/" + path) == 0 || errno == ENOENT, path)
        }
        let moves = staged.withLock { $0 }.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        let present = Set(existing.compactMap { $0.value == .folder && needed.contains($0.key) ? $0.key : nil })
        try makeDirectories(for: moves.map(\.key), under: root, present: present)
        for (relative, name) in moves where Staging.isSafe(relative) {
            try check(rename(folder.path + "/" + name, root + "/" + relative) == 0, relative)
        }
        discard()
    }

    private func check(_ succeeded: Bool, _ relative: String) throws {
        guard succeeded else {
            throw Failure(errorDescription: "\(relative): \(String(cString: strerror(errno)))")
        }
    }

    private struct Failure: LocalizedError {
        let errorDescription: String?
    }

    /// Deletes the staging folders (and the old outputs of an interrupted fresh swap) that earlier
    /// builds of `output` left behind when their process died. A folder whose build is still running is
    /// left alone.
    static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).staging-", ".\(output.lastPathComponent).old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: name.hasPrefix), let pid = pid_t(name.dropFirst(prefix.count)) else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }
}
