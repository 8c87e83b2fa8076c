import Foundation

/// Everything in `Content/`, read and decoded; pages and use-case intros are not parsed as Markdown yet.
/// `ReviewValue` is what each review file became: its decoded source, or whatever the caller turned that
/// into while the file was fresh (the build parses it there; see `Loader.load`).
public struct LoadedSite<ReviewValue: Sendable>: Sendable {
    public let config: SiteConfig
    public let reviews: [ReviewValue]
    public let snapshots: [Snapshot]
    /// Use-case intros keyed by slug.
    public let useCaseIntros: [String: PageSource]
    /// Free pages with their site path (`/benchmarks/methodology/`).
    public let pages: [(path: String, source: PageSource)]
    public let staticFiles: [StaticFile]
    /// Every problem found while loading. Files with errors are left out of the site, and the build
    /// goes on to find the problems in the rest before it fails, so one run reports them all.
    public let diagnostics: [Diagnostic]
    /// Slugs of the review files left out for errors: their pages stay link targets (`ReviewStandIn`).
    public let unloadedReviews: [String]
    /// For each of `reviews`, in the same order: its file and what decoding it reported (for the review cache).
    let reviewRecords: [ReviewRecord]
    /// A hash of every file read here but the reviews (site.yml, snapshots, use-case intros, pages; path
    /// and text), taken from the text that was decoded: what review pages share (see `PageInputKeys`).
    public let sharedInputs: UInt64
}

/// Reviews whose exact bytes an earlier build parsed (the review cache, `ReviewCache`): what that
/// gave, so a file found here is neither decoded (YAML) nor parsed (cmark) again.
struct KnownReviews<Value: Sendable>: Sendable {
    /// The entry for the review file at this relative path, if it was made from bytes with this hash.
    let lookup: @Sendable (_ relativePath: String, _ bytes: UInt64) -> KnownReview<Value>?
}

struct KnownReview<Value: Sendable>: Sendable {
    let value: Value
    let isDraft: Bool
    /// What decoding the file reported (warnings only: a file with errors yields no value to keep).
    let diagnostics: [Diagnostic]
}

/// A review file that became one of `LoadedSite.reviews`.
struct ReviewRecord: Sendable {
    let relativePath: String
    /// `StableHash` of the file's bytes as read.
    let bytes: UInt64
    let diagnostics: [Diagnostic]
    /// Taken from `KnownReviews` rather than decoded and parsed.
    let known: Bool
}

/// A file copied verbatim into the site.
public struct StaticFile: Sendable {
    public let source: URL
    /// As shown in diagnostics.
    public let displayPath: String
    /// Relative to the site root.
    public let outputPath: String
}

public struct LoadOptions: Sendable {
    public var content: URL
    /// How the content folder is named in diagnostics (as the user typed it).
    public var displayPath: String
    public var includeDrafts: Bool

    public init(content: URL, displayPath: String? = nil, includeDrafts: Bool = false) {
        self.content = content
        self.displayPath = displayPath ?? content.path
        self.includeDrafts = includeDrafts
    }
}

enum Loader {
    /// `prepare` is called with the site's config once, and the function it returns runs on each review
    /// as soon as its file is read and decoded. The build parses there, so a review's source is freed
    /// right away instead of 10,000 of them waiting for the last file to be read (peak memory).
    /// `known`, also given the config, may hold values made earlier from files with the same bytes.
    static func load<ReviewValue: Sendable>(
        _ options: LoadOptions,
        known: (SiteConfig) -> KnownReviews<ReviewValue>? = { _ in nil },
        reviews prepare: (SiteConfig) -> @Sendable (ReviewSource) -> ReviewValue
    ) async throws(BuildFailure) -> LoadedSite<ReviewValue> {
        var problems = DiagnosticList()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure([Diagnostic(path: options.displayPath,
                                           "content folder not found; run from your site's folder or pass --content <folder>")])
        }
        let (tree, scanProblems) = ContentTree.scan(root: options.content, displayRoot: options.displayPath)
        problems.append(contentsOf: scanProblems)

