import Foundation
import Synchronization
import VerdictMarkdown

/// What one preview build changed in its output folder.
public struct PreviewResult: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Every page rendered (the first build; theme, site.yml or snapshot changes).
        case full
        /// Only the pages made from the edited Markdown files, new and removed pages, and changed static
        /// files; when Markdown changed, `PreviewBuilder.catchUp()` brings the other pages up to date.
        case quick
        /// The pass after a quick build that renders everything else.
        case catchUp
    }

    public let kind: Kind
    /// True when a quick build left other pages to `PreviewBuilder.catchUp()`.
    public let needsCatchUp: Bool
    public let pages: Int
    public let files: Int
    public let reviews: Int
    public let snapshots: Int
    public let milliseconds: Int
    /// The baseURL path prefix (`/` or `/desk/`) and the site title, for the server.
    public let root: String
    public let title: String
    /// Output files (relative paths) that were written because they are new or their bytes changed.
    public let written: [String]
    /// Output files that no longer belong to the site (a renamed or deleted review's page) and were removed.
    public let removed: [String]
    /// Warnings; a successful build has no errors.
    public let diagnostics: [Diagnostic]

    public var changed: Bool { !written.isEmpty || !removed.isEmpty }
    /// Only stylesheets changed: pages can swap their stylesheets instead of reloading.
    public var stylesheetsOnly: Bool { changed && removed.isEmpty && written.allSatisfy { $0.hasSuffix(".css") } }
}

