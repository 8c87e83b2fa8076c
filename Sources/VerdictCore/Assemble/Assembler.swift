/// Builds the immutable `Site`: cross-checks reviews and snapshots, ranks every snapshot once,
/// gathers use cases and capabilities, and lays out the routes.
enum Assembler {
    /// Never fails: inputs that conflict are reported and left out, so later checks still run on the rest.
    /// `rankedIn`: a previous assembly of the very same snapshot files (`verdict serve` passes it when no
    /// snapshot file changed), whose rankings are used instead of ranking again when its reviews joined
    /// the same aliases.
    static func assemble(_ parsed: ParsedSite, rankedIn previous: Site? = nil) async -> Site {
        var problems = DiagnosticList()
        problems.append(contentsOf: parsed.diagnostics)

        // One review per model: the first file by path keeps it, and the error goes to the later one
        // (a copy of a review). Indexes are sorted, not the reviews (large values), and each sort key is
        // made once, not in every comparison.
        let all = parsed.reviews
        var firstByModel: [String: Int] = [:]
        var standIns = parsed.unloadedReviews.map { ReviewStandIn(slug: $0, anchors: nil) }
        for index in all.indices.sorted(by: { all[$0].path < all[$1].path }) {
            let review = all[index]
            if let first = firstByModel[review.meta.model] {
                problems.error(review.path, review.meta.fieldLines["model"] ?? 1,
                               "model \"\(review.meta.model)\" is already reviewed in \(all[first].path); one review per model")
                standIns.append(ReviewStandIn(slug: review.slug, anchors: review.anchors))
            } else {
                firstByModel[review.meta.model] = index
            }
        }
        let kept = Array(firstByModel.values)
        let keys = kept.map { (all[$0].meta.title.lowercased(), all[$0].slug) }
        let reviews = kept.indices.sorted { keys[$0] < keys[$1] }.map { all[kept[$0]] }
        var byModel: [String: Int] = [:]
        var bySlug: [String: Int] = [:]
        for (index, review) in reviews.enumerated() {
            bySlug[review.slug] = index
            byModel[review.meta.model] = index
        }

        let aliases = ModelAliases.collect(reviews, byModel: byModel, problems: &problems)
        let ranked: [RankedSnapshot]
        if let kept = previous.flatMap({ $0.modelAliases == aliases ? $0.snapshots : nil }) {
            ranked = kept
        } else {
            let joined = ModelAliases.join(datedOnce(parsed.snapshots, problems: &problems), aliases: aliases, problems: &problems)
            ranked = await RankedSnapshot.rankConcurrently(joined)
        }
        var snapshotsByModel: [String: [Int]] = [:]
        var names: [String: String] = [:]
        for snapshot in ranked {
            for result in snapshot.snapshot.results {
                snapshotsByModel[result.model, default: []].append(snapshot.index)
                names[result.model] = result.name
            }
        }
        let useCases = Taxonomy.useCases(reviews, intros: parsed.useCaseIntros)
        let capabilities = Taxonomy.capabilities(reviews, latest: ranked.last)
        let pages = parsed.pages.sorted { $0.path < $1.path }
        let comparisons = Comparison.pairs(reviews, aliases: aliases)
        let routes = RouteTable.build(config: parsed.config, reviews: reviews, snapshots: ranked, useCases: useCases,
                                      capabilities: capabilities, comparisons: comparisons, pages: pages,
                                      staticFiles: parsed.staticFiles, problems: &problems)
        return Site(config: parsed.config, reviews: reviews, snapshots: ranked, useCases: useCases,
                    capabilities: capabilities, comparisons: comparisons, changes: SnapshotChange.all(ranked),
                    pages: pages, staticFiles: parsed.staticFiles, routes: routes,
                    diagnostics: problems.items, standIns: standIns, reviewIndexByModel: byModel, reviewIndexBySlug: bySlug,
                    snapshotsByModel: snapshotsByModel, modelNames: names, modelAliases: aliases,
                    comparisonsByReview: Comparison.index(comparisons),
                    newestDate: [reviews.map(\.meta.reviewed).max(), ranked.last?.date].compactMap { $0 }.max())
    }
}

extension Assembler {
    /// One snapshot per date: `/benchmarks/<date>/` must name one run.
    static func datedOnce(_ all: [Snapshot], problems: inout DiagnosticList) -> [Snapshot] {
        var snapshots: [Snapshot] = []
        for snapshot in all {
            if let other = snapshots.last, other.date == snapshot.date {
                problems.error(snapshot.path, 1, "another snapshot (\(other.path)) has the same date \(snapshot.date); each snapshot needs its own date")
            } else {
                snapshots.append(snapshot)
            }
        }
        return snapshots
    }
}

