/// `/`, `/models/` and free pages.
extension Renderer {
    /// How many entries the home page shows of each list.
    static let homeListLength = 6

    func homeView(_ route: Route) -> [String: Any] {
        var context = common(route, title: site.config.title, description: site.config.description, updated: newestDate)
        let newest = site.reviews.sorted { ($0.meta.reviewed, $1.slug) > ($1.meta.reviewed, $0.slug) }
        context["reviews"] = newest.prefix(Renderer.homeListLength).map(reviewSummary)
        context["reviewCount"] = site.reviews.count
        context["modelsURL"] = links.url("/models/")
        if let latest = site.latest {
            var board = snapshotLink(latest)
            board["rows"] = latest.leaderboard.entries.prefix(10).map { leaderboardRow($0, in: latest, includeCells: false) }
            board["metric"] = latest.leaderboard.metric.name
            board["leaderboard"] = links.url("/benchmarks/leaderboard/")
            context["leaderboard"] = board
        }
        context["useCases"] = site.useCases.map(useCaseSummary)
        context["hasUseCases"] = !site.useCases.isEmpty
        return context
    }

    /// The newest date anywhere in the content: the home page's "updated" date (never the build time).
    var newestDate: Day? { site.newestDate }

    func modelsView(_ route: Route, page: Int) -> [String: Any] {
        var title = "All models"
        if page > 1 { title += " (page \(page))" }
        var context = common(route, title: title, description: "Every model reviewed on \(site.config.title).")
        context["reviews"] = pageSlice(site.reviews, page: page).map { review -> [String: Any] in
            var view = reviewSummary(review)
            let latest = site.snapshots(holding: review.meta.model).last
            let rank = latest?.leaderboard.rank(of: review.meta.model)
            view["rank"] = rank ?? false
            view["of"] = latest?.leaderboard.rankedCount ?? false
            view["rankOf"] = latest.map { Format.rank(rank, of: $0.leaderboard.rankedCount) } ?? "—"
            return view
        }
        context["count"] = site.reviews.count
        context["pager"] = pager(base: "/models/", page: page, count: site.reviews.count)
        return context
    }

    func pageView(_ route: Route, _ page: Page) -> [String: Any] {
        var context = common(route, title: page.title, description: page.description)
        context["content"] = page.html
        return context
    }

    func notFoundView(_ route: Route) -> [String: Any] {
        var context = common(route, title: "Page not found")
        context["modelsURL"] = links.url("/models/")
        return context
    }
}
