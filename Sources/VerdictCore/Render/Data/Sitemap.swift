/// `/sitemap.xml` and `/robots.txt`.
extension Renderer {
    func sitemap() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in site.routes where route.kind.isPage && route.kind != .notFound {
            xml += "<url><loc>\(Escape.xml(links.absolute(route.path)))</loc>"
            if let day = lastModified(route) { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Dates come from the content (review and snapshot dates), never from the clock.
    private func lastModified(_ route: Route) -> Day? {
        switch route.kind {
        case .review(let index): max(site.reviews[index].meta.reviewed, site.reviews[index].meta.published)
        case .snapshot(let index): site.snapshots[index].date
        case .leaderboard, .benchmarks, .changes: site.latest?.date
        case .home, .models: newestDate
        case .compare(let index):
            max(site.reviews[site.comparisons[index].first].meta.reviewed, site.reviews[site.comparisons[index].second].meta.reviewed)
        default: nil
        }
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute("/sitemap.xml"))\n"
    }
}
