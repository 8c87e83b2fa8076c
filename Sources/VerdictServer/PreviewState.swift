import Foundation
import VerdictCore

/// One Server-Sent Event, already in wire form.
struct ServerSentEvent: Sendable, Equatable {
    /// nil for a comment, which browsers ignore.
    let name: String?
    let data: String

    /// `event: name` then one `data:` line per line of `data`, then a blank line.
    var wireText: String {
        guard let name else { return ": \(data)\n\n" }
        var text = "event: \(name)\n"
        // Split on every line break ("\r\n" is a single Character, so normalise first).
        let lines = data.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in lines.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return text + "\n"
    }

    /// A comment: keeps idle connections open through proxies and finds clients that went away.
    static let heartbeat = ServerSentEvent(name: nil, data: "ping")
}

/// What open pages must do after a rebuild.
enum PageUpdate: Sendable, Equatable {
    case none
    /// Only stylesheets changed: swap them without reloading.
    case stylesheets
    /// Only these pages (URL paths) changed: pages showing them reload, the others stay.
    case pages([String])
    /// Something every page may use changed (a script, an image), or too much to list.
    case everything

    /// Pages are the documents a tab shows; anything else (scripts, images, fonts) may be part of any page.
    static let documentExtensions: Set<String> = ["html", "xml", "json", "csv", "txt"]

    init(_ result: PreviewResult) {
        let files = result.written + result.removed
        if files.isEmpty {
            self = .none
        } else if result.stylesheetsOnly {
            self = .stylesheets
        } else if files.count > 500 || files.contains(where: { !PageUpdate.documentExtensions.contains(($0 as NSString).pathExtension.lowercased()) }) {
            self = .everything
        } else {
            self = .pages(files.map { PageUpdate.urlPath(of: $0, root: result.root) }.sorted())
        }
    }

    /// `models/x/index.html` → `/desk/models/x/`; `404.html` → `/desk/404.html`.
    static func urlPath(of file: String, root: String) -> String {
        let name = file == "index.html" ? "" : file.hasSuffix("/index.html") ? String(file.dropLast("index.html".count)) : file
        return root + name
    }
}

/// What the server serves right now. Taken once per request, so a rebuild never mixes two sites.
struct ServedSite: Sendable {
    let resolver: SitePathResolver
    /// Count of successful builds; changes whenever the served files may have changed.
    let generation: Int
    /// Random per server run: a page from an earlier run reloads when it reconnects.
    let instance: String
    /// False until the first build succeeds: every request then gets the waiting page.
    let isBuilt: Bool
    /// When this generation was published (seconds since 1970): the Last-Modified floor of HTML pages.
    let builtAt: Int
    let title: String
}

/// The state every request and the rebuild loop share: the served site, the last failure, and the
/// open live-reload connections. An actor, so nothing is shared without isolation.
actor PreviewState {
    private(set) var site: ServedSite
    /// Problems of the last rebuild when it failed; empty when the last rebuild succeeded.
    private(set) var problems: [Diagnostic] = []
    /// Every rebuild started, successful or not (for tests and the status endpoint).
    private(set) var rebuilds = 0
    private var subscribers: [Int: AsyncStream<ServerSentEvent>.Continuation] = [:]
    private var nextSubscriber = 0

    init(folder: URL, root: String, instance: String = String(UUID().uuidString.prefix(8)).lowercased()) {
        site = ServedSite(resolver: SitePathResolver(folder: folder, root: root), generation: 0,
                          instance: instance, isBuilt: false, builtAt: 0, title: "")
    }

    var subscriberCount: Int { subscribers.count }

    /// A new live-reload connection. Its first event says which site it is talking to, and an open
    /// failure is sent at once, so a page opened while the build is broken shows the overlay too.
    func subscribe() -> AsyncStream<ServerSentEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(32))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.yield(LiveReload.hello(site))
        if !problems.isEmpty { continuation.yield(LiveReload.problemsEvent(problems)) }
        continuation.onTermination = { _ in
            Task { await self.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    func rebuildStarted() {
        rebuilds += 1
    }

    /// A build succeeded: serve its folder, and tell open pages what to do about it.
    func succeeded(folder: URL, root: String, title: String, update: PageUpdate) {
        let hadProblems = !problems.isEmpty
        problems = []
        let wasBuilt = site.isBuilt
        guard update != .none || !wasBuilt || root != site.resolver.root else {
            if hadProblems { broadcast(LiveReload.clearedEvent(site.generation)) }
            return
        }
        site = ServedSite(resolver: SitePathResolver(folder: folder, root: root), generation: site.generation + 1,
                          instance: site.instance, isBuilt: true, builtAt: Int(Date().timeIntervalSince1970), title: title)
        switch update {
        case .stylesheets where wasBuilt: broadcast(LiveReload.cssEvent(site.generation))
        case .pages(let paths) where wasBuilt: broadcast(LiveReload.reloadEvent(site.generation, paths: paths))
        default: broadcast(LiveReload.reloadEvent(site.generation, paths: nil))
        }
    }

    /// A build failed: the last good site stays served and every open page shows the problems.
    func failed(_ diagnostics: [Diagnostic]) {
        problems = diagnostics
        broadcast(LiveReload.problemsEvent(diagnostics))
    }

    func heartbeat() {
        broadcast(.heartbeat)
    }

    /// Ends every live-reload stream (server shutdown).
    func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func broadcast(_ event: ServerSentEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}
