/// The snapshot `verdict import` writes (README "A snapshot", plus `stderr` and `source`), kept in the
/// order it is written: metrics in column order, results sorted by model id.
public struct ImportedSnapshot: Sendable, Equatable {
    public struct MetricDefinition: Sendable, Equatable {
        public var id: String
        public var name: String
        public var unit: String
        public var better: Metric.Better
        public var group: String?
    }

    public struct Result: Sendable, Equatable {
        public var model: String
        public var name: String
        public var vendor: String?
        public var tier: String?
        /// Every metric of the snapshot; nil is written as `null` (not measured).
        public var scores: [String: Double?]
        public var stderr: [String: Double]
    }

    public var date: Day
    public var title: String
    public var rankBy: String
    public var source: String?
    public var metrics: [MetricDefinition]
    public var results: [Result]
}
