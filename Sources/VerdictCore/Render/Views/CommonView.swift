import VerdictTemplates

/// Keys every template can use: `site`, `page`, `nav`.
extension Renderer {
    static let sections: [(title: String, path: String)] = [
        ("Models", "/models/"), ("Leaderboard", "/benchmarks/leaderboard/"), ("Use cases", "/usecases/"),
        ("Capabilities", "/capabilities/"), ("Benchmarks", "/benchmarks/"),
    ]

    /// `site` is the same on every page: built once per build (see `Renderer.init`).
    static func siteView(_ config: SiteConfig, links: Links) -> TemplateValue {
        [
            "title": .text(config.title),
            "baseURL": .text(config.baseURL),
            "root": .text(config.root),
            "home": .text(links.url("/")),
            "language": .text(config.language),
            "author": .text(config.author),
            "stylesheet": .text(links.url("/css/site.css")),
            "script": .text(links.url("/js/tables.js")),
            "atomFeed": .text(links.url("/feed.xml")),
            "jsonFeed": .text(links.url("/feed.json")),
            "description": config.description.isEmpty ? .null : .text(config.description),
            "search": .text(links.url("/search/")),
            "searchIndex": .text(links.url("/search-index.json")),
            "searchScript": .text(links.url("/js/search.js")),
            "models": .text(links.url("/models/")),
        ]
    }

    func common(_ route: Route, title: String, description: String? = nil, updated: Day? = nil) -> TemplateObject {
        let config = site.config
        let isReview = if case .review = route.kind { true } else { false }
        let page: TemplateValue = [
            "title": .text(title),
            "path": .text(route.path),
            "url": .text(links.url(route.path)),
            "canonical": .text(links.absolute(route.path)),
            "isHome": .bool(route.kind == .home),
            "ogType": isReview ? "article" : "website",
            "description": (description ?? (config.description.isEmpty ? nil : config.description)).map(TemplateValue.text) ?? .null,
            "updated": updated.map(dateView) ?? .null,
        ]
        let nav: [TemplateValue] = Renderer.sections.map { section in
            ["title": .text(section.title), "url": .text(links.url(section.path)),
             "current": .bool(route.path.hasPrefix(section.path) && !(section.path == "/benchmarks/" && route.path.hasPrefix("/benchmarks/leaderboard/")))]
        }
        return TemplateObject(["site": siteValue, "page": page, "nav": .list(nav), "footer": footerView()])
    }

    func dateView(_ day: Day) -> TemplateValue {
        ["iso": .text(day.description), "display": .text(day.longDescription)]
    }

    func tagViews(_ tags: [String], kind: Section.Role) -> TemplateValue {
        .list(tags.map { tag in
            let url = kind == .useCases ? links.useCase(tag) : links.capability(tag)
            return ["slug": .text(tag), "url": .text(url), "kind": kind == .useCases ? "usecase" : "capability"]
        })
    }

    func itemView(_ item: Item, role: Section.Role, review: Review) -> TemplateValue {
        [
            "anchor": .text(item.anchor),
            "title": .text(item.title),
            "tags": tagViews(item.tags, kind: role),
            "hasTags": .bool(!item.tags.isEmpty),
            "bodyHTML": .html(item.bodyHTML),
            "url": .text(links.review(review.slug) + "#" + item.anchor),
        ]
    }

    /// One line per review in lists: models page, home, use-case groups.
    func reviewSummary(_ review: Review) -> TemplateObject {
        TemplateObject([
            "slug": .text(review.slug),
            "title": .text(review.meta.title),
            "model": .text(review.meta.model),
            "vendor": .text(review.meta.vendor),
            "url": .text(links.review(review.slug)),
            "reviewed": dateView(review.meta.reviewed),
            "summary": .text(review.summary),
            // `false`, not a missing key: Mustache would otherwise look the key up in an enclosing context.
            "tier": review.meta.tier.map(TemplateValue.text) ?? false,
            "family": review.meta.family.map(TemplateValue.text) ?? false,
        ])
    }

    /// Previous/next links and a window of page numbers (first, last, and two either side of the
    /// current page, with gaps between), so a list of 2,000 pages does not put 2,000 links on each.
    func pager(base: String, page: Int, count: Int) -> TemplateValue {
        let pages = Route.pageCount(count, pageSize: site.config.pageSize)
        guard pages > 1 else { return .null }
        let shown = Set([1, pages] + Array(max(1, page - 2)...min(pages, page + 2)))
        var entries: [TemplateValue] = []
        var last: Int?
        for number in shown.sorted() {
            if let last, number > last + 1 {
                entries.append(["gap": true, "number": false, "url": false, "current": false])
            }
            entries.append(["gap": false, "number": .int(number), "url": .text(links.url(Route.paged(base, number))),
                            "current": .bool(number == page)])
            last = number
        }
        return [
            "page": .int(page), "pageCount": .int(pages), "pages": .list(entries),
            "previous": page > 1 ? .text(links.url(Route.paged(base, page - 1))) : .null,
            "next": page < pages ? .text(links.url(Route.paged(base, page + 1))) : .null,
        ]
    }

    func pageSlice<T>(_ items: [T], page: Int) -> ArraySlice<T> {
        Renderer.pageSlice(items, page: page, size: site.config.pageSize)
    }

    /// The entries page `page` of a paged list shows (also what `PageInputKeys` hashes for it).
    static func pageSlice<T>(_ items: [T], page: Int, size: Int) -> ArraySlice<T> {
        let start = min((page - 1) * size, items.count)
        return items[start..<min(start + size, items.count)]
    }
}