enum RouteTable {
    static func build(config: SiteConfig, reviews: [Review], snapshots: [RankedSnapshot], useCases: [UseCase],
                      capabilities: [Capability], comparisons: [Comparison], pages: [Page], staticFiles: [StaticFile],
                      problems: inout DiagnosticList) -> [Route] {
        let size = config.pageSize
        var routes: [Route] = [Route(path: "/", kind: .home), Route(path: "/404.html", kind: .notFound)]
        for page in 1...Route.pageCount(reviews.count, pageSize: size) {
            routes.append(Route(path: Route.paged("/models/", page), kind: .models(page: page)))
        }
        for (index, review) in reviews.enumerated() {
            routes.append(Route(path: "/models/\(review.slug)/", kind: .review(index)))
        }
        routes.append(Route(path: "/usecases/", kind: .useCases))
        for (index, useCase) in useCases.enumerated() {
            for page in 1...Route.pageCount(useCase.groups.count, pageSize: size) {
                routes.append(Route(path: Route.paged("/usecases/\(useCase.slug)/", page), kind: .useCase(index, page: page)))
            }
        }
        routes.append(Route(path: "/capabilities/", kind: .capabilities))
        for (index, capability) in capabilities.enumerated() {
            let count = max(capability.strong.count, capability.weak.count)
            for page in 1...Route.pageCount(count, pageSize: size) {
                routes.append(Route(path: Route.paged("/capabilities/\(capability.slug)/", page), kind: .capability(index, page: page)))
            }
        }
        routes.append(Route(path: "/benchmarks/", kind: .benchmarks))
        routes.append(Route(path: "/benchmarks/leaderboard/", kind: .leaderboard))
        routes.append(Route(path: "/benchmarks/changes/", kind: .changes))
        for snapshot in snapshots {
            routes.append(Route(path: "/benchmarks/\(snapshot.date)/", kind: .snapshot(snapshot.index)))
            routes.append(Route(path: "/benchmarks/\(snapshot.date).csv", kind: .snapshotCSV(snapshot.index)))
        }
        routes.append(Route(path: "/compare/", kind: .compareIndex))
        for (index, comparison) in comparisons.enumerated() {
            routes.append(Route(path: comparison.path(in: reviews), kind: .compare(index)))
        }
        routes += [Route(path: "/data/", kind: .data), Route(path: "/search/", kind: .search)]
        routes += [Route(path: "/feed.xml", kind: .atomFeed), Route(path: "/feed.json", kind: .jsonFeed),
                   Route(path: "/sitemap.xml", kind: .sitemap), Route(path: "/api/models.json", kind: .modelsAPI),
                   Route(path: "/api/leaderboard.json", kind: .leaderboardAPI), Route(path: "/search-index.json", kind: .searchIndex)]
        // The site's own robots.txt wins over the generated one.
        if !staticFiles.contains(where: { $0.outputPath == "robots.txt" }) {
            routes.append(Route(path: "/robots.txt", kind: .robots))
        }
        var taken = Set(routes.map(\.path))
        for (index, page) in pages.enumerated() {
            guard taken.insert(page.path).inserted else {
                problems.error(page.sourcePath, "page path \(page.path) collides with a page Verdict generates; rename or move the file")
                continue
            }
            routes.append(Route(path: page.path, kind: .page(index)))
        }
        return routes
    }
}

extension Assembler {
    /// `assemble` for `verdict serve`, when the only change since `previous` is the text of reviews that
    /// kept everything the site's structure is made of (see `sameShape`): the new reviews take their
    /// places and the rankings, taxonomy, comparisons and routes are kept. Nil when that does not hold;
    /// the caller assembles from scratch. `previous` must come from a build without errors, so assembly
    /// found no problems there and finds none now.
    static func reassemble(_ parsed: ParsedSite, replacing previous: Site) -> Site? {
        guard parsed.reviews.count == previous.reviews.count,
              parsed.pages.count == previous.pages.count,
              parsed.staticFiles.map(\.outputPath) == previous.staticFiles.map(\.outputPath),
              parsed.unloadedReviews.isEmpty,
              !previous.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        var reviews = previous.reviews
        var placed = Set<Int>()
        for review in parsed.reviews {
            guard let index = previous.reviewIndexBySlug[review.slug], placed.insert(index).inserted,
                  sameShape(review, previous.reviews[index]) else { return nil }
            if review !== previous.reviews[index] { reviews[index] = review }
        }
        return Site(config: parsed.config, reviews: reviews, snapshots: previous.snapshots, useCases: previous.useCases,
                    capabilities: previous.capabilities, comparisons: previous.comparisons, changes: previous.changes,
                    pages: previous.pages, staticFiles: previous.staticFiles, routes: previous.routes,
                    diagnostics: parsed.diagnostics, standIns: [], reviewIndexByModel: previous.reviewIndexByModel,
                    reviewIndexBySlug: previous.reviewIndexBySlug, snapshotsByModel: previous.snapshotsByModel,
                    modelNames: previous.modelNames, modelAliases: previous.modelAliases,
                    comparisonsByReview: previous.comparisonsByReview,
                    newestDate: previous.newestDate)
    }

    /// Same place in the site: order (title, slug), model, alternatives, aliases, date, anchors and tagged items.
    static func sameShape(_ a: Review, _ b: Review) -> Bool {
        if a === b { return true }
        guard a.slug == b.slug, a.path == b.path, a.meta.model == b.meta.model, a.meta.title == b.meta.title,
              a.meta.reviewed == b.meta.reviewed, a.meta.draft == b.meta.draft,
              a.meta.alternatives.map(\.value) == b.meta.alternatives.map(\.value),
              a.meta.aliases.map(\.value) == b.meta.aliases.map(\.value), a.anchors == b.anchors,
              a.tagGroups.count == b.tagGroups.count else { return false }
        for (role, groups) in a.tagGroups {
            guard let others = b.tagGroups[role], groups.count == others.count,
                  zip(groups, others).allSatisfy({ $0.tag == $1.tag && $0.items.count == $1.items.count }) else { return false }
        }
        return true
    }
}
