/// `/benchmarks/`, `/benchmarks/leaderboard/` and `/benchmarks/<date>/`.
extension Renderer {
    func benchmarksView(_ route: Route) -> [String: Any] {
        var context = common(route, title: "Benchmark snapshots", description: "Every benchmark run, newest first.", updated: site.latest?.date)
        context["snapshots"] = site.snapshots.reversed().map(snapshotSummary)
        context["leaderboard"] = links.url("/benchmarks/leaderboard/")
        return context
    }

    /// The leaderboard is the newest snapshot's page under a stable address.
    func snapshotView(_ route: Route, _ snapshot: RankedSnapshot?, isLeaderboard: Bool) -> [String: Any] {
        guard let snapshot else {
            var context = common(route, title: "Leaderboard")
            context["empty"] = true
            return context
        }
        let title = isLeaderboard ? "Leaderboard" : snapshot.snapshot.title
        var context = common(route, title: title, description: "\(snapshot.snapshot.title), \(snapshot.date.longDescription).",
                             updated: snapshot.date)
        var view = snapshotLink(snapshot)
        view["isLeaderboard"] = isLeaderboard
        view["rankBy"] = snapshot.leaderboard.metric.name
        view["metrics"] = snapshot.snapshot.metrics.map { metric -> [String: Any] in
            var column: [String: Any] = ["id": metric.id, "name": metric.name, "unit": metric.unit,
                                         "better": metric.better.rawValue, "isRankBy": metric.id == snapshot.snapshot.rankBy]
            column["group"] = metric.group
            return column
        }
        view["rows"] = snapshot.leaderboard.entries.map { leaderboardRow($0, in: snapshot, includeCells: true) }
        view["hasMovement"] = snapshot.movements != nil
        if snapshot.index > 0 { view["previous"] = snapshotLink(site.snapshots[snapshot.index - 1]) }
        if snapshot.index + 1 < site.snapshots.count { view["next"] = snapshotLink(site.snapshots[snapshot.index + 1]) }
        if isLeaderboard { view["permalink"] = links.snapshot(snapshot.date) }
        view["charts"] = snapshotCharts(snapshot)
        view["csv"] = links.url("/benchmarks/\(snapshot.date).csv")
        context["snapshot"] = view
        context["methodology"] = site.pages.contains { $0.path == "/benchmarks/methodology/" } ? links.url("/benchmarks/methodology/") : nil
        return context
    }

    /// Name, vendor, tier and the review link where there is one.
    func modelCell(_ result: SnapshotResult) -> [String: Any] {
        var view: [String: Any] = ["model": result.model, "name": result.name]
        view["vendor"] = result.vendor ?? false
        view["tier"] = result.tier ?? false
        view["url"] = site.review(model: result.model).map { links.review($0.slug) } ?? false
        return view
    }

    func leaderboardRow(_ entry: Ranking.Entry, in snapshot: RankedSnapshot, includeCells: Bool) -> [String: Any] {
        var row = modelCell(entry.result)
        row["rank"] = entry.rank ?? false
        row["rankLabel"] = Format.rank(entry.rank)
        row["score"] = Format.value(entry.value, on: snapshot.leaderboard)
        row["movement"] = Format.movement(snapshot.movements?[entry.result.model])
        if includeCells {
            row["cells"] = snapshot.snapshot.metrics.map { metric -> [String: Any] in
                let value = entry.result.scores[metric.id]
                let isRankBy = metric.id == snapshot.snapshot.rankBy
                let ranking = snapshot.ranking(metric.id)!
                // The unit is in the column header, so cells hold bare numbers, with the snapshot's decimals.
                var cell: [String: Any] = ["value": value.map { Format.number($0, decimals: ranking.decimals) } ?? "—", "isRankBy": isRankBy]
                let rank = ranking.rank(of: entry.result.model)
                cell["rank"] = rank ?? false
                cell["isBest"] = rank == 1
                // All of a cell's classes in one string: a snapshot page has 7,500 cells, and two
                // sections per cell cost more than the rest of the row.
                cell["class"] = "num" + (isRankBy ? " rank-by" : "") + (rank == 1 ? " best" : "")
                return cell
            }
        }
        return row
    }
}
