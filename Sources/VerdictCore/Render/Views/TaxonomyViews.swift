import VerdictTemplates

/// `/usecases/…` and `/capabilities/…`.
extension Renderer {
    func useCaseSummary(_ useCase: UseCase) -> TemplateValue {
        ["slug": .text(useCase.slug), "title": .text(useCase.title), "url": .text(links.useCase(useCase.slug)),
         "models": .int(useCase.groups.count),
         "modelsLabel": .text(useCase.groups.count == 1 ? "1 model" : "\(useCase.groups.count) models")]
    }

    func useCasesView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "Use cases", description: "What each model is good for, task by task.")
        context["useCases"] = .list(site.useCases.map(useCaseSummary))
        return context
    }

    func useCaseView(_ route: Route, _ useCase: UseCase, page: Int) -> TemplateObject {
        var context = common(route, title: useCase.title, description: useCase.intro?.description)
        context["slug"] = .text(useCase.slug)
        context["introHTML"] = useCase.intro.map { .html($0.html) } ?? .null
        context["groups"] = .list(pageSlice(useCase.groups, page: page).map { groupView($0, role: .useCases) })
        context["pager"] = pager(base: "/usecases/\(useCase.slug)/", page: page, count: useCase.groups.count)
        context["allURL"] = .text(links.url("/usecases/"))
        return context
    }

    private func groupView(_ group: TaggedItems, role: Section.Role) -> TemplateValue {
        let review = site.reviews[group.review]
        var view = reviewSummary(review)
        view["items"] = .list(group.items(in: site.reviews).map { itemView($0, role: role, review: review) })
        return .object(view)
    }

    func capabilitiesView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "Capabilities", description: "Where models are strong and where they fall short.")
        context["capabilities"] = .list(site.capabilities.map { capability -> TemplateValue in
            ["slug": .text(capability.slug), "title": .text(capability.title), "url": .text(links.capability(capability.slug)),
             "strong": .int(capability.strong.count), "weak": .int(capability.weak.count)]
        })
        return context
    }

    func capabilityView(_ route: Route, _ capability: Capability, page: Int) -> TemplateObject {
        var context = common(route, title: capability.title)
        context["slug"] = .text(capability.slug)
        context["strong"] = .list(pageSlice(capability.strong, page: page).map { groupView($0, role: .strengths) })
        context["weak"] = .list(pageSlice(capability.weak, page: page).map { groupView($0, role: .weaknesses) })
        context["pager"] = pager(base: "/capabilities/\(capability.slug)/", page: page,
                                 count: max(capability.strong.count, capability.weak.count))
        context["metric"] = .null
        // The metric's full ranking goes on the first page only: it does not grow with the reviews.
        if page == 1, let id = capability.metricID, let latest = site.latest, let ranking = latest.ranking(id) {
            var metric = snapshotLink(latest)
            metric["name"] = .text(ranking.metric.name)
            metric["better"] = ranking.metric.better == .higher ? "higher is better" : "lower is better"
            metric["rows"] = .list(ranking.entries.map { entry -> TemplateValue in
                var row = modelCell(entry.result)
                row["rank"] = entry.rank.map(TemplateValue.int) ?? false
                row["rankLabel"] = .text(Format.rank(entry.rank))
                row["value"] = .text(Format.value(entry.value, on: ranking))
                return .object(row)
            })
            context["metric"] = .object(metric)
        }
        context["allURL"] = .text(links.url("/capabilities/"))
        return context
    }
}
