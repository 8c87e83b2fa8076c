/// Two reviewed models that some review names as alternatives of each other: one `/compare/a-vs-b/` page.
public struct Comparison: Sendable, Hashable {
    /// Indexes into `Site.reviews`, ordered by slug so each pair has one page.
    public let first: Int
    public let second: Int

    /// An alternative may name a model by one of its review's `aliases`.
    static func pairs(_ reviews: [Review], aliases: [String: String] = [:]) -> [Comparison] {
        var bySlugOrder: [String: Int] = [:]
        var byModel: [String: Int] = [:]
        for (index, review) in reviews.enumerated() {
            bySlugOrder[review.slug] = index
            byModel[review.meta.model] = index
        }
        var pairs: Set<Comparison> = []
        for (index, review) in reviews.enumerated() {
            for alternative in review.meta.alternatives {
                guard let other = byModel[aliases[alternative.value] ?? alternative.value], other != index else { continue }
                let (a, b) = reviews[index].slug < reviews[other].slug ? (index, other) : (other, index)
                pairs.insert(Comparison(first: a, second: b))
            }
        }
        return pairs.sorted { (reviews[$0.first].slug, reviews[$0.second].slug) < (reviews[$1.first].slug, reviews[$1.second].slug) }
    }

    /// Review index → indexes of the comparisons it takes part in, in comparison order.
    static func index(_ comparisons: [Comparison]) -> [Int: [Int]] {
        var byReview: [Int: [Int]] = [:]
        for (position, comparison) in comparisons.enumerated() {
            byReview[comparison.first, default: []].append(position)
            byReview[comparison.second, default: []].append(position)
        }
        return byReview
    }

    func path(in reviews: [Review]) -> String { "/compare/\(reviews[first].slug)-vs-\(reviews[second].slug)/" }
}

/// What changed from one snapshot to the next.
public struct SnapshotChange: Sendable {
    /// A rank change, both ranks counted among the models ranked in both snapshots.
    public struct Move: Sendable {
        public let model: String
        public let from: Int
        public let to: Int
    }

    public struct Leader: Sendable {
        public let metric: Metric
        public let model: String
        public let previous: String?
    }

    /// Index into `Site.snapshots` of the newer snapshot.
    public let snapshot: Int
    public let added: [String]
    public let dropped: [String]
    /// Largest rank changes on the leaderboard metric, biggest first.
    public let moves: [Move]
    /// Metrics whose best model changed.
    public let newLeaders: [Leader]

    static let movesShown = 5

    static func all(_ snapshots: [RankedSnapshot]) -> [SnapshotChange] {
        zip(snapshots, snapshots.dropFirst()).map { previous, current in
            let before = Set(previous.snapshot.results.map(\.model))
            let now = Set(current.snapshot.results.map(\.model))
            let order = { (a: String, b: String) in a < b }
            // Places among the models ranked in both snapshots, the ones movement counts.
            let shared = Ranking.sharedRanks(before: previous.rankings[current.snapshot.rankBy] ?? previous.leaderboard,
                                             now: current.leaderboard)
            let moves = current.leaderboard.entries.compactMap { entry -> Move? in
                guard let ranks = shared[entry.result.model], ranks.before != ranks.now else { return nil }
                return Move(model: entry.result.model, from: ranks.before, to: ranks.now)
            }
            .sorted { (abs($0.from - $0.to), $1.model) > (abs($1.from - $1.to), $0.model) }
            // A metric has a new leader when none of its previous leaders (ties share rank 1) still leads.
            let leaders = current.snapshot.metrics.compactMap { metric -> Leader? in
                let now = current.ranking(metric.id)?.entries.filter { $0.rank == 1 }.map(\.result.model) ?? []
                let before = previous.ranking(metric.id)?.entries.filter { $0.rank == 1 }.map(\.result.model) ?? []
                guard let top = now.first, Set(now).isDisjoint(with: before) else { return nil }
                return Leader(metric: metric, model: top, previous: before.first)
            }
            return SnapshotChange(snapshot: current.index, added: now.subtracting(before).sorted(by: order),
                                  dropped: before.subtracting(now).sorted(by: order),
                                  moves: Array(moves.prefix(movesShown)), newLeaders: leaders)
        }
    }
}
