import Foundation

public struct BuildOptions: Sendable {
    public var content: URL
    /// How the content folder is named in messages (as typed on the command line).
    public var contentDisplay: String
    public var output: URL
    public var outputDisplay: String
    public var includeDrafts: Bool
    /// Folder holding themes; by default `Themes/` next to the content folder (see `Theme.locate`).
    public var themes: URL?
    /// Use and update the build cache beside the output folder (see `BuildCache`).
    public var useCache: Bool

    public init(content: URL, contentDisplay: String? = nil, output: URL, outputDisplay: String? = nil,
                includeDrafts: Bool = false, themes: URL? = nil, useCache: Bool = true) {
        self.content = content
        self.contentDisplay = contentDisplay ?? content.path
        self.output = output
        self.outputDisplay = outputDisplay ?? output.path
        self.includeDrafts = includeDrafts
        self.themes = themes
        self.useCache = useCache
    }
}

public struct BuildReport: Sendable {
    public let pages: Int
    public let files: Int
    public let reviews: Int
    public let snapshots: Int
    public let milliseconds: Int
    /// Pages taken from the previous output because their view model had not changed.
    public let reused: Int
    /// Reviews taken from the review cache instead of being parsed (see `ReviewCache`).
    public var reviewsKept = 0
    /// Nothing was built: every input and every output file was as the last build left them.
    public let upToDate: Bool
    /// Warnings (a successful build has no errors).
    public let diagnostics: [Diagnostic]
    /// Milliseconds spent in each step, in order (`verdict build --timings`).
    public let timings: [(step: String, milliseconds: Int)]

    public var summary: String {
        let counts = "\(pages) pages (\(reviews) reviews, \(snapshots) snapshots, \(files) files)"
        if upToDate { return "Up to date: \(counts), inputs unchanged since the last build; checked in \(milliseconds) ms" }
        let reuse = reused > 0 ? ", \(reused) unchanged pages kept" : ""
        return "Built \(counts) in \(milliseconds) ms\(reuse)"
    }
}

