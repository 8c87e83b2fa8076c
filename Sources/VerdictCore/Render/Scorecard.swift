/// What a reader opening a review wants first: where the model stands in the newest snapshot holding it.
/// Computed here in typed code; the review page's view only turns it into template values.
struct Scorecard: Sendable {
    /// One metric's figure: the value with its unit and the snapshot's decimals for that metric.
    struct Figure: Sendable {
        let metric: Metric
        /// nil when the model was not measured on this metric.
        let value: Double?
        /// Standard error of the value, shown as `65.2 ± 0.4` with the metric's decimals.
        let stderr: Double?
        let rank: Int?
        let rankedCount: Int
        let decimals: Int

        init(_ ranking: Ranking, model: String) {
            let entry = ranking.entry(for: model)
            metric = ranking.metric
            value = entry?.value
            stderr = entry?.result.stderr[ranking.metric.id]
            rank = entry?.rank
            rankedCount = ranking.rankedCount
            decimals = ranking.decimals
        }

        /// "73.6 pts", "73.6 ± 0.4 pts", "$0.70/Mtok", or "not measured".
        var text: String {
            guard let value else { return "not measured" }
            return Format.withUnit(Format.number(value, stderr: stderr, decimals: decimals), unit: metric.unit)
        }

        /// "2 of 3", or nil without a rank.
        var rankOf: String? { rank.map { Format.rank($0, of: rankedCount) } }
    }

    static let moreFigures = 4

    let snapshot: RankedSnapshot
    /// The snapshot's ranking metric.
    let headline: Figure
    let movement: Movement?
    /// Up to four more metrics, one per metric group, in the snapshot's order.
    let more: [Figure]

    /// nil when no snapshot holds the model ("not benchmarked yet").
    init?(model: String, holding: [RankedSnapshot]) {
        guard let newest = holding.last, newest.holds(model) else { return nil }
        snapshot = newest
        headline = Figure(newest.leaderboard, model: model)
        movement = newest.movements?[model]
        more = Scorecard.moreMetrics(newest.snapshot).compactMap { metric in
            newest.ranking(metric.id).map { Figure($0, model: model) }
        }
    }

    /// One metric per `group` (quality, speed, cost…), groups in the order they first appear, each the
    /// group's first metric other than the ranking metric; none when the snapshot has no groups.
    static func moreMetrics(_ snapshot: Snapshot) -> [Metric] {
        var seen: Set<String> = []
        var out: [Metric] = []
        for metric in snapshot.metrics where metric.id != snapshot.rankBy {
            guard let group = metric.group, seen.insert(group).inserted else { continue }
            out.append(metric)
            if out.count == moreFigures { break }
        }
        return out
    }
}
