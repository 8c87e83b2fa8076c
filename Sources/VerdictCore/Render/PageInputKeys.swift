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
/// - `/api/leaderboard.json` and the snapshots' CSV files: nothing more (snapshots, names, review links);
/// - `/search-index.json`: the taxonomy (each review's tags);
/// - `/api/models.json`: what it shows of every review's body (summary, verdict, items' titles, tags
///   and anchors), so an edit elsewhere in a body keeps the 40 MB file of a 10,000-review site as it is;
/// - the home page, model lists, use-case and capability pages: the site's taxonomy (which reviews'
///   items each use case and capability lists, and how many), plus the whole sources of the reviews
///   the page shows (its slice of a paged list, or the newest reviews on the home page); summaries and
///   items come from those bodies only.
/// Editing a review's body changes the keys of its own page, its compare pages and the list pages that
/// show it; editing any front matter, snapshot or site.yml changes them all; a tag added or removed
/// changes every taxonomy page. The compare index and the data and search pages have no key here and
/// are compared by their view's fingerprint; the feeds, the sitemap and robots.txt are always
/// rendered (and left alone when their bytes did not change).
struct PageInputKeys: Sendable {
    private let shape: UInt64
    /// Which reviews' items every use case and capability lists, in order, and how many.
    private let taxonomy: UInt64
    /// What `/api/models.json` shows of review bodies: summaries, verdicts, items' titles, tags and anchors.
    private let modelsData: UInt64

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
        taxonomy = Self.taxonomy(of: site)
        modelsData = Self.modelsData(of: site)
    }

    private static func modelsData(of site: Site) -> UInt64 {
        var hash = StableHash()
        for review in site.reviews {
            hash.combine(review.summary)
            hash.combine(review.verdict?.text ?? "\u{0}")
            for role in [Section.Role.strengths, .weaknesses, .useCases] {
                let items = review.items(role)
                hash.combine(UInt64(items.count))
                for item in items {
                    hash.combine(item.title)
                    hash.combine(item.anchor)
                    hash.combine(UInt64(item.tags.count))
                    for tag in item.tags { hash.combine(tag) }
                }
            }
        }
        return hash.finalized
    }

    private static func taxonomy(of site: Site) -> UInt64 {
        var hash = StableHash()
        func combine(_ groups: [TaggedItems]) {
            hash.combine(UInt64(groups.count))
            for group in groups {
                hash.combine(UInt64(group.review))
                hash.combine(UInt64(group.group))
                hash.combine(UInt64(group.count))
            }
        }
        hash.combine(UInt64(site.useCases.count))
        for useCase in site.useCases {
            hash.combine(useCase.slug)
            hash.combine(useCase.title)
            combine(useCase.groups)
        }
        hash.combine(UInt64(site.capabilities.count))
        for capability in site.capabilities {
            hash.combine(capability.slug)
            hash.combine(capability.metricID ?? "")
            combine(capability.strong)
            combine(capability.weak)
        }
        return hash.finalized
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
        case .home:
            hash.combine("home")
            hash.combine(taxonomy)
            for review in Renderer.newestReviews(in: site) { hash.combine(review.hashes.source) }
        case .models(let page):
            hash.combine("models \(page)")
            for review in Renderer.pageSlice(site.reviews, page: page, size: site.config.pageSize) {
                hash.combine(review.hashes.source)
            }
        case .useCases, .capabilities:
            hash.combine("\(route.kind)")
            hash.combine(taxonomy)
        case .useCase(let index, let page):
            hash.combine("use case \(index) \(page)")
            hash.combine(taxonomy)
            combine(site.useCases[index].groups, page: page, site: site, into: &hash)
        case .capability(let index, let page):
            let capability = site.capabilities[index]
            hash.combine("capability \(index) \(page)")
            hash.combine(taxonomy)
            combine(capability.strong, page: page, site: site, into: &hash)
            combine(capability.weak, page: page, site: site, into: &hash)
        // Data files made from snapshots and front matter only.
        case .leaderboardAPI:
            hash.combine("leaderboard api")
        case .snapshotCSV(let index):
            hash.combine("snapshot csv \(index)")
        case .modelsAPI:
            hash.combine("models api")
            hash.combine(modelsData)
        case .searchIndex:
            // Names from front matter and snapshots; tags, which the taxonomy fixes review by review.
            hash.combine("search index")
            hash.combine(taxonomy)
        // One page each, or data files: compared by their view's fingerprint, or rendered.
        case .compareIndex, .data, .search, .atomFeed, .jsonFeed, .sitemap, .robots:
            return nil
        }
        return hash.finalized
    }

    /// The sources of the reviews whose items page `page` of a taxonomy list shows.
    private func combine(_ groups: [TaggedItems], page: Int, site: Site, into hash: inout StableHash) {
        for group in Renderer.pageSlice(groups, page: page, size: site.config.pageSize) {
            hash.combine(site.reviews[group.review].hashes.source)
        }
    }
}