/// Builds a site again and again into one private folder for `verdict serve`, doing as little as each
/// change needs.
///
/// - Input files are read only when their `stat` changed, and decoded and parsed only when their bytes
///   changed (a change to site.yml parses everything again).
/// - An edit to reviews, pages or use-case intros renders only the pages made from those files, plus pages
///   that appeared, and removes pages that disappeared: that is what the editor is looking at. Every other
///   page is brought up to date by `catchUp()`, which renders the whole site and rewrites what differs.
/// - Theme, site.yml and snapshot changes render everything. Static-file changes only copy files.
/// - Pages are compared with what the folder holds and written only when their bytes differ, each through
///   a temporary file and a rename, so a reader never sees half a page.
/// - Nothing is written unless the build succeeded: a failed build leaves the last good site in place.
///
/// The loading mirrors `Loader.load` and `SiteBuilder.prepare` step for step, with the same functions for
/// each file; `PreviewTests` check that the output is byte for byte what `verdict build` writes.
public actor PreviewBuilder {
    public let content: URL
    public let contentDisplay: String
    public let includeDrafts: Bool
    public let themes: URL?
    public let output: URL

    private var cache = SourceCache()
    /// Counts builds; the sources' `changedAt` refer to it.
    private var counter = 0
    /// `counter`, readable from the render tasks of a catch-up, which stop when a newer build started.
    private let started = BuildCounter()
    private var last: LastBuild?
    /// Hash and size of every file in the output folder, by relative path.
    private var outputs: [String: Fingerprint] = [:]
    /// View-model fingerprints of the pages in the folder, valid under `keysEnvironment` (templates, link
    /// targets, binary): a full render keeps a page whose key is unchanged instead of rendering it again.
    /// A page written any other way loses its key.
    private var pageKeys: [String: UInt64] = [:]
    private var keysEnvironment: UInt64?
    /// The site a quick build left for `catchUp()`, and the build it belongs to.
    private var pendingCatchUp: (counter: Int, prepared: SiteBuilder.Prepared)?
    /// A quick build left pages behind and no catch-up or full build has finished since: the next
    /// quick build owes a catch-up even if it changed no Markdown itself.
    private var catchUpOwed = false

    public init(content: URL, contentDisplay: String? = nil, includeDrafts: Bool = false, themes: URL? = nil, output: URL) {
        self.content = content
        self.contentDisplay = contentDisplay ?? content.path
        self.includeDrafts = includeDrafts
        self.themes = themes
        self.output = output
    }

    /// The folders whose changes can change the site: the content folder and the folder holding the
    /// themes (all of them, so switching `theme:` in site.yml needs no new watch).
    public func watchRoots() -> [URL] {
        var roots = [content]
        if let directory = last?.prepared.theme.directory {
            roots.append(directory.deletingLastPathComponent())
        } else if let themes {
            roots.append(themes)
        } else {
            roots.append(content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Themes"))
        }
        return roots
    }

    // MARK: Building

    public func build() async throws(BuildFailure) -> PreviewResult {
        let clock = ContinuousClock.now
        counter += 1
        let build = counter
        started.value.store(build, ordering: .relaxed)
        let (prepared, changes, checks, reassembled, themeStamp) = try await prepare(build: build)
        try prepared.diagnostics.failOnErrors()
        let statics = Dictionary(prepared.statics.map { ($0.outputPath, SourceStamp($0.source)) }, uniquingKeysWith: { first, _ in first })

        let quick: Bool
        if let last, last.prepared.theme.directory == prepared.theme.directory, last.themeStamp == themeStamp,
           !changes.config, !changes.snapshots {
            quick = true
        } else {
            quick = false
        }

        var written: [String] = []
        var next = outputs
        var renderDiagnostics: [Diagnostic] = []
        // A reassembled site has the last build's routes.
        let routeFiles = if let last, reassembled { last.routeFiles } else { Set(prepared.site.routes.map(\.file)) }
        if quick, let last {
            // The pages made from the edited files, and pages that are new.
            let routes = prepared.site.routes.filter { route in
                (!reassembled && outputs[route.file] == nil) || changes.affects(route, in: prepared.site)
            }
            let renderer = Renderer(site: prepared.site, theme: prepared.theme)
            var rendered: [(String, Data)] = []
            for route in routes {
                do throws(Diagnostic) {
                    rendered.append((route.file, try renderer.render(route)))
                } catch {
                    throw BuildFailure([error])
                }
            }
            for (file, data) in rendered where next[file] != Fingerprint(data) {
                try write(data, to: file)
                next[file] = Fingerprint(data)
                pageKeys[file] = nil
                written.append(file)
            }
            if !reassembled { for file in last.routeFiles.subtracting(routeFiles) { next[file] = nil } }
            for file in last.statics.keys where statics[file] == nil && !routeFiles.contains(file) { next[file] = nil }
        } else {
            let rendered = try await renderAll(prepared, comparingWith: outputs)
            for (file, data, fingerprint) in rendered.changed {
                try write(data, to: file)
                next[file] = fingerprint
                written.append(file)
            }
            (pageKeys, keysEnvironment) = (rendered.keys, rendered.environment)
            for file in next.keys where !routeFiles.contains(file) && statics[file] == nil { next[file] = nil }
            renderDiagnostics = rendered.diagnostics
        }
        written += try copyStatics(prepared.statics, stamps: statics, previous: last?.statics ?? [:], into: &next)
        let removed = outputs.keys.filter { next[$0] == nil }.sorted()
        for file in removed { remove(file) }

        outputs = next
        // Freeing the last build's site takes a while on a big site, so it happens after the reload.
        var previous = last
        last = LastBuild(counter: build, prepared: prepared, themeStamp: themeStamp, routeFiles: routeFiles, statics: statics,
                         sources: cache.keys, checks: checks)
        Task.detached(priority: .background) { [previous] in _ = previous }
        previous = nil
        catchUpOwed = quick && (changes.markdown || catchUpOwed)
        pendingCatchUp = catchUpOwed ? (build, prepared) : nil
        let site = prepared.site
        return PreviewResult(kind: quick ? .quick : .full, needsCatchUp: pendingCatchUp != nil, pages: site.pageCount, files: next.count,
                             reviews: site.reviews.count, snapshots: site.snapshots.count,
                             milliseconds: (ContinuousClock.now - clock).milliseconds, root: site.config.root,
                             title: site.config.title, written: written.sorted(), removed: removed,
                             diagnostics: renderDiagnostics.isEmpty ? prepared.diagnostics : (prepared.diagnostics + renderDiagnostics).sorted())
    }

    /// After a quick build: renders the whole site and writes the pages that differ (lists, use-case and
    /// capability pages, compare pages, feeds). Returns nil when there is nothing to do or a newer build
    /// started meanwhile (it will be caught up itself). Throws when rendering found errors.
    public func catchUp() async throws(BuildFailure) -> PreviewResult? {
        guard let (build, prepared) = pendingCatchUp else { return nil }
        pendingCatchUp = nil
        let clock = ContinuousClock.now
        let started = self.started
        let rendered = try await renderAll(prepared, comparingWith: outputs, stop: { started.value.load(ordering: .relaxed) != build })
        guard counter == build else { return nil }
        catchUpOwed = false
        var written: [String] = []
        for (file, data, fingerprint) in rendered.changed {
            try write(data, to: file)
            outputs[file] = fingerprint
            written.append(file)
        }
        (pageKeys, keysEnvironment) = (rendered.keys, rendered.environment)
        let site = prepared.site
        return PreviewResult(kind: .catchUp, needsCatchUp: false, pages: site.pageCount, files: outputs.count, reviews: site.reviews.count,
                             snapshots: site.snapshots.count, milliseconds: (ContinuousClock.now - clock).milliseconds,
                             root: site.config.root, title: site.config.title, written: written.sorted(), removed: [],
                             diagnostics: rendered.diagnostics)
    }

    private struct Rendered: Sendable {
        let changed: [(String, Data, Fingerprint)]
        let diagnostics: [Diagnostic]
        let keys: [String: UInt64]
        let environment: UInt64
    }

    /// Every route through `SiteRenderer` (with its link checks), keeping only pages that differ; pages
    /// whose view model is unchanged since they were written are not rendered at all.
    private func renderAll(_ prepared: SiteBuilder.Prepared, comparingWith previous: [String: Fingerprint],
                           stop: (@Sendable () -> Bool)? = nil) async throws(BuildFailure) -> Rendered {
        let sink = RenderSink()
        let environment = BuildCache.environment(theme: prepared.theme, targets: prepared.targets)
        let known = keysEnvironment == environment ? pageKeys : [:]
        let result = await SiteRenderer.render(site: prepared.site, theme: prepared.theme, targets: prepared.targets,
                                               reuse: { route, key in known[route.file] == key }, stop: stop) { route, data in
            let fingerprint = Fingerprint(data)
            if previous[route.file] != fingerprint { sink.changed.withLock { $0.append((route.file, data, fingerprint)) } }
        }
        try result.diagnostics.failOnErrors()
        return Rendered(changed: sink.changed.withLock { $0 }, diagnostics: result.diagnostics, keys: result.keys,
                        environment: environment)
    }

    /// Copies static files whose source changed; returns the files written.
    private func copyStatics(_ files: [StaticFile], stamps: [String: SourceStamp], previous: [String: SourceStamp],
                             into next: inout [String: Fingerprint]) throws(BuildFailure) -> [String] {
        var written: [String] = []
        for file in files {
            if previous[file.outputPath] == stamps[file.outputPath], next[file.outputPath] != nil { continue }
            let data: Data
            do {
                data = try Data(contentsOf: file.source)
            } catch {
                throw BuildFailure([Diagnostic(path: file.displayPath, "cannot read file: \(error.localizedDescription)")])
            }
            let fingerprint = Fingerprint(data)
            if next[file.outputPath] != fingerprint {
                try write(data, to: file.outputPath)
                written.append(file.outputPath)
            }
            next[file.outputPath] = fingerprint
        }
        return written
    }

    // MARK: Loading, with decoded and parsed files kept between builds

    /// `SiteBuilder.prepare`, except that files whose bytes did not change are not decoded or parsed again.
    private func prepare(build: Int) async throws(BuildFailure)
        -> (SiteBuilder.Prepared, Changes, checks: Checker.Report, reassembled: Bool, themeStamp: FolderStamp) {
        var problems = DiagnosticList()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure([Diagnostic(path: contentDisplay,
                                           "content folder not found; run from your site's folder or pass --content <folder>")])
        }
        let (tree, scanProblems) = ContentTree.scan(root: content, displayRoot: contentDisplay, stamping: true)
        problems.append(contentsOf: scanProblems)

        let configRead = tree.siteFile.map(PreviewBuilder.readSource)
        let configBytes = try? configRead?.get().0
        let (config, configProblems) = SiteConfig.decode(configRead?.map(\.1), contentDisplay: contentDisplay)
        problems.append(contentsOf: configProblems)
        // Parsing depends on site.yml (base path, raw HTML): when it changes, everything is parsed again.
        if configBytes != cache.configBytes {
            cache.configBytes = configBytes
            cache.configChangedAt = build
            cache.reviews = [:]
            cache.pages = [:]
        }
        // Without a usable site.yml nothing is parsed: the build stops after reporting every problem.
        let markdown = config.map(Parser.markdownOptions)

        let reviewCache = cache.reviews
        let snapshotCache = cache.snapshots
        let pageCache = cache.pages
        async let reviewResults = tree.reviews.concurrentMap { entry in
            PreviewBuilder.review(entry, cached: reviewCache[entry.relativePath], markdown: markdown, build: build)
        }
        async let snapshotResults = tree.snapshots.concurrentMap { entry in
            PreviewBuilder.snapshot(entry, cached: snapshotCache[entry.relativePath], build: build)
        }
        async let useCaseResults = tree.useCases.concurrentMap { entry in
            PreviewBuilder.page(entry, path: PreviewBuilder.useCasePath(entry), cached: pageCache[entry.relativePath], markdown: markdown, build: build)
        }
        async let pageResults = tree.pages.concurrentMap { entry in
            PreviewBuilder.page(entry, path: Loader.pagePath(entry.relativePath), cached: pageCache[entry.relativePath], markdown: markdown, build: build)
        }

        var reviews: [Review] = []
        var unloaded: [String] = []
        var newReviews: [String: CachedReview] = [:]
        for (entry, cached) in zip(tree.reviews, await reviewResults) {
            newReviews[entry.relativePath] = cached
            problems.append(contentsOf: cached.diagnostics)
            if let review = cached.value {
                if includeDrafts || !review.meta.draft { reviews.append(review) }
            } else if let slug = Loader.unloadedSlug(entry, cached.diagnostics) {
                unloaded.append(slug)
            }
        }
        var snapshots: [Snapshot] = []
        var newSnapshots: [String: CachedSnapshot] = [:]
        for (entry, cached) in zip(tree.snapshots, await snapshotResults) {
            newSnapshots[entry.relativePath] = cached
            problems.append(contentsOf: cached.diagnostics)
            if let snapshot = cached.value { snapshots.append(snapshot) }
        }
        var newPages: [String: CachedPage] = [:]
        var intros: [String: Page] = [:]
        for (entry, cached) in zip(tree.useCases, await useCaseResults) {
            newPages[entry.relativePath] = cached
            problems.append(contentsOf: cached.diagnostics)
            let slug = String(entry.relativePath.split(separator: "/").last!.dropLast(3))
            guard Slug.isValid(slug) else {
                problems.error(entry.displayPath, "use-case file name \"\(slug)\" must be a slug: a-z, 0-9 and -, starting with a letter or digit")
                continue
            }
            if let page = cached.value { intros[slug] = page }
        }
        var pages: [Page] = []
        for (entry, cached) in zip(tree.pages, await pageResults) {
            newPages[entry.relativePath] = cached
            problems.append(contentsOf: cached.diagnostics)
            guard Loader.pagePath(entry.relativePath) != nil else {
                problems.error(entry.displayPath, "page path must be made of slugs (a-z, 0-9 and -), like pages/benchmarks/methodology.md")
                continue
            }
            if let page = cached.value { pages.append(page) }
        }
        let staticFiles = tree.staticFiles.map { entry in
            StaticFile(source: entry.url, displayPath: entry.displayPath, outputPath: String(entry.relativePath.dropFirst("static/".count)))
        }
        cache.reviews = newReviews
        cache.snapshots = newSnapshots
        cache.pages = newPages

        guard let config, !problems.items.contains(where: { $0.severity == .error && $0.path.hasSuffix(SiteConfig.fileName) }) else {
            throw BuildFailure(problems.items)
        }
        let parsed = ParsedSite(config: config, reviews: reviews, snapshots: snapshots.sorted { ($0.date, $0.path) < ($1.date, $1.path) },
                                useCaseIntros: intros, pages: pages, staticFiles: staticFiles, diagnostics: problems.items,
                                unloadedReviews: unloaded)
        let changes = changes(since: last)
        // An edit to reviews' text keeps the last site's structure; otherwise unchanged snapshot files at
        // least rank as they did, and the last build's rankings are reused.
        let site: Site
        var reassembled = false
        if let last, !changes.config, !changes.snapshots, changes.files.allSatisfy({ $0.hasPrefix("reviews/") }),
           let same = Assembler.reassemble(parsed, replacing: last.prepared.site) {
            site = same
            reassembled = true
        } else {
            site = await Assembler.assemble(parsed, rankedIn: changes.snapshots ? nil : last?.prepared.site)
        }
        // Templates are parsed again only when a file of the theme changed.
        let theme: Theme
        let themeStamp: FolderStamp
        if let last, !changes.config, FolderStamp(last.prepared.theme.directory) == last.themeStamp,
           Theme.locate(site.config.theme, content: content, themes: themes)?.standardizedFileURL == last.prepared.theme.directory.standardizedFileURL {
            (theme, themeStamp) = (last.prepared.theme.relistingStaticFiles(), last.themeStamp)
        } else {
            theme = try await Theme.load(site.config, content: content, themes: themes)
            themeStamp = FolderStamp(theme.directory)
        }
        let (statics, staticProblems) = SiteWriter.staticFiles(site: site, theme: theme)
        // A reassembled site links to what the last one did, unless the theme's files changed.
        let sameTargets = reassembled && statics.map(\.outputPath) == last?.prepared.statics.map(\.outputPath)
        let targets = if let last, sameTargets { last.prepared.targets } else { LinkTargets(site: site, extraFiles: statics.map(\.outputPath)) }
        // Reviews whose file did not change keep their diagnostics when the site kept its structure.
        let report: Checker.Report
        if let last, sameTargets {
            let edited = Set(site.reviews.indices.filter { site.reviews[$0] !== last.prepared.site.reviews[$0] })
            report = Checker.report(site, targets: targets, reusing: last.checks, changed: edited)
        } else {
            report = Checker.report(site, targets: targets)
        }
        let diagnostics = report.all + staticProblems
        let prepared = SiteBuilder.Prepared(site: site, theme: theme, targets: targets, statics: statics,
                                              diagnostics: staticProblems.isEmpty ? diagnostics : diagnostics.sorted())
        return (prepared, changes, report, reassembled, themeStamp)
    }

    /// What differs from the last successful build.
    private func changes(since last: LastBuild?) -> Changes {
        guard let last else { return Changes(config: true, snapshots: true, markdown: true, files: []) }
        let after = last.counter
        let removed = last.sources.subtracting(cache.keys)
        let snapshots = cache.snapshots.values.contains { $0.changedAt > after } || removed.contains { $0.hasPrefix("benchmarks/") }
        var files = Set(removed.filter { !$0.hasPrefix("benchmarks/") })
        for (path, entry) in cache.reviews where entry.changedAt > after { files.insert(path) }
        for (path, entry) in cache.pages where entry.changedAt > after { files.insert(path) }
        return Changes(config: cache.configChangedAt > after, snapshots: snapshots, markdown: !files.isEmpty, files: files)
    }

    // MARK: Writing

    private func write(_ data: Data, to relative: String) throws(BuildFailure) {
        guard Staging.isSafe(relative) else {
            throw BuildFailure([Diagnostic(path: relative, "refusing to write outside the output folder")])
        }
        let url = output.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw BuildFailure([Diagnostic(path: relative, "cannot write file: \(error.localizedDescription)")])
        }
    }

    /// Removes a file and the folders it leaves empty (up to the output folder).
    private func remove(_ relative: String) {
        guard Staging.isSafe(relative) else { return }
        pageKeys[relative] = nil
        let fm = FileManager.default
        try? fm.removeItem(at: output.appendingPathComponent(relative))
        var folder = output.appendingPathComponent(relative).deletingLastPathComponent()
        let top = output.standardizedFileURL.path
        while folder.standardizedFileURL.path.hasPrefix(top + "/"),
              (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? fm.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
