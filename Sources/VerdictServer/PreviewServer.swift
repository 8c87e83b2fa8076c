import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import ServiceLifecycle
import Synchronization
import VerdictCore

/// Everything `verdict serve` needs to know.
public struct PreviewConfiguration: Sendable {
    public var content: URL
    /// How the content folder is named in messages (as typed on the command line).
    public var contentDisplay: String
    public var themes: URL?
    public var includeDrafts: Bool
    /// Address to bind; loopback unless the user asks otherwise.
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    public var watchMode: WatchMode
    /// A burst of changes closer together than this gives one rebuild. An editor's save (write, or a
    /// temporary file and a rename) lands within a few milliseconds; 50 ms, as watchexec waits, merges
    /// it and keeps the wait a small part of the time from save to reload.
    public var debounce: Duration
    /// Never wait longer than this after the first change of a burst.
    public var maximumDelay: Duration
    public var pollInterval: Duration
    /// Where the preview is built. nil: a new folder in the system's temporary folder, removed on exit.
    public var output: URL?

    public init(content: URL, contentDisplay: String? = nil, themes: URL? = nil, includeDrafts: Bool = false,
                host: String = "127.0.0.1", port: Int = 8080, watchMode: WatchMode = .automatic,
                debounce: Duration = .milliseconds(50), maximumDelay: Duration = .seconds(1),
                pollInterval: Duration = .milliseconds(500), output: URL? = nil) {
        self.content = content
        self.contentDisplay = contentDisplay ?? content.path
        self.themes = themes
        self.includeDrafts = includeDrafts
        self.host = host
        self.port = port
        self.watchMode = watchMode
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        self.pollInterval = pollInterval
        self.output = output
    }

    /// True for addresses only this machine can reach.
    public var isLoopback: Bool {
        let value = host.lowercased()
        return value == "localhost" || value == "::1" || value == "[::1]" || value.hasPrefix("127.")
    }
}

/// Messages for the terminal: `info` to standard output, `problem` (diagnostics, warnings) to standard error.
public struct PreviewConsole: Sendable {
    public let info: @Sendable (String) -> Void
    public let problem: @Sendable (String) -> Void

    public init(info: @escaping @Sendable (String) -> Void, problem: @escaping @Sendable (String) -> Void) {
        self.info = info
        self.problem = problem
    }

    public static let silent = PreviewConsole(info: { _ in }, problem: { _ in })
}

/// `verdict serve`: builds the site into a private folder, serves it with Hummingbird, watches the content
/// and theme folders, rebuilds after each burst of changes and tells open pages to reload (or shows them
/// what failed).
public struct PreviewServer: Sendable {
    public let configuration: PreviewConfiguration
    let console: PreviewConsole
    let builder: PreviewBuilder
    let state: PreviewState
    let output: URL
    let ownsOutput: Bool
    private let seenWarnings = SeenWarnings()
    private let executor = BuildExecutor()
    private let running = RunningGroup()

