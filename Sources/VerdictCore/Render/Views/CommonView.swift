/// Keys every template can use: `site`, `page`, `nav`.
extension Renderer {
    static let sections: [(title: String, path: String)] = [
        ("Models", "/models/"), ("Leaderboard", "/benchmarks/leaderboard/"), ("Use cases", "/usecases/"),
        ("Capabilities", "/capabilities/"), ("Benchmarks", "/benchmarks/"),
    ]

    func common(_ route: Route, title: String, description: String? = nil, updated: Day? = nil) -> [String: Any] {
        let config = site.config
        var page: [String: Any] = [
            "title": title,
            "path": route.path,
            "url": links.url(route.path),
            "canonical": links.absolute(route.path),
            "isHome": route.kind == .home,
            "ogType": { if case .review = route.kind { "article" } else { "website" } }(),
        ]
        page["description"] = description ?? (config.description.isEmpty ? nil : config.description)
        page["updated"] = updated.map(dateView)
        let nav: [[String: Any]] = Renderer.sections.map { section in
            ["title": section.title, "url": links.url(section.path),
             "current": route.path.hasPrefix(section.path) && !(section.path == "/benchmarks/" && route.path.hasPrefix("/benchmarks/leaderboard/"))]
        }
        var siteView: [String: Any] = [
            "title": config.title,
            "baseURL": config.baseURL,
            "root": config.root,
            "home": links.url("/"),
            "language": config.language,
            "author": config.author,
            "stylesheet": links.url("/css/site.css"),
            "script": links.url("/js/tables.js"),
            "atomFeed": links.url("/feed.xml"),
            "jsonFeed": links.url("/feed.json"),
        ]
        siteView["description"] = config.description.isEmpty ? nil : config.description
        siteView.merge(searchKeys()) { _, new in new }
        return ["site": siteView, "page": page, "nav": nav, "footer": footerView()]
    }

    func dateView(_ day: Day) -> [String: Any] {
        ["iso": day.description, "display": day.longDescription]
    }

    func tagViews(_ tags: [String], kind: Section.Role) -> [[String: Any]] {
        tags.map { tag in
            let url = kind == .useCases ? links.useCase(tag) : links.capability(tag)
            return ["slug": tag, "url": url, "kind": kind == .useCases ? "usecase" : "capability"]
        }
    }

    func itemView(_ item: Item, role: Section.Role, review: Review) -> [String: Any] {
        [
            "anchor": item.anchor,
            "title": item.title,
            "tags": tagViews(item.tags, kind: role),
            "hasTags": !item.tags.isEmpty,
            "bodyHTML": item.bodyHTML,
            "url": links.review(review.slug) + "#" + item.anchor,
        ]
    }

    /// One line per review in lists: models page, home, use-case groups.
    func reviewSummary(_ review: Review) -> [String: Any] {
        var view: [String: Any] = [
            "slug": review.slug,
            "title": review.meta.title,
            "model": review.meta.model,
            "vendor": review.meta.vendor,
            "url": links.review(review.slug),
            "reviewed": dateView(review.meta.reviewed),
            "summary": review.summary,
        ]
        // `false`, not a missing key: Mustache would otherwise look the key up in an enclosing context.
        view["tier"] = review.meta.tier ?? false
        view["family"] = review.meta.family ?? false
        return view
    }

    /// Previous/next links and a window of page numbers (first, last, and two either side of the
    /// current page, with gaps between), so a list of 2,000 pages does not put 2,000 links on each.
    func pager(base: String, page: Int, count: Int) -> [String: Any]? {
        let pages = Route.pageCount(count, pageSize: site.config.pageSize)
        guard pages > 1 else { return nil }
        let shown = Set([1, pages] + Array(max(1, page - 2)...min(pages, page + 2)))
        var entries: [[String: Any]] = []
        for number in shown.sorted() {
            if let last = entries.last?["number"] as? Int, number > last + 1 {
                entries.append(["gap": true, "number": false, "url": false, "current": false])
            }
            entries.append(["gap": false, "number": number, "url": links.url(Route.paged(base, number)), "current": number == page])
        }
        var view: [String: Any] = ["page": page, "pageCount": pages, "pages": entries]
        if page > 1 { view["previous"] = links.url(Route.paged(base, page - 1)) }
        if page < pages { view["next"] = links.url(Route.paged(base, page + 1)) }
        return view
    }

    func pageSlice<T>(_ items: [T], page: Int) -> ArraySlice<T> {
        let size = site.config.pageSize
        let start = min((page - 1) * size, items.count)
        return items[start..<min(start + size, items.count)]
    }
}