/// The build, step by step: load (each review parsed as it is read) → parse pages → assemble → check →
/// render → write.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock.now
        try OutputFolder.validate(options.output, display: options.outputDisplay, content: options.content)

        // Decoding the cache takes one core, hashing the inputs both: they overlap.
        async let cached = options.useCache ? BuildCache.load(for: options.output) : nil
        async let reviewCache = options.useCache ? ReviewCache.load(for: options.output) : nil
        let inputs = options.useCache ? await inputFingerprint(options) : nil
        let previous = await cached
        if let previous, let inputs, previous.inputs == inputs.hex, await previous.matches(output: options.output) {
            let milliseconds = (ContinuousClock.now - clock).milliseconds
            return BuildReport(pages: previous.pages, files: previous.written, reviews: previous.reviews, snapshots: previous.snapshots,
                               milliseconds: milliseconds, reused: previous.pages, upToDate: true, diagnostics: previous.diagnostics,
                               timings: [("inputs and output unchanged", milliseconds)])
        }

        let knownReviews = await reviewCache
        let prepared = try await prepare(content: options.content, contentDisplay: options.contentDisplay,
                                         includeDrafts: options.includeDrafts, themes: options.themes,
                                         reviewCache: knownReviews)
        try prepared.diagnostics.failOnErrors()
        let writing = ContinuousClock.now
        // Only a cached build needs it: it hashes every link target and reads the binary.
        let environment = options.useCache ? BuildCache.environment(theme: prepared.theme, targets: prepared.targets) : nil
        let written = try await SiteWriter.write(site: prepared.site, theme: prepared.theme, targets: prepared.targets,
                                                 statics: prepared.statics, to: options.output,
                                                 previous: environment.flatMap { previous?.environment == $0.hex ? previous : nil },
                                                 fingerprint: options.useCache,
                                                 inputKeys: options.useCache ? prepared.inputKeys : nil)
        let site = prepared.site
        let diagnostics = (prepared.diagnostics + written.diagnostics).sorted()
        var timings = prepared.timings + [("render and write", (ContinuousClock.now - writing).milliseconds)]
        if let inputs, let environment {
            let saving = ContinuousClock.now
            // Written while the output is stat'ed for the build cache: one is I/O, the other mostly encoding.
            async let reviewsSaved: Void = saveReviews(prepared, options: options, previous: knownReviews)
            await BuildCache.record(output: options.output, previous: previous, inputs: inputs, environment: environment,
                                    keys: written.keys, pageInputs: written.inputs, hashes: written.hashes, site: site,
                                    written: written.files,
                                    diagnostics: diagnostics)
            await reviewsSaved
            timings.append(("cache", (ContinuousClock.now - saving).milliseconds))
        } else {
            BuildCache.remove(for: options.output)
        }
        var report = BuildReport(pages: site.pageCount, files: written.files, reviews: site.reviews.count, snapshots: site.snapshots.count,
                                 milliseconds: (ContinuousClock.now - clock).milliseconds, reused: written.reused, upToDate: false,
                                 diagnostics: diagnostics, timings: timings)
        report.reviewsKept = prepared.reviewRecords.count { $0.known }
        return report
    }

    /// The review cache for the next build: every review of this one, under this site.yml and binary
    /// (left as it is when it holds exactly those already: an edit of a snapshot, a page or the theme).
    private static func saveReviews(_ prepared: Prepared, options: BuildOptions, previous: ReviewCache?) {
        guard let settings = ReviewCache.settings(config: prepared.site.config, contentDisplay: options.contentDisplay) else {
            return ReviewCache.remove(for: options.output)
        }
        if previous?.holds(prepared.reviewRecords, settings: settings) == true { return }
        let records = zip(prepared.loadedReviews, prepared.reviewRecords).map { ReviewCache.Record(review: $0, file: $1) }
        ReviewCache.save(records, settings: settings, for: options.output)
    }

    /// Nil when the inputs cannot be read or the theme not found; the build then reports why.
    private static func inputFingerprint(_ options: BuildOptions) async -> UInt64? {
        let siteFile = options.content.appendingPathComponent(SiteConfig.fileName)
        guard let file = try? SourceFile.read(url: siteFile, path: siteFile.path, relativePath: SiteConfig.fileName),
              let config = SiteConfig.decode(file).0,
              let theme = Theme.locate(config.theme, content: options.content, themes: options.themes) else { return nil }
        let flags = [options.includeDrafts ? "drafts" : "", options.contentDisplay, theme.standardizedFileURL.path]
        return await InputFingerprint.compute(content: options.content, theme: theme, flags: flags)
    }

    /// A site ready to render: loaded, parsed, assembled, its theme loaded, and checked.
    public struct Prepared: Sendable {
        public let site: Site
        public let theme: Theme
        let targets: LinkTargets
        let statics: [StaticFile]
        /// What each review page is made from, before its view is built (see `PageInputKeys`).
        var inputKeys: PageInputKeys? = nil
        /// The reviews as loaded, with their files (`LoadedSite.reviewRecords`), for the review cache.
        var loadedReviews: [Review] = []
        var reviewRecords: [ReviewRecord] = []
        public let diagnostics: [Diagnostic]
        var timings: [(step: String, milliseconds: Int)] = []
    }

    public static func prepare(content: URL, contentDisplay: String? = nil, includeDrafts: Bool = false,
                               themes: URL? = nil) async throws(BuildFailure) -> Prepared {
        try await prepare(content: content, contentDisplay: contentDisplay, includeDrafts: includeDrafts, themes: themes,
                          reviewCache: nil)
    }

    /// With `reviewCache`, review files whose bytes it knows are taken from it instead of being parsed.
    static func prepare(content: URL, contentDisplay: String?, includeDrafts: Bool, themes: URL?,
                        reviewCache: ReviewCache?) async throws(BuildFailure) -> Prepared {
        var timings: [(step: String, milliseconds: Int)] = []
        var lap = ContinuousClock.now
        func step(_ name: String) {
            timings.append((name, (ContinuousClock.now - lap).milliseconds))
            lap = ContinuousClock.now
        }
        let options = LoadOptions(content: content, displayPath: contentDisplay, includeDrafts: includeDrafts)
        let loaded = try await Loader.load(options, known: { config in
            reviewCache?.known(settings: ReviewCache.settings(config: config, contentDisplay: options.displayPath))
        }, reviews: Parser.reviewParser)
        step(reviewCache == nil ? "load, parsing reviews as they are read"
             : "load, parsing reviews as they are read (\(loaded.reviewRecords.count { $0.known }) of \(loaded.reviews.count) from the review cache)")
        let parsed = await Parser.parse(loaded)
        step("parse pages")
        let site = await Assembler.assemble(parsed)
        step("assemble")
        let theme = try await Theme.load(site.config, content: content, themes: themes)
        let (statics, staticProblems) = SiteWriter.staticFiles(site: site, theme: theme)
        let targets = LinkTargets(site: site, extraFiles: statics.map(\.outputPath))
        let diagnostics = Checker.check(site, targets: targets) + staticProblems
        step("theme and checks")
        let inputKeys = PageInputKeys(site: site, sharedInputs: loaded.sharedInputs, includeDrafts: includeDrafts)
        return Prepared(site: site, theme: theme, targets: targets, statics: statics, inputKeys: inputKeys,
                        loadedReviews: loaded.reviews, reviewRecords: loaded.reviewRecords,
                        diagnostics: diagnostics.sorted(),
                        timings: timings)
    }

    /// `verdict check`: everything `build` does except writing, plus the theme lint; every problem, in a stable order.
    public static func check(content: URL, contentDisplay: String? = nil, includeDrafts: Bool = false,
                             themes: URL? = nil) async -> [Diagnostic] {
        do {
            let prepared = try await prepare(content: content, contentDisplay: contentDisplay, includeDrafts: includeDrafts, themes: themes)
            let rendered = await SiteRenderer.render(site: prepared.site, theme: prepared.theme, targets: prepared.targets, lint: true) { _, _ in }
            return (prepared.diagnostics + rendered.diagnostics).sorted()
        } catch {
            return error.diagnostics
        }
    }
}

extension [Diagnostic] {
    func failOnErrors() throws(BuildFailure) {
        if contains(where: { $0.severity == .error }) { throw BuildFailure(self) }
    }
}

extension Duration {
    var milliseconds: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
}