    public init(_ configuration: PreviewConfiguration, console: PreviewConsole) throws {
        self.configuration = configuration
        self.console = console
        if let output = configuration.output {
            self.output = output
            ownsOutput = false
        } else {
            PreviewServer.removeAbandonedOutputs()
            output = FileManager.default.temporaryDirectory
                .appendingPathComponent("\(PreviewServer.outputPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
            ownsOutput = true
        }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        builder = PreviewBuilder(content: configuration.content, contentDisplay: configuration.contentDisplay,
                                 includeDrafts: configuration.includeDrafts, themes: configuration.themes, output: output)
        state = PreviewState(folder: output, root: "/")
    }

    static let outputPrefix = "verdict-serve-"

    /// Preview folders of earlier runs that were killed before they could clean up (`verdict-serve-<pid>-…`
    /// whose process is gone).
    static func removeAbandonedOutputs() {
        let fm = FileManager.default
        let temporary = fm.temporaryDirectory
        guard let names = try? fm.contentsOfDirectory(atPath: temporary.path) else { return }
        for name in names where name.hasPrefix(outputPrefix) {
            let rest = name.dropFirst(outputPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: temporary.appendingPathComponent(name))
        }
    }

    /// Builds, then serves until SIGINT / SIGTERM (when `handleSignals`) or until the task is cancelled.
    /// `onListening` receives the bound port and the site's URL once the server accepts connections.
    /// A port that cannot be taken throws `PortError` before anything is built.
    public func run(handleSignals: Bool = true, onListening: @escaping @Sendable (_ port: Int, _ url: String) async -> Void = { _, _ in })
        async throws {
        defer { if ownsOutput { try? FileManager.default.removeItem(at: output) } }
        let reservation = try PortReservation.reserve(host: configuration.host, port: configuration.port)
        defer { reservation?.release() }
        await rebuild(changes: [], initial: true)
        let root = await state.site.resolver.root

        var logger = Logger(label: "verdict.serve")
        logger.logLevel = .critical
        let router = Router()
        router.add(middleware: HostGuardMiddleware(allowlist: HostAllowlist(bindHost: configuration.host)))
        router.add(middleware: SiteFileMiddleware(state: state))
        LiveReloadRoutes.add(to: router, state: state)

        let host = configuration.host
        let watcher = RebuildService(server: self)
        let app = Application(
            router: router,
            server: .http1(configuration: .init(
                idleTimeout: .seconds(30),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 200))),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(256)),
            services: [watcher],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                await onListening(port, "http://\(shownHost):\(port)\(root)")
            },
            logger: logger
        )
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: handleSignals ? [.sigint, .sigterm] : [],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: configuration)
        running.withLock { $0 = group }
        reservation?.release()
        try await group.run()
        running.withLock { $0 = nil }
        await state.finishAll()
    }

    /// Stops a running server the way Ctrl-C does: open connections, live-reload streams included, are
    /// closed and `run` returns. (Cancelling `run`'s task instead can catch a connection just accepted.)
    public func stop() async {
        guard let group = running.withLock({ $0 }) else { return }
        await group.triggerGracefulShutdown()
    }

    /// One build: publishes the result to open pages and reports it in the terminal. Returns true when
    /// a quick build left the rest of the site to `catchUp()`.
    @discardableResult
    func rebuild(changes: [String], initial: Bool = false) async -> Bool {
        await state.rebuildStarted()
        let clock = ContinuousClock.now
        let builder = self.builder
        do {
            let result = try await withTaskExecutorPreference(executor) { () async throws(BuildFailure) -> PreviewResult in
                try await builder.build()
            }
            let elapsed = (ContinuousClock.now - clock).milliseconds
            report(warnings: result.diagnostics, initial: initial)
            let hadProblems = await !state.problems.isEmpty
            await state.succeeded(folder: output, root: result.root, title: result.title, update: PageUpdate(result))
            if initial {
                console.info("Built \(result.pages) pages (\(result.reviews) reviews, \(result.snapshots) snapshots, \(result.files) files) in \(elapsed) ms")
            } else {
                let what = result.changed ? Self.summary(written: result.written.count, removed: result.removed.count) : "no page changed"
                let later = result.needsCatchUp ? "; updating the other pages in the background" : ""
                console.info("Rebuilt in \(elapsed) ms (\(describe(changes))): \(what)\(hadProblems ? ", error fixed" : "")\(later).")
            }
            return result.needsCatchUp
        } catch {
            let elapsed = (ContinuousClock.now - clock).milliseconds
            for diagnostic in error.diagnostics { console.problem(diagnostic.description) }
            await state.failed(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            let served = await state.site.isBuilt ? "still serving the last good build" : "nothing to serve until it builds"
            console.problem("\(initial ? "Build" : "Rebuild") failed after \(elapsed) ms: \(count) problem\(count == 1 ? "" : "s"); \(served).")
            return false
        }
    }

    /// The rest of the site after a quick rebuild (lists, use-case and capability pages, feeds).
    func catchUp() async {
        let builder = self.builder
        do {
            guard let result = try await withTaskExecutorPreference(executor, operation: { () async throws(BuildFailure) -> PreviewResult? in
                try await builder.catchUp()
            }) else { return }
            report(warnings: result.diagnostics, initial: false, fromCatchUp: true)
            guard result.changed else {
                console.info("Checked the other pages in the background in \(result.milliseconds) ms: none changed.")
                return
            }
            await state.succeeded(folder: output, root: result.root, title: result.title, update: PageUpdate(result))
            console.info("Updated \(result.written.count) more file\(result.written.count == 1 ? "" : "s") in the background in \(result.milliseconds) ms.")
        } catch {
            for diagnostic in error.diagnostics { console.problem(diagnostic.description) }
            await state.failed(error.diagnostics)
            console.problem("Rendering the rest of the site failed: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s").")
        }
    }

    /// Warnings are printed in full once; after that only the new ones, so a big site's known warnings
    /// do not scroll every rebuild away. A catch-up reports only what rendering found (template links),
    /// so builds and catch-ups each replace their own list.
    private func report(warnings: [Diagnostic], initial: Bool, fromCatchUp: Bool = false) {
        let fresh = seenWarnings.withLock { seen -> [Diagnostic] in
            // Usually the very list of last time (its strings shared), which compares far faster than it hashes.
            if warnings == (fromCatchUp ? seen.rendering : seen.build) { return [] }
            let known = Set(seen.build).union(seen.rendering)
            if fromCatchUp { seen.rendering = warnings } else { seen.build = warnings }
            return warnings.filter { !known.contains($0) }
        }
        for warning in (initial ? warnings : fresh) { console.problem(warning.description) }
    }

    private static func summary(written: Int, removed: Int) -> String {
        var parts = ["\(written) file\(written == 1 ? "" : "s") written"]
        if removed > 0 { parts.append("\(removed) removed") }
        return parts.joined(separator: ", ")
    }

    /// The changed paths for the terminal; editors' temporary files, gone by now, are left out.
    private func describe(_ changes: [String]) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let existing = changes.filter { FileManager.default.fileExists(atPath: $0) }
        let paths = existing.isEmpty ? changes : existing
        let shown = paths.prefix(3).map { $0.hasPrefix(cwd) ? String($0.dropFirst(cwd.count)) : $0 }
        return shown.joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
    }

    func watchRoots() async -> [URL] {
        await builder.watchRoots()
    }
}

/// The service group of a running server, to stop it gracefully.
final class RunningGroup: Sendable {
    private let storage = Mutex<ServiceGroup?>(nil)

    func withLock<T>(_ body: (inout ServiceGroup?) -> T) -> T {
        storage.withLock { body(&$0) }
    }
}

/// The warnings of the last build, to print only new ones.
final class SeenWarnings: Sendable {
    /// The warnings of the last build, and of the last background render.
    struct Seen: Sendable {
        var build: [Diagnostic] = []
        var rendering: [Diagnostic] = []
    }
    private let storage = Mutex(Seen())

    func withLock<T>(_ body: (inout Seen) -> T) -> T {
        storage.withLock { body(&$0) }
    }
}

extension Duration {
    var milliseconds: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
}
