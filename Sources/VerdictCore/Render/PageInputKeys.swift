/// Keys of what a page is made from, known before its view is built, for the pages where that is a
/// short list: a rebuild hard-links a page whose key is the one recorded for it, under the same
/// templates, link targets and binary (`BuildCache.environment`), without building its view.
///
/// A review page shows its own review, the site's settings, benchmark snapshots, and of other reviews
/// only what their front matter says (titles, slugs, models, vendors, tiers, aliases and alternatives,
/// which decide comparisons, alternatives and the snapshot rows of the model). So its key is its
/// review's whole source, every included review's front matter, and every other file the loader read
/// (site.yml, snapshots, use-case intros, pages). Editing a review's body changes its own page's key
/// only; editing any front matter, snapshot or site.yml changes every review page's key. Other pages
/// have no key here and are compared by their view's fingerprint as before.
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
        guard case .review(let index) = route.kind else { return nil }
        var hash = StableHash()
        hash.combine(shape)
        hash.combine("review")
        hash.combine(route.path)
        hash.combine(site.reviews[index].hashes.source)
        return hash.finalized
    }
}
