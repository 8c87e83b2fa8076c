/// One snapshot as `/benchmarks/` lists it: date, title, size and its top three on the ranking metric.
extension Renderer {
    func snapshotSummary(_ snapshot: RankedSnapshot) -> [String: Any] {
        var view = snapshotLink(snapshot)
        let board = snapshot.leaderboard
        view["models"] = snapshot.snapshot.results.count
        view["metrics"] = snapshot.snapshot.metrics.count
        view["rankBy"] = board.metric.name
        view["isLatest"] = snapshot.index == site.snapshots.count - 1
        view["csv"] = links.url("/benchmarks/\(snapshot.date).csv")
        view["top"] = board.entries.prefix(min(3, board.rankedCount)).map { entry -> [String: Any] in
            var row = modelReference(entry.result.model)
            row["rankLabel"] = Format.rank(entry.rank)
            row["score"] = Format.value(entry.value, on: board)
            return row
        }
        return view
    }
}
