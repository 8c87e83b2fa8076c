/// `/compare/`: every compare page, so none is reachable only from the two reviews it joins.
extension Renderer {
    func compareIndexView(_ route: Route) -> [String: Any] {
        var context = common(route, title: "Compare models",
                             description: "Every pair of reviewed models that a review names as alternatives, side by side.",
                             updated: newestDate)
        context["comparisons"] = site.comparisons.map { comparison -> [String: Any] in
            let a = site.reviews[comparison.first], b = site.reviews[comparison.second]
            return ["title": "\(a.meta.title) vs \(b.meta.title)", "url": links.url(comparison.path(in: site.reviews)),
                    "vendors": a.meta.vendor == b.meta.vendor ? a.meta.vendor : "\(a.meta.vendor) · \(b.meta.vendor)"]
        }
        context["modelsURL"] = links.url("/models/")
        return context
    }
}
