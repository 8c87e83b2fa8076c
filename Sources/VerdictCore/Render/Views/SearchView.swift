/// `/search/`, the header's search box and the footer: keys every page's layout reads, and the search page.
extension Renderer {
    /// Added to `site`: where the search box finds its index and script, and where it leads without JavaScript.
    func searchKeys() -> [String: Any] {
        ["search": links.url("/search/"), "searchIndex": links.url("/search-index.json"),
         "searchScript": links.url("/js/search.js"), "models": links.url("/models/")]
    }

    /// The footer's links: every section, the pages no menu reaches, and the site's free pages.
    func footerView() -> [String: Any] {
        let sections = Renderer.sections + [("What changed", "/benchmarks/changes/"), ("Compare", "/compare/"),
                                            ("Data and feeds", "/data/"), ("Search", "/search/")]
        let link = { (title: String, path: String) -> [String: Any] in ["title": title, "url": links.url(path)] }
        return ["sections": sections.map(link), "pages": site.pages.map { link($0.title, $0.path) }, "hasPages": !site.pages.isEmpty]
    }

    func searchView(_ route: Route) -> [String: Any] {
        var context = common(route, title: "Search",
                             description: "Find reviews, benchmarked models, use cases and capabilities by name, model id, vendor or tag.")
        context["useCasesURL"] = links.url("/usecases/")
        context["capabilitiesURL"] = links.url("/capabilities/")
        context["leaderboardURL"] = links.url("/benchmarks/leaderboard/")
        return context
    }
}
