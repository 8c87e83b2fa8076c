import Foundation
import ServiceLifecycle

/// Changes seen since the last rebuild, and when the latest and the first of them arrived.
actor ChangeCollector {
    private var paths: Set<String> = []
    private var first: ContinuousClock.Instant?
    private var latest: ContinuousClock.Instant?

    func add(_ batch: [String]) {
        let now = ContinuousClock.now
        paths.formUnion(batch)
        if first == nil { first = now }
        latest = now
    }

    /// How long until nothing will have arrived for `quiet`, or the burst will have lasted `maximum`;
    /// zero when that is now.
    func remainingWait(quiet: Duration, maximum: Duration) -> Duration {
        guard let first, let latest else { return .zero }
        let now = ContinuousClock.now
        return max(.zero, min(latest + quiet, first + maximum) - now)
    }

    func take() -> [String] {
        defer {
            paths = []
            first = nil
            latest = nil
        }
        return paths.sorted()
    }
}

/// Watches the content and theme folders and rebuilds once per burst of changes. A service of the
/// application, so it starts with the server and stops on Ctrl-C.
struct RebuildService: Service {
    let server: PreviewServer

    func run() async throws {
        let configuration = server.configuration
        let (changes, mode, roots) = FileWatcher.changes(under: await server.watchRoots(), mode: configuration.watchMode,
                                                         pollInterval: configuration.pollInterval)
        server.console.info("Watching \(roots.map(Self.shortPath).joined(separator: " and ")) (\(mode)).")
        let (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let (catchUps, catchUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let collector = ChangeCollector()
        let state = server.state
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await batch in changes {
                        let relevant = batch.filter { ChangeFilter.isRelevant($0, roots: roots) }
                        guard !relevant.isEmpty else { continue }
                        await collector.add(relevant)
                        signal.yield()
                    }
                    signal.finish()
                }
                group.addTask {
                    // One rebuild per burst: wait until the folders have been quiet for a moment.
                    for await _ in signals {
                        // Sleeps exactly until the burst is over (a new change moves the end further).
                        while true {
                            let wait = await collector.remainingWait(quiet: configuration.debounce, maximum: configuration.maximumDelay)
                            if wait == .zero { break }
                            try? await Task.sleep(for: wait)
                            if Task.isCancelled { return }
                        }
                        let paths = await collector.take()
                        if paths.isEmpty { continue }
                        if await server.rebuild(changes: paths) { catchUp.yield() }
                    }
                    catchUp.finish()
                }
                group.addTask {
                    // After a quick rebuild, the rest of the site; a newer rebuild makes this one give way.
                    // It waits a moment first, so the reload that the quick rebuild triggered is served
                    // before the render takes the processors (and a quick series of saves renders once).
                    for await _ in catchUps {
                        try? await Task.sleep(for: .milliseconds(500))
                        if Task.isCancelled { return }
                        await server.catchUp()
                    }
                }
                group.addTask {
                    // Comments on the live-reload streams find closed tabs and keep proxies from timing out.
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(15))
                        await state.heartbeat()
                    }
                }
            }
        }
        await state.finishAll()
    }

    static func shortPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path == cwd { return "." }
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
