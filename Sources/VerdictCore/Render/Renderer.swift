import Foundation
import VerdictTemplates

/// Renders routes: HTML pages through the theme (view models are `TemplateValue` trees), feeds and
/// data files directly.
struct Renderer: Sendable {
    let site: Site
    let theme: Theme
    let links: Links
    /// The `site` key, the same on every page.
    let siteValue: TemplateValue

    init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        self.links = Links(config: site.config)
        self.siteValue = Renderer.siteView(site.config, links: links)
    }

    /// A route's bytes.
    func render(_ route: Route) throws(Diagnostic) -> Data {
        switch plan(route) {
        case .file(let data): data
        case .stream(let stream): stream.data
        case .page(let template, let context): Data(try theme.render(context, template: template))
        }
    }

    /// What a route becomes before any template runs: a data file (whole, or made in chunks as it is
    /// written), or a template and its view model.
    enum Plan {
        case file(Data)
        case stream(DataStream)
        case page(template: String, context: TemplateValue)
    }

    func plan(_ route: Route) -> Plan {
        switch route.kind {
        case .atomFeed: return .file(Data(atomFeed().utf8))
        case .jsonFeed: return .file(jsonFeed())
        case .sitemap: return .file(Data(sitemap().utf8))
        case .robots: return .file(Data(robots().utf8))
        case .modelsAPI: return .stream(modelsAPI())
        case .leaderboardAPI: return .file(leaderboardAPI())
        case .searchIndex: return .file(searchIndex())
        case .snapshotCSV(let index): return .file(Data(snapshotCSV(site.snapshots[index]).utf8))
        default:
            let (template, context) = view(for: route)
            return .page(template: template, context: .object(context))
        }
    }

    private func view(for route: Route) -> (String, TemplateObject) {
        switch route.kind {
        case .home: ("home", homeView(route))
        case .models(let page): ("models", modelsView(route, page: page))
        case .review(let index): ("review", reviewView(route, index: index))
        case .useCases: ("usecases", useCasesView(route))
        case .useCase(let index, let page): ("usecase", useCaseView(route, site.useCases[index], page: page))
        case .capabilities: ("capabilities", capabilitiesView(route))
        case .capability(let index, let page): ("capability", capabilityView(route, site.capabilities[index], page: page))
        case .benchmarks: ("benchmarks", benchmarksView(route))
        case .leaderboard: ("snapshot", snapshotView(route, site.latest, isLeaderboard: true))
        case .snapshot(let index): ("snapshot", snapshotView(route, site.snapshots[index], isLeaderboard: false))
        case .changes: ("changes", changesView(route))
        case .compare(let index): ("compare", compareView(route, site.comparisons[index]))
        case .compareIndex: ("compare-index", compareIndexView(route))
        case .data: ("data", dataView(route))
        case .search: ("search", searchView(route))
        case .page(let index): ("page", pageView(route, site.pages[index]))
        case .notFound, .atomFeed, .jsonFeed, .sitemap, .robots, .modelsAPI, .leaderboardAPI, .searchIndex, .snapshotCSV:
            ("404", notFoundView(route))
        }
    }
}
