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
    /// Where the numbers came from (tools and file names), as `verdict import` writes it; nil when not given.
    public let source: String?

    init(file: SourceFile, date: Day, title: String, rankBy: String, metrics: [Metric], results: [SnapshotResult],
         source: String? = nil) {
        self.file = file
        self.date = date
        self.title = title
        self.rankBy = rankBy
        self.metrics = metrics
        self.results = results
        self.source = source
    }

    /// The same snapshot holding other results (in the same order, so result lines stay right).
    func replacingResults(_ results: [SnapshotResult]) -> Snapshot {
        Snapshot(file: file, date: date, title: title, rankBy: rankBy, metrics: metrics, results: results, source: source)
    }

    public func metric(_ id: String) -> Metric? { metrics.first { $0.id == id } }

    /// Source line of the result for `model`.
    func line(ofResult model: String) -> Int {
        guard let index = results.firstIndex(where: { $0.model == model }) else { return 1 }
        return line(ofResultAt: index)
    }

    /// Source line of the `model` of the result at `index` (file order).
    func line(ofResultAt index: Int) -> Int {
        JSONLocator(file: file).line(["results", .index(index), "model"])
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
    /// The reviewed model's id when the snapshot lists the model under one of its review's `aliases`
    /// (`Assembler` joins them), else the id as the snapshot writes it.
    public let model: String
    public let name: String
    public let vendor: String?
    public let tier: String?
    public let scores: [String: Double]
    /// Standard error of some of the scores, by metric id; only metrics with a score.
    public let stderr: [String: Double]

    init(model: String, name: String, vendor: String?, tier: String?, scores: [String: Double], stderr: [String: Double] = [:]) {
        self.model = model
        self.name = name
        self.vendor = vendor
        self.tier = tier
        self.scores = scores
        self.stderr = stderr
    }

    /// This result filed under another model id (an alias joined to its review's model).
    func filed(as model: String) -> SnapshotResult {
        SnapshotResult(model: model, name: name, vendor: vendor, tier: tier, scores: scores, stderr: stderr)
    }
}
