/// One metric of one snapshot, ranked: best first, ties sharing a rank (1, 2, 2, 4), unmeasured last.
public struct Ranking: Sendable {
    public struct Entry: Sendable {
        public let result: SnapshotResult
        public let value: Double?
        /// nil when the model was not measured on this metric.
        public let rank: Int?
    }

    public let metric: Metric
    public let entries: [Entry]
    /// Models with a value, so a rank reads "k of n".
    public let rankedCount: Int
    /// Decimals every page shows this metric's values with in this snapshot (see `Ranking.decimals(of:)`):
    /// decided once here, so a table, a chart and a scorecard never disagree.
    public let decimals: Int
    private let positions: [String: Int]

    /// Ties are listed by display name, then model id, so the order never depends on the file.
    /// `displayPositions[i]` is where `results[i]` stands in that order; a snapshot computes it once for
    /// all its metrics, so sorting compares numbers instead of lowercased names.
    init(metric: Metric, results: [SnapshotResult], displayPositions: [Int]? = nil) {
        self.metric = metric
        let position = displayPositions ?? Ranking.displayPositions(results)
        var measured: [(index: Int, value: Double)] = []
        var unmeasured: [Int] = []
        for (index, result) in results.enumerated() {
            if let value = result.scores[metric.id] { measured.append((index, value)) } else { unmeasured.append(index) }
        }
        let higher = metric.better == .higher
        measured.sort { a, b in
            if a.value != b.value { return higher ? a.value > b.value : a.value < b.value }
            return position[a.index] < position[b.index]
        }
        unmeasured.sort { position[$0] < position[$1] }
        var entries: [Entry] = []
        entries.reserveCapacity(results.count)
        for (offset, (index, value)) in measured.enumerated() {
            let rank = offset > 0 && measured[offset - 1].value == value ? entries[offset - 1].rank! : offset + 1
            entries.append(Entry(result: results[index], value: value, rank: rank))
        }
        entries += unmeasured.map { Entry(result: results[$0], value: nil, rank: nil) }
        self.entries = entries
        self.rankedCount = measured.count
        self.decimals = Ranking.decimals(of: measured.map(\.value), errors: results.compactMap { $0.stderr[metric.id] })
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() { positions[entry.result.model] = index }
        self.positions = positions
    }

    static func displayPositions(_ results: [SnapshotResult]) -> [Int] {
        let keys = results.map { ($0.name.lowercased(), $0.model) }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var positions = [Int](repeating: 0, count: results.count)
        for (position, index) in order.enumerated() { positions[index] = position }
        return positions
    }

    public func entry(for model: String) -> Entry? { positions[model].map { entries[$0] } }
    public func rank(of model: String) -> Int? { entry(for: model)?.rank }

    /// The best measured value, where every model's bar on this metric ends at the same scale.
    public var best: Double? { entries.first?.value }
    /// The worst measured value.
    public var worst: Double? { rankedCount > 0 ? entries[rankedCount - 1].value : nil }

    /// Each model ranked in both rankings, with its rank among those models only (ties share a rank) before
    /// and now: a model that joins or leaves changes nobody else's places.
    static func sharedRanks(before: Ranking, now: Ranking) -> [String: (before: Int, now: Int)] {
        func ranks(_ ranking: Ranking, among models: Set<String>) -> [String: Int] {
            var out: [String: Int] = [:]
            var previous: (value: Double, rank: Int)?
            var position = 0
            for entry in ranking.entries where models.contains(entry.result.model) {
                guard let value = entry.value else { continue }
                position += 1
                let rank = previous.map { $0.value == value ? $0.rank : position } ?? position
                out[entry.result.model] = rank
                previous = (value, rank)
            }
            return out
        }
        let rankedBefore = Set(before.entries.prefix(before.rankedCount).map(\.result.model))
        let shared = Set(now.entries.prefix(now.rankedCount).map(\.result.model)).intersection(rankedBefore)
        let old = ranks(before, among: shared), new = ranks(now, among: shared)
        var out: [String: (before: Int, now: Int)] = [:]
        for (model, rank) in new { out[model] = (old[model]!, rank) }
        return out
    }
}

