/// The whole site as one immutable model: every page is rendered from this.
public struct Site: Sendable {
    public let config: SiteConfig
    /// Sorted by title, then slug.
    public let reviews: [Review]
    /// Oldest first.
    public let snapshots: [RankedSnapshot]
    public let useCases: [UseCase]
    public let capabilities: [Capability]
    public let comparisons: [Comparison]
    /// One entry per snapshot after the first.
    public let changes: [SnapshotChange]
    public let pages: [Page]
    public let staticFiles: [StaticFile]
    public let routes: [Route]
    /// Problems found up to and including assembly; `Checker` adds the site-wide checks.
    public let diagnostics: [Diagnostic]
    /// Reviews left out for an error in them; their pages still count as link targets.
    public let standIns: [ReviewStandIn]

    let reviewIndexByModel: [String: Int]
    let reviewIndexBySlug: [String: Int]
    /// Indexes into `snapshots` of the snapshots holding each model, oldest first.
    let snapshotsByModel: [String: [Int]]
    /// The newest display name and vendor seen for each model id in any snapshot.
    let modelNames: [String: String]
    /// Review `aliases`: alias → the reviewed model id. Snapshots are joined already (`ModelAliases`);
    /// this serves ids written elsewhere, such as `alternatives`.
    let modelAliases: [String: String]
    /// Indexes into `comparisons` for each review index.
    let comparisonsByReview: [Int: [Int]]

    public var latest: RankedSnapshot? { snapshots.last }

    /// The newest review or snapshot date, computed once: pages and feeds are dated by content, never the clock.
    public let newestDate: Day?

    /// Compare pages that involve the review at `index`, in page order; a lookup, not a scan, because
    /// every review page asks.
    public func comparisons(of index: Int) -> [Comparison] {
        (comparisonsByReview[index] ?? []).map { comparisons[$0] }
    }

    /// HTML pages only (not feeds and data files).
    public var pageCount: Int { routes.count { $0.kind.isPage } }

    /// The reviewed model an id names: itself, or the model whose review lists it in `aliases`.
    public func canonicalModel(_ id: String) -> String { modelAliases[id] ?? id }

    public func review(model: String) -> Review? { reviewIndexByModel[canonicalModel(model)].map { reviews[$0] } }
    public func review(slug: String) -> Review? { reviewIndexBySlug[slug].map { reviews[$0] } }

    /// Snapshots holding `model`, oldest first.
    public func snapshots(holding model: String) -> [RankedSnapshot] {
        (snapshotsByModel[model] ?? []).map { snapshots[$0] }
    }

    /// A name for a model id: its review title, else its name in the newest snapshot, else the id.
    public func displayName(model: String) -> String {
        review(model: model)?.meta.title ?? modelNames[canonicalModel(model)] ?? model
    }

    /// All model ids known to the site (reviewed, aliases of reviewed, or benchmarked).
    public var knownModels: Set<String> { Set(reviewIndexByModel.keys).union(modelAliases.keys).union(snapshotsByModel.keys) }

    /// `knownModels.contains(model)`, without building the set.
    public func isKnown(model: String) -> Bool {
        reviewIndexByModel[model] != nil || modelAliases[model] != nil || snapshotsByModel[model] != nil
    }
}

/// A review left out of the site for an error in it (a second review of one model, front matter that
/// does not decode). Its page still counts as a link target, with its anchors when they are known, so
/// the links of other pages to it are not reported too: one mistake, one error.
public struct ReviewStandIn: Sendable {
    public let slug: String
    /// Nil when the file could not be parsed: any anchor is then accepted.
    public let anchors: Set<String>?

    public var path: String { "/models/\(slug)/" }
}
