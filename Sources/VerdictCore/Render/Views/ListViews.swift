import VerdictTemplates

/// `/`, `/models/` and free pages.
extension Renderer {
    /// How many entries the home page shows of each list.
    static let homeListLength = 6

    func homeView(_ route: Route) -> TemplateObject {
        var context = common(route, title: site.config.title, description: site.config.description, updated: newestDate)
        context["reviews"] = .list(Renderer.newestReviews(in: site).map { .object(reviewSummary($0)) })
        context["reviewCount"] = .int(site.reviews.count)
        context["modelsURL"] = .text(links.url("/models/"))
        context["leaderboard"] = .null
        if let latest = site.latest {
            var board = snapshotLink(latest)
            board["rows"] = .list(latest.leaderboard.entries.prefix(10).map { .object(leaderboardRow($0, in: latest, includeCells: false)) })
            board["metric"] = .text(latest.leaderboard.metric.name)
            board["leaderboard"] = .text(links.url("/benchmarks/leaderboard/"))
            context["leaderboard"] = .object(board)
        }
        context["useCases"] = .list(site.useCases.map(useCaseSummary))
        context["hasUseCases"] = .bool(!site.useCases.isEmpty)
        return context
    }

    /// The reviews the home page lists: the most recently reviewed (also what `PageInputKeys` hashes for it).
    static func newestReviews(in site: Site) -> ArraySlice<Review> {
        site.reviews.sorted { ($0.meta.reviewed, $1.slug) > ($1.meta.reviewed, $0.slug) }.prefix(homeListLength)
    }

    /// The newest date anywhere in the content: the home page's "updated" date (never the build time).
    var newestDate: Day? { site.newestDate }

    func modelsView(_ route: Route, page: Int) -> TemplateObject {
        var title = "All models"
        if page > 1 { title += " (page \(page))" }
        var context = common(route, title: title, description: "Every model reviewed on \(site.config.title).")
        context["reviews"] = .list(pageSlice(site.reviews, page: page).map { review -> TemplateValue in
            var view = reviewSummary(review)
            let latest = site.snapshots(holding: review.meta.model).last
            let rank = latest?.leaderboard.rank(of: review.meta.model)
            view["rank"] = rank.map(TemplateValue.int) ?? false
            view["of"] = latest.map { .int($0.leaderboard.rankedCount) } ?? false
            view["rankOf"] = .text(latest.map { Format.rank(rank, of: $0.leaderboard.rankedCount) } ?? "—")
            return .object(view)
        })
        context["count"] = .int(site.reviews.count)
        context["pager"] = pager(base: "/models/", page: page, count: site.reviews.count)
        return context
    }

    func pageView(_ route: Route, _ page: Page) -> TemplateObject {
        var context = common(route, title: page.title, description: page.description)
        context["content"] = .html(page.html)
        return context
    }

    func notFoundView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "Page not found")
        context["modelsURL"] = .text(links.url("/models/"))
        return context
    }
}
