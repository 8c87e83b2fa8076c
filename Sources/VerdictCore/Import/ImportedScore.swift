/// One number read from another tool's output, before any Verdict decision is made about it: every
/// importer turns its format into these plain rows, and `ImportMerger` alone decides ids, scale,
/// direction, units and order.
public struct ImportedScore: Sendable, Hashable {
    /// How the source stores the value, so the merger can write percent.
    public enum Scale: Sendable, Hashable {
        /// The tool stores proportions in [0, 1] (lm-evaluation-harness accuracies, Inspect accuracy).
        case proportion
        /// The source says percent (`73.8%`, evalplus).
        case percent
        /// The source does not say; the merger looks at the benchmark and the values.
        case unknown
        /// Not a proportion whatever the values (perplexity, Elo, counts).
        case raw
    }

    /// The model id as the source writes it.
    public var model: String
    /// The model's display name, when the source has one apart from the id.
    public var modelName: String?
    /// The source's name of the benchmark (task, dataset, column): looked up in `BenchmarkCatalog`,
    /// and kept (lowercased) as the id when unknown.
    public var benchmark: String
    /// Other spellings of the benchmark to look up first, most specific first (`ai2_arc/ARC-Challenge`).
    public var benchmarkKeys: [String] = []
    /// The metric within the benchmark (`acc_norm`, `pass@1`); nil when the value is the benchmark's
    /// one number (a CSV column).
    public var metric: String?
    /// lm-evaluation-harness filter (`none`, `strict-match`).
    public var filter: String?
    /// nil: the source has the benchmark but no value for this model.
    public var value: Double?
    public var stderr: Double?
    public var shots: Int?
    public var scale: Scale = .unknown
    /// Set when the source says (`higher_is_better`, HELM `lower_is_better`).
    public var better: Metric.Better?
    public var unit: String?
    /// The source's own overall column (`Average`, arena-hard `score`): the default `rankBy`.
    public var isAggregate = false
    /// A part of a group that has its own aggregate (MMLU subjects): imported only with `--all-metrics`.
    public var isSubtask = false
    /// 1-based line in the source, for messages; nil when the format has no useful line.
    public var line: Int?

    public init(model: String, modelName: String? = nil, benchmark: String, benchmarkKeys: [String] = [],
                metric: String? = nil, filter: String? = nil, value: Double?, stderr: Double? = nil, shots: Int? = nil,
                scale: Scale = .unknown, better: Metric.Better? = nil, unit: String? = nil,
                isAggregate: Bool = false, isSubtask: Bool = false, line: Int? = nil) {
        self.model = model
        self.modelName = modelName
        self.benchmark = benchmark
        self.benchmarkKeys = benchmarkKeys
        self.metric = metric
        self.filter = filter
        self.value = value
        self.stderr = stderr
        self.shots = shots
        self.scale = scale
        self.better = better
        self.unit = unit
        self.isAggregate = isAggregate
        self.isSubtask = isSubtask
        self.line = line
    }
}

/// What one input file gave: its rows, its run date and the tool that wrote it.
public struct ImportedFile: Sendable {
    /// As shown in messages.
    public let path: String
    public let format: ImportFormat
    public let rows: [ImportedScore]
    /// The run's day, when the format records one.
    public let date: Day?

    public init(path: String, format: ImportFormat, rows: [ImportedScore], date: Day?) {
        self.path = path
        self.format = format
        self.rows = rows
        self.date = date
    }
}

/// A problem in an input, located as precisely as the format allows: `path[:line]: error: message`.
public struct ImportProblem: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let severity: Diagnostic.Severity
    public let message: String

    public init(_ path: String, line: Int? = nil, severity: Diagnostic.Severity = .error, _ message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.path, line: diagnostic.line, severity: diagnostic.severity, diagnostic.message)
    }

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)"
    }

    public static func < (a: ImportProblem, b: ImportProblem) -> Bool {
        (a.path, a.line ?? 0, a.severity, a.message) < (b.path, b.line ?? 0, b.severity, b.message)
    }
}
