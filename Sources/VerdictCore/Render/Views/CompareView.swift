/// `/compare/<a>-vs-<b>/` and `/benchmarks/changes/`.
extension Renderer {
    func compareView(_ route: Route, _ comparison: Comparison) -> [String: Any] {
        let a = site.reviews[comparison.first], b = site.reviews[comparison.second]
        var context = common(route, title: "\(a.meta.title) vs \(b.meta.title)",
                             description: "\(a.meta.title) and \(b.meta.title) side by side: verdicts, strengths, weaknesses and benchmarks.",
                             updated: max(a.meta.reviewed, b.meta.reviewed))
        context["models"] = [side(a), side(b)]
        context["metrics"] = sharedMetrics(a, b) ?? false
        return context
    }

    private func side(_ review: Review) -> [String: Any] {
        var view = reviewSummary(review)
        view["verdictHTML"] = review.verdict.map(sectionHTML) ?? false
        view["strengths"] = review.items(.strengths).map { itemView($0, role: .strengths, review: review) }
        view["weaknesses"] = review.items(.weaknesses).map { itemView($0, role: .weaknesses, review: review) }
        view["useCases"] = review.items(.useCases).map { itemView($0, role: .useCases, review: review) }
        return view
    }

    /// Every metric of the newest snapshot that holds both models, the better value marked.
    private func sharedMetrics(_ a: Review, _ b: Review) -> [String: Any]? {
        guard let snapshot = site.snapshots.last(where: { $0.holds(a.meta.model) && $0.holds(b.meta.model) }),
              let left = snapshot.leaderboard.entry(for: a.meta.model)?.result,
              let right = snapshot.leaderboard.entry(for: b.meta.model)?.result else { return nil }
        var view = snapshotLink(snapshot)
        view["rows"] = snapshot.snapshot.metrics.map { metric -> [String: Any] in
            let x = left.scores[metric.id], y = right.scores[metric.id]
            let ranking = snapshot.ranking(metric.id)!
            var better = 0
            if let x, let y, x != y { better = (metric.better == .higher) == (x > y) ? 1 : 2 }
            return ["metric": metric.name, "better": metric.better == .higher ? "higher is better" : "lower is better",
                    "first": Format.value(x, on: ranking), "second": Format.value(y, on: ranking),
                    "firstBetter": better == 1, "secondBetter": better == 2]
        }
        return view
    }

    func changesView(_ route: Route) -> [String: Any] {
        var context = common(route, title: "What changed", description: "Snapshot by snapshot: models added and dropped, rank moves, new leaders.",
                             updated: site.latest?.date)
        context["changes"] = site.changes.reversed().map { change -> [String: Any] in
            let snapshot = site.snapshots[change.snapshot]
            var view = snapshotLink(snapshot)
            view["previous"] = snapshotLink(site.snapshots[change.snapshot - 1])
            view["added"] = change.added.map(modelReference)
            view["dropped"] = change.dropped.map(modelReference)
            view["moves"] = change.moves.map { move -> [String: Any] in
                var row = modelReference(move.model)
                row["from"] = move.from
                row["to"] = move.to
                row["movement"] = Format.movement(.change(move.from - move.to))
                return row
            }
            view["leaders"] = change.newLeaders.map { leader -> [String: Any] in
                var row = modelReference(leader.model)
                row["metric"] = leader.metric.name
                row["previousName"] = leader.previous.map(site.displayName(model:)) ?? false
                return row
            }
            view["quiet"] = change.added.isEmpty && change.dropped.isEmpty && change.moves.isEmpty && change.newLeaders.isEmpty
            return view
        }
        context["hasChanges"] = !site.changes.isEmpty
        return context
    }

    /// A model's display name, linked to its review where there is one.
    func modelReference(_ model: String) -> [String: Any] {
        ["model": model, "name": site.displayName(model: model),
         "url": site.review(model: model).map { links.review($0.slug) } ?? false]
    }
}
