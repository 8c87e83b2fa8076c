/// One benchmark run: a dated leaderboard of models scored on several metrics.
public struct Snapshot: Sendable {
    /// The JSON file, kept so later checks can point at a line in it.
    let file: SourceFile
    public var path: String { file.path }
    public let date: Day
    public let title: String
    /// The metric the leaderboard is ranked on.
    public let rankBy: String
    public let metrics: [Metric]
    public let results: [SnapshotResult]

    public func metric(_ id: String) -> Metric? { metrics.first { $0.id == id } }

    /// Source line of the result for `model`.
    func line(ofResult model: String) -> Int {
        guard let index = results.firstIndex(where: { $0.model == model }) else { return 1 }
        return JSONLocator(file: file).line(["results", .index(index), "model"])
    }
}

public struct Metric: Sendable, Hashable {
    public enum Better: String, Sendable, Hashable { case higher, lower }

    public let id: String
    public let name: String
    public let unit: String
    public let better: Better
    /// `quality`, `speed`, `cost`...: how charts pair metrics up.
    public let group: String?
}

/// One model's row in a snapshot. A missing or `null` score means "not measured".
public struct SnapshotResult: Sendable {
    public let model: String
    public let name: String
    public let vendor: String?
    public let tier: String?
    public let scores: [String: Double]
}
