import VerdictTemplates

/// `/compare/`: every compare page, so none is reachable only from the two reviews it joins.
extension Renderer {
    func compareIndexView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "Compare models",
                             description: "Every pair of reviewed models that a review names as alternatives, side by side.",
                             updated: newestDate)
        context["comparisons"] = .list(site.comparisons.map { comparison -> TemplateValue in
            let a = site.reviews[comparison.first], b = site.reviews[comparison.second]
            return ["title": .text("\(a.meta.title) vs \(b.meta.title)"), "url": .text(links.url(comparison.path(in: site.reviews))),
                    "vendors": .text(a.meta.vendor == b.meta.vendor ? a.meta.vendor : "\(a.meta.vendor) · \(b.meta.vendor)")]
        })
        context["modelsURL"] = .text(links.url("/models/"))
        return context
    }
}
