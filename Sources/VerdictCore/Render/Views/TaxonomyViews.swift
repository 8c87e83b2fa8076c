/// `/usecases/…` and `/capabilities/…`.
extension Renderer {
    func useCaseSummary(_ useCase: UseCase) -> [String: Any] {
        ["slug": useCase.slug, "title": useCase.title, "url": links.useCase(useCase.slug), "models": useCase.groups.count,
         "modelsLabel": useCase.groups.count == 1 ? "1 model" : "\(useCase.groups.count) models"]
    }

    func useCasesView(_ route: Route) -> [String: Any] {
        var context = common(route, title: "Use cases", description: "What each model is good for, task by task.")
        context["useCases"] = site.useCases.map(useCaseSummary)
        return context
    }

    func useCaseView(_ route: Route, _ useCase: UseCase, page: Int) -> [String: Any] {
        var context = common(route, title: useCase.title, description: useCase.intro?.description)
        context["slug"] = useCase.slug
        context["introHTML"] = useCase.intro?.html
        context["groups"] = pageSlice(useCase.groups, page: page).map { groupView($0, role: .useCases) }
        context["pager"] = pager(base: "/usecases/\(useCase.slug)/", page: page, count: useCase.groups.count)
        context["allURL"] = links.url("/usecases/")
        return context
    }

    private func groupView(_ group: TaggedItems, role: Section.Role) -> [String: Any] {
        let review = site.reviews[group.review]
        var view = reviewSummary(review)
        view["items"] = group.items(in: site.reviews).map { itemView($0, role: role, review: review) }
        return view
    }

    func capabilitiesView(_ route: Route) -> [String: Any] {
        var context = common(route, title: "Capabilities", description: "Where models are strong and where they fall short.")
        context["capabilities"] = site.capabilities.map { capability -> [String: Any] in
            ["slug": capability.slug, "title": capability.title, "url": links.capability(capability.slug),
             "strong": capability.strong.count, "weak": capability.weak.count]
        }
        return context
    }

    func capabilityView(_ route: Route, _ capability: Capability, page: Int) -> [String: Any] {
        var context = common(route, title: capability.title)
        context["slug"] = capability.slug
        context["strong"] = pageSlice(capability.strong, page: page).map { groupView($0, role: .strengths) }
        context["weak"] = pageSlice(capability.weak, page: page).map { groupView($0, role: .weaknesses) }
        context["pager"] = pager(base: "/capabilities/\(capability.slug)/", page: page,
                                 count: max(capability.strong.count, capability.weak.count))
        // The metric's full ranking goes on the first page only: it does not grow with the reviews.
        if page == 1, let id = capability.metricID, let latest = site.latest, let ranking = latest.ranking(id) {
            var metric = snapshotLink(latest)
            metric["name"] = ranking.metric.name
            metric["better"] = ranking.metric.better == .higher ? "higher is better" : "lower is better"
            metric["rows"] = ranking.entries.map { entry -> [String: Any] in
                var row = modelCell(entry.result)
                row["rank"] = entry.rank ?? false
                row["rankLabel"] = Format.rank(entry.rank)
                row["value"] = Format.value(entry.value, on: ranking)
                return row
            }
            context["metric"] = metric
        }
        context["allURL"] = links.url("/capabilities/")
        return context
    }
}
