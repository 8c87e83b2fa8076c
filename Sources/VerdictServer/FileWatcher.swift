import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How changes to the content and theme folders are noticed.
public enum WatchMode: String, Sendable, CaseIterable {
    /// Linux inotify, falling back to polling where it is unavailable (or its watch limit is reached).
    case automatic
    /// Compare the folders' file listings (modification time, size, inode) every half second.
    /// Slower, but works on network and container mounts that do not deliver inotify events.
    case polling
}

/// Reports changed paths under a set of folders, in batches. Nested folders, new folders, renames and
/// deletions are all seen. Consumers filter editor noise and debounce; see `ChangeFilter`.
enum FileWatcher {
    /// Starts watching `roots` (folders that do not exist are skipped). The stream ends, and the
    /// watcher releases its resources, when the consuming task stops iterating or is cancelled.
    static func changes(under roots: [URL], mode: WatchMode, pollInterval: Duration = .milliseconds(500))
        -> (stream: AsyncStream<[String]>, description: String, roots: [String]) {
        let paths = roots.compactMap { SitePathResolver.realPath($0.standardizedFileURL.path) }
            .filter { SitePathResolver.kind(of: $0) == .directory }
        #if os(Linux)
        if mode == .automatic, let inotify = InotifyWatcher(roots: paths) {
            return (inotify.start(), "inotify", paths)
        }
        #endif
        return (PollingWatcher(roots: paths, interval: pollInterval).start(),
                "polling every \(pollInterval.milliseconds) ms", paths)
    }
}

/// Which changes can affect a build. Editors write swap files, backups and lock files next to the file
/// being edited; hidden files are never part of a site (the content walk skips them too).
enum ChangeFilter {
    static func isRelevant(_ path: String, roots: [String]) -> Bool {
        let relative = roots.lazy.compactMap { root -> Substring? in
            if path == root { return "" }
            return path.hasPrefix(root + "/") ? path.dropFirst(root.count + 1) : nil
        }.first ?? Substring(path)
        for part in relative.split(separator: "/") where part.hasPrefix(".") { return false }
        let name = relative.split(separator: "/").last.map(String.init) ?? ""
        if name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913" { return false }
        if name.hasPrefix("#") && name.hasSuffix("#") { return false }
        return true
    }
}

#if os(Linux)
/// inotify through Glibc. inotify is not recursive, so every folder gets its own watch, including
/// folders created later (`IN_ISDIR` on `IN_CREATE` / `IN_MOVED_TO`). Events are read on a dedicated
/// thread (a blocking `poll` must not occupy one of the few cooperative threads), which owns the
/// descriptor and the watch table; a pipe wakes it to stop.
final class InotifyWatcher: Sendable {
    private let descriptor: Int32
    private let roots: [String]
    private let initialWatches: [Int32: String]

    static let mask: UInt32 = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    /// nil when inotify is unavailable or a folder cannot be watched (the per-user watch limit).
    init?(roots: [String]) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        var watches: [Int32: String] = [:]
        for root in roots {
            guard InotifyWatcher.addWatches(descriptor, under: root, into: &watches) else {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
        self.roots = roots
        self.initialWatches = watches
    }

    /// Watches `folder` and every non-hidden folder below it; false when a watch could not be added.
    @discardableResult
    static func addWatches(_ descriptor: Int32, under folder: String, into watches: inout [Int32: String]) -> Bool {
        let wd = inotify_add_watch(descriptor, folder, mask)
        guard wd >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        watches[wd] = folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return true }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = folder + "/" + name
            guard FileInfo(path: child, followLinks: false)?.isDirectory == true else { continue }
            if !addWatches(descriptor, under: child, into: &watches) { return false }
        }
        return true
    }

    func start() -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .unbounded)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(descriptor)
            continuation.finish()
            return stream
        }
        let (wakeRead, wakeWrite) = (pipeEnds[0], pipeEnds[1])
        continuation.onTermination = { _ in
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
        let descriptor = self.descriptor
        let roots = self.roots
        let watches = self.initialWatches
        let thread = Thread {
            InotifyWatcher.readLoop(descriptor: descriptor, wake: wakeRead, roots: roots, watches: watches, continuation: continuation)
            continuation.finish()
            close(descriptor)
            close(wakeRead)
            close(wakeWrite)
        }
        thread.name = "verdict-inotify"
        thread.start()
        return stream
    }

    private static func readLoop(descriptor: Int32, wake: Int32, roots: [String], watches initial: [Int32: String],
                                 continuation: AsyncStream<[String]>.Continuation) {
        var watches = initial
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let headerSize = MemoryLayout<inotify_event>.size
        while true {
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            guard fds[0].revents & Int16(POLLIN) != 0 else {
                if fds[0].revents != 0 { return }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            var changed: [String] = []
            var offset = 0
            while offset + headerSize <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                // The flexible `name` array is not imported: the NUL-padded name follows the header.
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + Int(event.len))].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += headerSize + Int(event.len)

                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: report every root so a full rebuild runs, and re-watch everything.
                    for (wd, _) in watches { inotify_rm_watch(descriptor, wd) }
                    watches = [:]
                    for root in roots { addWatches(descriptor, under: root, into: &watches) }
                    changed.append(contentsOf: roots)
                    continue
                }
                guard let folder = watches[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    watches[event.wd] = nil
                    continue
                }
                let path = name.isEmpty ? folder : folder + "/" + name
                changed.append(path)
                let isDirectory = event.mask & UInt32(IN_ISDIR) != 0
                if isDirectory, event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, !name.hasPrefix(".") {
                    // Files may already be inside a folder that was moved in or filled quickly.
                    addWatches(descriptor, under: path, into: &watches)
                }
            }
            if !changed.isEmpty { continuation.yield(changed) }
        }
    }
}
#endif

/// The fallback: compares listings of the roots at a fixed interval.
struct PollingWatcher: Sendable {
    let roots: [String]
    let interval: Duration

    func start() -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .unbounded)
        let roots = self.roots
        let interval = self.interval
        let task = Task {
            var previous = PollingWatcher.listing(roots)
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                let current = PollingWatcher.listing(roots)
                let changed = PollingWatcher.difference(previous, current)
                previous = current
                if !changed.isEmpty { continuation.yield(changed) }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    static func difference(_ old: [String: FileInfo], _ new: [String: FileInfo]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Every non-hidden file and folder under the roots, without following symbolic links.
    static func listing(_ roots: [String]) -> [String: FileInfo] {
        var out: [String: FileInfo] = [:]
        func visit(_ path: String) {
            guard let info = FileInfo(path: path, followLinks: false) else { return }
            out[path] = info
            guard info.isDirectory, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names where !name.hasPrefix(".") { visit(path + "/" + name) }
        }
        for root in roots { visit(root) }
        return out
    }
}
