import VerdictTemplates

/// `/search/` and the footer; the header's search keys are in `site` (`Renderer.siteView`).
extension Renderer {
    /// The footer's links: every section, the pages no menu reaches, and the site's free pages.
    func footerView() -> TemplateValue {
        let sections = Renderer.sections + [("What changed", "/benchmarks/changes/"), ("Compare", "/compare/"),
                                            ("Data and feeds", "/data/"), ("Search", "/search/")]
        let link = { (title: String, path: String) -> TemplateValue in ["title": .text(title), "url": .text(links.url(path))] }
        return ["sections": .list(sections.map(link)), "pages": .list(site.pages.map { link($0.title, $0.path) }),
                "hasPages": .bool(!site.pages.isEmpty)]
    }

    func searchView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "Search",
                             description: "Find reviews, benchmarked models, use cases and capabilities by name, model id, alias, vendor or tag.")
        context["useCasesURL"] = .text(links.url("/usecases/"))
        context["capabilitiesURL"] = .text(links.url("/capabilities/"))
        context["leaderboardURL"] = .text(links.url("/benchmarks/leaderboard/"))
        return context
    }
}
