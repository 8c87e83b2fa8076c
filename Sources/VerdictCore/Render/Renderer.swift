/// Renders routes to HTML: builds each page's view model (plain dictionaries, which Mustache reads
/// fastest) and hands it to the theme's template for that kind of page.
struct Renderer: Sendable {
    let site: Site
    let theme: Theme
    let links: Links

    init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        self.links = Links(config: site.config)
    }

    func render(_ route: Route) throws(Diagnostic) -> String {
        try renderPage(route).html
    }

    /// The page and the name of the template that made it.
    func renderPage(_ route: Route) throws(Diagnostic) -> (template: String, html: String) {
        let (template, context) = view(for: route)
        return (template, try theme.render(context, template: template))
    }

    private func view(for route: Route) -> (String, [String: Any]) {
        switch route.kind {
        case .home: return ("home", homeView(route))
        case .models(let page): return ("models", modelsView(route, page: page))
        case .review(let index): return ("review", reviewView(route, review: site.reviews[index]))
        case .useCases: return ("usecases", useCasesView(route))
        case .useCase(let index, let page): return ("usecase", useCaseView(route, site.useCases[index], page: page))
        case .capabilities: return ("capabilities", capabilitiesView(route))
        case .capability(let index, let page): return ("capability", capabilityView(route, site.capabilities[index], page: page))
        case .benchmarks: return ("benchmarks", benchmarksView(route))
        case .leaderboard: return ("snapshot", snapshotView(route, site.latest, isLeaderboard: true))
        case .snapshot(let index): return ("snapshot", snapshotView(route, site.snapshots[index], isLeaderboard: false))
        case .page(let index): return ("page", pageView(route, site.pages[index]))
        case .notFound: return ("404", notFoundView(route))
        }
    }
}
