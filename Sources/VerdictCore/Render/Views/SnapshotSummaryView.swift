import VerdictTemplates

/// One snapshot as `/benchmarks/` lists it: date, title, size and its top three on the ranking metric.
extension Renderer {
    func snapshotSummary(_ snapshot: RankedSnapshot) -> TemplateObject {
        var view = snapshotLink(snapshot)
        let board = snapshot.leaderboard
        view["models"] = .int(snapshot.snapshot.results.count)
        view["metrics"] = .int(snapshot.snapshot.metrics.count)
        view["rankBy"] = .text(board.metric.name)
        view["isLatest"] = .bool(snapshot.index == site.snapshots.count - 1)
        view["csv"] = .text(links.url("/benchmarks/\(snapshot.date).csv"))
        view["top"] = .list(board.entries.prefix(min(3, board.rankedCount)).map { entry -> TemplateValue in
            var row = modelReference(entry.result.model)
            row["rankLabel"] = .text(Format.rank(entry.rank))
            row["score"] = .text(Format.value(entry.value, on: board))
            return .object(row)
        })
        return view
    }
}
