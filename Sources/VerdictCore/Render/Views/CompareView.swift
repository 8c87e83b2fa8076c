import VerdictTemplates

/// `/compare/<a>-vs-<b>/` and `/benchmarks/changes/`.
extension Renderer {
    func compareView(_ route: Route, _ comparison: Comparison) -> TemplateObject {
        let a = site.reviews[comparison.first], b = site.reviews[comparison.second]
        var context = common(route, title: "\(a.meta.title) vs \(b.meta.title)",
                             description: "\(a.meta.title) and \(b.meta.title) side by side: verdicts, strengths, weaknesses and benchmarks.",
                             updated: max(a.meta.reviewed, b.meta.reviewed))
        context["models"] = [side(a), side(b)]
        context["metrics"] = sharedMetrics(a, b) ?? false
        return context
    }

    private func side(_ review: Review) -> TemplateValue {
        var view = reviewSummary(review)
        view["verdictHTML"] = review.verdict.map { .html(sectionHTML($0)) } ?? false
        view["strengths"] = .list(review.items(.strengths).map { itemView($0, role: .strengths, review: review) })
        view["weaknesses"] = .list(review.items(.weaknesses).map { itemView($0, role: .weaknesses, review: review) })
        view["useCases"] = .list(review.items(.useCases).map { itemView($0, role: .useCases, review: review) })
        return .object(view)
    }

    /// Every metric of the newest snapshot that holds both models, the better value marked.
    private func sharedMetrics(_ a: Review, _ b: Review) -> TemplateValue? {
        guard let snapshot = site.snapshots.last(where: { $0.holds(a.meta.model) && $0.holds(b.meta.model) }),
              let left = snapshot.leaderboard.entry(for: a.meta.model)?.result,
              let right = snapshot.leaderboard.entry(for: b.meta.model)?.result else { return nil }
        var view = snapshotLink(snapshot)
        view["rows"] = .list(snapshot.snapshot.metrics.map { metric -> TemplateValue in
            let x = left.scores[metric.id], y = right.scores[metric.id]
            let ranking = snapshot.ranking(metric.id)!
            var better = 0
            if let x, let y, x != y { better = (metric.better == .higher) == (x > y) ? 1 : 2 }
            return ["metric": .text(metric.name), "better": metric.better == .higher ? "higher is better" : "lower is better",
                    "first": .text(Format.value(x, on: ranking)), "second": .text(Format.value(y, on: ranking)),
                    "firstBetter": .bool(better == 1), "secondBetter": .bool(better == 2)]
        })
        return .object(view)
    }

    func changesView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "What changed", description: "Snapshot by snapshot: models added and dropped, rank moves, new leaders.",
                             updated: site.latest?.date)
        context["changes"] = .list(site.changes.reversed().map { change -> TemplateValue in
            let snapshot = site.snapshots[change.snapshot]
            var view = snapshotLink(snapshot)
            view["previous"] = .object(snapshotLink(site.snapshots[change.snapshot - 1]))
            view["added"] = .list(change.added.map { .object(modelReference($0)) })
            view["dropped"] = .list(change.dropped.map { .object(modelReference($0)) })
            view["moves"] = .list(change.moves.map { move -> TemplateValue in
                var row = modelReference(move.model)
                row["from"] = .int(move.from)
                row["to"] = .int(move.to)
                row["movement"] = Format.movement(.change(move.from - move.to))
                return .object(row)
            })
            view["leaders"] = .list(change.newLeaders.map { leader -> TemplateValue in
                var row = modelReference(leader.model)
                row["metric"] = .text(leader.metric.name)
                row["previousName"] = leader.previous.map { .text(site.displayName(model: $0)) } ?? false
                return .object(row)
            })
            view["quiet"] = .bool(change.added.isEmpty && change.dropped.isEmpty && change.moves.isEmpty && change.newLeaders.isEmpty)
            return .object(view)
        })
        context["hasChanges"] = .bool(!site.changes.isEmpty)
        return context
    }

    /// A model's display name, linked to its review where there is one.
    func modelReference(_ model: String) -> TemplateObject {
        TemplateObject(["model": .text(model), "name": .text(site.displayName(model: model)),
                        "url": site.review(model: model).map { .text(links.review($0.slug)) } ?? false])
    }
}