/// How a model's rank on the leaderboard metric changed since the previous snapshot, counted among the
/// models ranked in both: a model that joins or leaves moves nobody else, and one that returns after a
/// snapshot away is new again.
public enum Movement: Sendable, Equatable {
    /// Not in the previous snapshot.
    case new
    /// Positive: moved up by that many places among the models in both snapshots; negative: down; zero: unchanged.
    case change(Int)
    /// Ranked in only one of the two snapshots, so no change can be given.
    case unranked
}

/// A snapshot with every metric ranked once, and movement against the previous snapshot.
public struct RankedSnapshot: Sendable {
    public let snapshot: Snapshot
    /// Position in date order (0 is the oldest).
    public let index: Int
    public let rankings: [String: Ranking]
    /// nil for the oldest snapshot, which has nothing to compare with.
    public let movements: [String: Movement]?
    /// Median of each metric per tier (key `""`: all models), computed once for the review pages' bars.
    public let medians: [String: [String: Double]]

    public var date: Day { snapshot.date }
    public var leaderboard: Ranking { rankings[snapshot.rankBy]! }
    public func ranking(_ metricID: String) -> Ranking? { rankings[metricID] }
    public func holds(_ model: String) -> Bool { leaderboard.entry(for: model) != nil }

    static func medians(_ snapshot: Snapshot) -> [String: [String: Double]] {
        var groups: [String: [SnapshotResult]] = ["": snapshot.results]
        for result in snapshot.results { if let tier = result.tier { groups[tier, default: []].append(result) } }
        return groups.mapValues { results in
            var medians: [String: Double] = [:]
            for metric in snapshot.metrics {
                let values = results.compactMap { $0.scores[metric.id] }.sorted()
                guard !values.isEmpty else { continue }
                let middle = values.count / 2
                medians[metric.id] = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
            }
            return medians
        }
    }

    static func rank(_ snapshots: [Snapshot]) -> [RankedSnapshot] {
        linked(snapshots, snapshots.map(rankings))
    }

    /// `rank`, with each snapshot's metrics ranked on its own core (a twentieth of a one-review edit
    /// build at 10,000 reviews and 24 snapshots went to ranking them one after another).
    static func rankConcurrently(_ snapshots: [Snapshot]) async -> [RankedSnapshot] {
        linked(snapshots, await snapshots.concurrentMap { Self.rankings($0) })
    }

    /// Every metric of one snapshot ranked, and its medians: independent of the other snapshots.
    private static func rankings(_ snapshot: Snapshot) -> Rankings {
        var rankings: [String: Ranking] = [:]
        let positions = Ranking.displayPositions(snapshot.results)
        for metric in snapshot.metrics {
            rankings[metric.id] = Ranking(metric: metric, results: snapshot.results, displayPositions: positions)
        }
        return Rankings(byMetric: rankings, medians: medians(snapshot))
    }

    private struct Rankings: Sendable {
        let byMetric: [String: Ranking]
        let medians: [String: [String: Double]]
    }

    /// Movement needs the snapshot before: done in date order once every snapshot is ranked.
    private static func linked(_ snapshots: [Snapshot], _ ranked: [Rankings]) -> [RankedSnapshot] {
        var out: [RankedSnapshot] = []
        for (index, (snapshot, ranking)) in zip(snapshots, ranked).enumerated() {
            let rankings = ranking.byMetric
            let current = rankings[snapshot.rankBy]!
            var movements: [String: Movement]?
            // Compared on the same metric where the previous snapshot has it, else on its own leaderboard.
            if let previous = out.last.map({ $0.rankings[snapshot.rankBy] ?? $0.leaderboard }) {
                let shared = Ranking.sharedRanks(before: previous, now: current)
                var map: [String: Movement] = [:]
                for entry in current.entries {
                    let model = entry.result.model
                    if let ranks = shared[model] { map[model] = .change(ranks.before - ranks.now) }
                    else { map[model] = previous.entry(for: model) == nil ? .new : .unranked }
                }
                movements = map
            }
            out.append(RankedSnapshot(snapshot: snapshot, index: index, rankings: rankings, movements: movements,
                                      medians: ranking.medians))
        }
        return out
    }
}
