import VerdictTemplates

/// `/benchmarks/`, `/benchmarks/leaderboard/` and `/benchmarks/<date>/`.
extension Renderer {
    func benchmarksView(_ route: Route) -> TemplateObject {
        var context = common(route, title: "Benchmark snapshots", description: "Every benchmark run, newest first.", updated: site.latest?.date)
        context["snapshots"] = .list(site.snapshots.reversed().map { .object(snapshotSummary($0)) })
        context["leaderboard"] = .text(links.url("/benchmarks/leaderboard/"))
        return context
    }

    /// The leaderboard is the newest snapshot's page under a stable address.
    func snapshotView(_ route: Route, _ snapshot: RankedSnapshot?, isLeaderboard: Bool) -> TemplateObject {
        guard let snapshot else {
            var context = common(route, title: "Leaderboard")
            context["empty"] = true
            context["snapshot"] = .null
            context["methodology"] = .null
            return context
        }
        let title = isLeaderboard ? "Leaderboard" : snapshot.snapshot.title
        var context = common(route, title: title, description: "\(snapshot.snapshot.title), \(snapshot.date.longDescription).",
                             updated: snapshot.date)
        var view = snapshotLink(snapshot)
        view["isLeaderboard"] = .bool(isLeaderboard)
        view["rankBy"] = .text(snapshot.leaderboard.metric.name)
        view["metrics"] = .list(snapshot.snapshot.metrics.map { metric -> TemplateValue in
            ["id": .text(metric.id), "name": .text(metric.name), "unit": .text(metric.unit),
             "better": .text(metric.better.rawValue), "isRankBy": .bool(metric.id == snapshot.snapshot.rankBy),
             "group": metric.group.map(TemplateValue.text) ?? .null]
        })
        view["rows"] = .list(snapshot.leaderboard.entries.map { .object(leaderboardRow($0, in: snapshot, includeCells: true)) })
        view["hasMovement"] = .bool(snapshot.movements != nil)
        view["previous"] = snapshot.index > 0 ? .object(snapshotLink(site.snapshots[snapshot.index - 1])) : .null
        view["next"] = snapshot.index + 1 < site.snapshots.count ? .object(snapshotLink(site.snapshots[snapshot.index + 1])) : .null
        view["permalink"] = isLeaderboard ? .text(links.snapshot(snapshot.date)) : .null
        view["charts"] = snapshotCharts(snapshot)
        view["csv"] = .text(links.url("/benchmarks/\(snapshot.date).csv"))
        view["source"] = snapshot.snapshot.source.map(TemplateValue.text) ?? false
        context["empty"] = false
        context["snapshot"] = .object(view)
        context["methodology"] = site.pages.contains { $0.path == "/benchmarks/methodology/" } ? .text(links.url("/benchmarks/methodology/")) : .null
        return context
    }

    /// Name, vendor, tier and the review link where there is one.
    func modelCell(_ result: SnapshotResult) -> TemplateObject {
        TemplateObject([
            "model": .text(result.model), "name": .text(result.name),
            "vendor": result.vendor.map(TemplateValue.text) ?? false,
            "tier": result.tier.map(TemplateValue.text) ?? false,
            "url": site.review(model: result.model).map { .text(links.review($0.slug)) } ?? false,
        ])
    }

    func leaderboardRow(_ entry: Ranking.Entry, in snapshot: RankedSnapshot, includeCells: Bool) -> TemplateObject {
        var row = modelCell(entry.result)
        row["rank"] = entry.rank.map(TemplateValue.int) ?? false
        row["rankLabel"] = .text(Format.rank(entry.rank))
        row["score"] = .text(Format.value(entry.value, stderr: entry.result.stderr[snapshot.snapshot.rankBy], on: snapshot.leaderboard))
        row["movement"] = Format.movement(snapshot.movements?[entry.result.model])
        if includeCells {
            row["cells"] = .list(snapshot.snapshot.metrics.map { metric -> TemplateValue in
                let value = entry.result.scores[metric.id]
                let isRankBy = metric.id == snapshot.snapshot.rankBy
                let ranking = snapshot.ranking(metric.id)!
                let rank = ranking.rank(of: entry.result.model)
                return [
                    // The unit is in the column header, so cells hold bare numbers, with the snapshot's decimals.
                    "value": .text(value.map { Format.number($0, stderr: entry.result.stderr[metric.id], decimals: ranking.decimals) } ?? "—"),
                    "isRankBy": .bool(isRankBy),
                    "rank": rank.map(TemplateValue.int) ?? false,
                    "isBest": .bool(rank == 1),
                    // All of a cell's classes in one string: a snapshot page has 7,500 cells, and two
                    // sections per cell cost more than the rest of the row.
                    "class": .text("num" + (isRankBy ? " rank-by" : "") + (rank == 1 ? " best" : "")),
                ]
            })
        }
        return row
    }
}
