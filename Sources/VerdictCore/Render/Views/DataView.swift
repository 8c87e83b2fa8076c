import VerdictTemplates

/// `/data/`: every download the build writes, so readers and tools can find them from the site itself.
extension Renderer {
    func dataView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "Data and feeds",
                             description: "The site's reviews and benchmark snapshots as JSON, CSV and feeds.",
                             updated: newestDate)
        func file(_ path: String, _ title: String, _ about: String) -> TemplateValue {
            ["url": .text(links.url(path)), "path": .text(path), "title": .text(title), "about": .text(about)]
        }
        context["api"] = [
            file("/api/models.json", "Reviewed models",
                 "Every review: metadata, verdict, strengths, weaknesses and use cases with their tags, and the newest benchmark."),
            file("/api/leaderboard.json", "Leaderboard",
                 "The newest snapshot ranked, with every metric, rank and movement, and links to all snapshots."),
        ]
        context["feeds"] = [
            file("/feed.xml", "Atom feed", "The most recently changed reviews."),
            file("/feed.json", "JSON Feed", "The same, as JSON Feed 1.1."),
            file("/sitemap.xml", "Sitemap", "Every page, for search engines."),
        ]
        context["snapshots"] = .list(site.snapshots.reversed().map { snapshot -> TemplateValue in
            var view = snapshotLink(snapshot)
            view["csv"] = .text(links.url("/benchmarks/\(snapshot.date).csv"))
            view["models"] = .int(snapshot.snapshot.results.count)
            return .object(view)
        })
        return context
    }
}
