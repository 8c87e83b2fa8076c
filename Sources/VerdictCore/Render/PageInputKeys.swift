/// Keys of what a page is made from, known before its view is built, for the pages where that is a
/// short list: a rebuild hard-links a page whose key is the one recorded for it, under the same
/// templates, link targets and binary (`BuildCache.environment`), without building its view.
///
/// Every key holds the site's shape: every included review's front matter as written (titles, slugs,
/// models, vendors, tiers, aliases and alternatives, which decide comparisons, alternatives, names
/// and review links), and every other file the loader read (site.yml, snapshots, use-case intros,
/// pages). On top of it:
/// - a review page: its review's whole source (it shows nothing else of other reviews' bodies);
/// - a compare page: both reviews' whole sources;
/// - the snapshot pages, the leaderboard, `/benchmarks/`, `/benchmarks/changes/`, the 404 page and
///   pages from `pages/`: nothing more (they show snapshots, names, review links or their own file only).
/// Editing a review's body changes the keys of its own page and its compare pages only; editing any
/// front matter, snapshot or site.yml changes them all. Pages that list items or summaries (home,
/// model lists, use cases, capabilities) have no key here and are compared by their view's fingerprint.
struct PageInputKeys: Sendable {
    private let shape: UInt64

    init(site: Site, sharedInputs: UInt64, includeDrafts: Bool) {
        var hash = StableHash()
        hash.combine("page-input-keys 1")
        hash.combine(sharedInputs)
        hash.combine(includeDrafts ? 1 : 0)
        hash.combine(UInt64(site.reviews.count))
        for review in site.reviews { hash.combine(review.hashes.frontMatter) }
        hash.combine(UInt64(site.standIns.count))
        for standIn in site.standIns { hash.combine(standIn.slug) }
        shape = hash.finalized
    }

    /// Nil for pages whose inputs are not listed here.
    func key(for route: Route, in site: Site) -> UInt64? {
        var hash = StableHash()
        hash.combine(shape)
        hash.combine(route.path)
        switch route.kind {
        case .review(let index):
            hash.combine("review \(index)")
            hash.combine(site.reviews[index].hashes.source)
        case .compare(let index):
            let comparison = site.comparisons[index]
            hash.combine("compare \(index)")
            hash.combine(site.reviews[comparison.first].hashes.source)
            hash.combine(site.reviews[comparison.second].hashes.source)
        case .benchmarks, .leaderboard, .changes, .notFound, .page:
            hash.combine("\(route.kind)")
        case .snapshot(let index):
            hash.combine("snapshot \(index)")
        // One page each, or data files: compared by their view's fingerprint, or rendered.
        case .home, .models, .useCases, .useCase, .capabilities, .capability, .compareIndex, .data, .search,
             .atomFeed, .jsonFeed, .sitemap, .robots, .modelsAPI, .leaderboardAPI, .searchIndex, .snapshotCSV:
            return nil
        }
        return hash.finalized
    }
}