        let siteFile = tree.siteFile.map(readFile)
        let (config, configProblems) = SiteConfig.decode(siteFile, contentDisplay: options.displayPath)
        problems.append(contentsOf: configProblems)

        // Without a config the build stops below; the reviews are still decoded for their diagnostics.
        let transform = config.map(prepare)
        let lookup = config.flatMap(known)?.lookup
        let includeDrafts = options.includeDrafts
        async let reviewResults = tree.reviews.concurrentMap { entry -> (ReviewValue?, [Diagnostic], ReviewRecord?) in
            loadReview(entry, lookup: lookup, includeDrafts: includeDrafts, transform: transform)
        }
        async let snapshotResults = tree.snapshots.concurrentMap { entry in decoded(entry, SnapshotDecoder.decode) }
        async let useCaseResults = tree.useCases.concurrentMap { entry in decoded(entry, PageSource.decode) }
        async let pageResults = tree.pages.concurrentMap { entry in decoded(entry, PageSource.decode) }

        var shared = StableHash()
        if case .success(let file)? = siteFile { shared.combine(file.relativePath); shared.combine(file.text) }
        var reviews: [ReviewValue] = []
        var records: [ReviewRecord] = []
        var unloaded: [String] = []
        for (entry, (review, diagnostics, record)) in zip(tree.reviews, await reviewResults) {
            problems.append(contentsOf: diagnostics)
            if let review, let record {
                reviews.append(review)
                records.append(record)
            } else if let slug = unloadedSlug(entry, diagnostics) {
                unloaded.append(slug)
            }
        }
        var snapshots: [Snapshot] = []
        for (snapshot, diagnostics, hash) in await snapshotResults {
            shared.combine(hash)
            problems.append(contentsOf: diagnostics)
            if let snapshot { snapshots.append(snapshot) }
        }
        var intros: [String: PageSource] = [:]
        for (entry, (page, diagnostics, hash)) in zip(tree.useCases, await useCaseResults) {
            shared.combine(hash)
            problems.append(contentsOf: diagnostics)
            let slug = String(entry.relativePath.split(separator: "/").last!.dropLast(3))
            guard Slug.isValid(slug) else {
                problems.error(entry.displayPath, "use-case file name \"\(slug)\" must be a slug: a-z, 0-9 and -, starting with a letter or digit")
                continue
            }
            if let page { intros[slug] = page }
        }
        var pages: [(String, PageSource)] = []
        for (entry, (page, diagnostics, hash)) in zip(tree.pages, await pageResults) {
            shared.combine(hash)
            problems.append(contentsOf: diagnostics)
            guard let path = pagePath(entry.relativePath) else {
                problems.error(entry.displayPath,
                               "page path must be made of slugs (a-z, 0-9 and -), like pages/benchmarks/methodology.md")
                continue
            }
            if let page { pages.append((path, page)) }
        }
        let staticFiles = tree.staticFiles.map { entry in
            StaticFile(source: entry.url, displayPath: entry.displayPath, outputPath: String(entry.relativePath.dropFirst("static/".count)))
        }
        // Without a usable site.yml no link or page can be laid out, so stop here.
        guard let config, !problems.items.contains(where: { $0.severity == .error && $0.path.hasSuffix(SiteConfig.fileName) }) else {
            throw BuildFailure(problems.items)
        }
        return LoadedSite(config: config, reviews: reviews, snapshots: snapshots.sorted { ($0.date, $0.path) < ($1.date, $1.path) },
                          useCaseIntros: intros, pages: pages, staticFiles: staticFiles, diagnostics: problems.items,
                          unloadedReviews: unloaded, reviewRecords: records, sharedInputs: shared.finalized)
    }

    private static func readFile(_ entry: ContentTree.Entry) -> Result<SourceFile, Diagnostic> {
        Result { () throws(Diagnostic) in try SourceFile.read(url: entry.url, path: entry.displayPath, relativePath: entry.relativePath) }
    }

    /// Reads `entry` and hands it to `decode`; a file that cannot be read is its one diagnostic. The
    /// hash is of the path and the text decoded (0 for a file that could not be read; reviews hash their
    /// own parts, see `ReviewHashes`).
    private static func decoded<Value>(_ entry: ContentTree.Entry,
                                       _ decode: (SourceFile) -> (Value?, [Diagnostic])) -> (Value?, [Diagnostic], UInt64) {
        switch readFile(entry) {
        case .success(let file):
            let (value, diagnostics) = decode(file)
            var hash = StableHash()
            hash.combine(file.relativePath)
            hash.combine(file.text)
            return (value, diagnostics, hash.finalized)
        case .failure(let diagnostic): return (nil, [diagnostic], 0)
        }
    }

    /// The slug of a review file that was left out for an error (not a draft left out on purpose).
    static func unloadedSlug(_ entry: ContentTree.Entry, _ diagnostics: [Diagnostic]) -> String? {
        let slug = reviewSlug(entry)
        return Slug.isValid(slug) && diagnostics.contains { $0.severity == .error } ? slug : nil
    }

    static func reviewSlug(_ entry: ContentTree.Entry) -> String {
        String(entry.relativePath.dropFirst("reviews/".count).dropLast(".md".count))
    }

    /// One review file: read, then taken from `lookup` when its bytes are known, else decoded and handed
    /// to `transform`. Drafts are left out the same way either way.
    private static func loadReview<ReviewValue: Sendable>(
        _ entry: ContentTree.Entry, lookup: (@Sendable (String, UInt64) -> KnownReview<ReviewValue>?)?, includeDrafts: Bool,
        transform: (@Sendable (ReviewSource) -> ReviewValue)?
    ) -> (ReviewValue?, [Diagnostic], ReviewRecord?) {
        let slug = reviewSlug(entry)
        guard Slug.isValid(slug) else {
            return (nil, [Diagnostic(path: entry.displayPath,
                                     "review file name \"\(slug)\" is not a valid slug: use a-z, 0-9 and -, starting with a letter or digit (it becomes /models/<slug>/)")], nil)
        }
        let data: Data
        do {
            data = try SourceFile.bytes(url: entry.url, path: entry.displayPath)
        } catch {
            return (nil, [error], nil)
        }
        let bytes = lookup == nil ? 0 : StableHash.of(data)
        if let lookup, let known = lookup(entry.relativePath, bytes) {
            guard includeDrafts || !known.isDraft else { return (nil, known.diagnostics, nil) }
            return (known.value, known.diagnostics,
                    ReviewRecord(relativePath: entry.relativePath, bytes: bytes, diagnostics: known.diagnostics, known: true))
        }
        let review: ReviewSource?, diagnostics: [Diagnostic]
        do {
            (review, diagnostics) = ReviewSource.decode(
                try SourceFile.decode(data, path: entry.displayPath, relativePath: entry.relativePath), slug: slug)
        } catch {
            return (nil, [error], nil)
        }
        guard let review, includeDrafts || !review.meta.draft, let transform else { return (nil, diagnostics, nil) }
        return (transform(review), diagnostics,
                ReviewRecord(relativePath: entry.relativePath, bytes: lookup == nil ? StableHash.of(data) : bytes,
                             diagnostics: diagnostics, known: false))
    }

    /// `pages/benchmarks/methodology.md` → `/benchmarks/methodology/`; `pages/index.md` is refused by the
    /// route check later because `/` is generated.
    static func pagePath(_ relative: String) -> String? {
        var parts = relative.split(separator: "/").dropFirst().map(String.init)
        guard var last = parts.popLast(), last.hasSuffix(".md") else { return nil }
        last = String(last.dropLast(3))
        if last != "index" { parts.append(last) }
        guard parts.allSatisfy(Slug.isValid) else { return nil }
        return "/" + parts.map { $0 + "/" }.joined()
    }
}
