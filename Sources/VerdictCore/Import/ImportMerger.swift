/// Turns every importer's rows into one snapshot: canonical benchmark ids, the main metric of each
/// benchmark, percent, direction, units, column order, `rankBy`, conflicts between files, the date.
/// The one place where these decisions are made, whatever the formats.
struct ImportMerger {
    struct Options: Sendable {
        var allMetrics = false
        /// Column or metric names the user says are better lower (`--lower`).
        var lower: [String] = []
        var rankBy: String?
        var date: Day?
        var title: String?
    }

    let options: Options

    private struct Column {
        var definition: ImportedSnapshot.MetricDefinition
        /// Catalog position of its benchmark (Int.max when unknown), then main before other metrics.
        var catalogOrder: Int
        var isMain: Bool
        var firstSeen: Int
        var isAggregate: Bool
        var firstPath: String
    }

    private struct Cell {
        var value: Double?
        var stderr: Double?
        var path: String
        var date: Day?
        var line: Int?
    }

    /// `files` in any order; they are taken sorted by path.
    func merge(_ files: [ImportedFile]) -> (snapshot: ImportedSnapshot?, problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        var columns: [String: Column] = [:]
        var cells: [String: [String: Cell]] = [:]
        var names: [String: String] = [:]
        var seen = 0
        let lower = Set(options.lower.map { BenchmarkCatalog.key($0) })
        var catalogCache: [String: Benchmark] = [:]

        for file in files.sorted(by: { $0.path < $1.path }) {
            var fileColumns: [String: [ImportedScore]] = [:]
            var fileOrder: [String] = []
            for (row, placement) in resolve(file.rows, cache: &catalogCache) {
                let id = placement.id
                if fileColumns[id] == nil { fileOrder.append(id) }
                fileColumns[id, default: []].append(row)
                if columns[id] == nil {
                    var column = column(row, id: id, name: placement.name, order: placement.order, isMain: placement.isMain)
                    column.firstSeen = seen
                    column.firstPath = file.path
                    let source = [row.benchmark, row.metric ?? "", id]
                    if source.contains(where: { lower.contains(BenchmarkCatalog.key($0)) }) { column.definition.better = .lower }
                    columns[id] = column
                    seen += 1
                }
            }
            for id in fileOrder {
                let rows = fileColumns[id]!
                let (factor, unit) = scale(rows, isMain: columns[id]!.isMain, catalogued: columns[id]!.catalogOrder != Int.max)
                if columns[id]!.definition.unit.isEmpty, let unit { columns[id]!.definition.unit = unit }
                for row in rows {
                    if names[row.model] == nil, let name = row.modelName { names[row.model] = name }
                    let cell = Cell(value: row.value.map { Self.scaled($0, factor) }, stderr: row.stderr.map { Self.scaled($0, factor) },
                                    path: file.path, date: file.date, line: row.line)
                    if let existing = cells[row.model]?[id], existing.value != nil {
                        guard cell.value != nil else { continue }
                        let keepExisting = existing.path != file.path && (existing.date ?? .distantPast) > (file.date ?? .distantPast)
                        let winner = keepExisting ? existing : cell, loser = keepExisting ? cell : existing
                        let reason = existing.path == file.path ? "appears twice in this file; the later row wins"
                            : winner.date != loser.date ? "the newer run wins" : "the later path wins"
                        problems.append(ImportProblem(file.path, line: row.line, severity: .warning,
                            "\(row.model) \(id): \(format(winner.value)) from \(describe(winner)) replaces \(format(loser.value)) from \(describe(loser)) (\(reason))"))
                        if keepExisting { continue }
                    }
                    cells[row.model, default: [:]][id] = cell
                }
            }
        }

        // A column with no value at all says nothing: left out, with a warning.
        for (id, column) in columns where !cells.values.contains(where: { $0[id]?.value != nil }) {
            problems.append(ImportProblem(column.firstPath, severity: .warning, "`\(column.definition.name)` has no value for any model; left out"))
            columns[id] = nil
        }
        let ordered = columns.values.sorted {
            ($0.catalogOrder, $0.isMain ? 0 : 1, $0.firstSeen) < ($1.catalogOrder, $1.isMain ? 0 : 1, $1.firstSeen)
        }
        guard !ordered.isEmpty else {
            problems.append(ImportProblem(files.map(\.path).sorted().first ?? "import", "no score found in any input"))
            return (nil, problems)
        }
        let metrics = ordered.map(\.definition)

        let dates = files.compactMap(\.date)
        guard let date = options.date ?? dates.max() else {
            let paths = files.map(\.path).sorted()
            let named = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
            problems.append(ImportProblem(paths.first ?? "import",
                "no run date: none of the inputs (\(named)) records one; pass --date YYYY-MM-DD"))
            return (nil, problems)
        }

        let rankBy: String
        if let wanted = options.rankBy {
            guard metrics.contains(where: { $0.id == wanted }) else {
                problems.append(ImportProblem(files.map(\.path).sorted().first ?? "import",
                    "--rank-by \(wanted) is not one of the imported metrics: \(metrics.map(\.id).joined(separator: ", "))"))
                return (nil, problems)
            }
            rankBy = wanted
        } else if let aggregate = ordered.first(where: \.isAggregate) {
            rankBy = aggregate.definition.id
        } else {
            let counts = metrics.map { metric in cells.values.count { $0[metric.id]?.value != nil } }
            rankBy = metrics[counts.firstIndex(of: counts.max()!)!].id
        }

        let results = cells.keys.sorted().map { model in
            let row = cells[model]!
            var scores: [String: Double?] = [:]
            var stderr: [String: Double] = [:]
            for metric in metrics {
                scores[metric.id] = .some(row[metric.id]?.value)
                if row[metric.id]?.value != nil, let error = row[metric.id]?.stderr { stderr[metric.id] = error }
            }
            return ImportedSnapshot.Result(model: model, name: names[model] ?? model, vendor: nil, tier: nil, scores: scores, stderr: stderr)
        }
        let formats = Set(files.map(\.format)).sorted()
        let title = options.title ?? formats.map(\.toolName).joined(separator: ", ") + " results"
        return (ImportedSnapshot(date: date, title: title, rankBy: rankBy, source: Self.source(files),
                                 metrics: metrics, results: results), problems)
    }

    /// Every row with the metric id it lands in and that column's definition; rows left out (subtasks and
    /// other metrics without `--all-metrics`) are dropped here.
    private struct Benchmark { let id: String; let name: String; let order: Int; let main: [String] }

    /// Where a row lands: its metric id, and what its column is called if the row creates it.
    private struct Placement { let id: String; let name: String; let order: Int; let isMain: Bool }

    private func resolve(_ rows: [ImportedScore], cache: inout [String: Benchmark]) -> [(ImportedScore, Placement)] {
        var benchmarks: [Int: Benchmark] = [:]
        var metricsOf: [String: [(metric: String, filter: String?)]] = [:]
        var preferred: [String: [String]] = [:]
        for (index, row) in rows.enumerated() where options.allMetrics || !row.isSubtask {
            let cacheKey = row.benchmarkKeys.isEmpty ? row.benchmark : (row.benchmarkKeys + [row.benchmark]).joined(separator: "\u{1}")
            let benchmark: Benchmark
            if let known = cache[cacheKey] { benchmark = known } else {
                let found = BenchmarkCatalog.lookup(row.benchmarkKeys + [row.benchmark])
                benchmark = Benchmark(id: found?.benchmark.id ?? BenchmarkCatalog.ownID(row.benchmark),
                                      name: found?.benchmark.name ?? row.benchmark, order: found?.order ?? Int.max,
                                      main: found?.benchmark.main ?? [])
                cache[cacheKey] = benchmark
            }
            benchmarks[index] = benchmark
            preferred[benchmark.id] = benchmark.main
            if let metric = row.metric, !(metricsOf[benchmark.id] ?? []).contains(where: { $0.metric == metric && $0.filter == row.filter }) {
                metricsOf[benchmark.id, default: []].append((metric, row.filter))
            }
        }
        var mains: [String: (metric: String, filter: String?)] = [:]
        for (id, found) in metricsOf {
            mains[id] = (preferred[id] ?? []).lazy.compactMap { wanted -> (metric: String, filter: String?)? in
                let parts = wanted.split(separator: "@", maxSplits: 1).map(String.init)
                let candidates = found.filter { $0.metric == parts[0] && (parts.count == 1 || $0.filter == parts[1]) }
                return candidates.first { $0.filter == nil || $0.filter == "none" } ?? candidates.first
            }.first ?? found.first
        }
        var out: [(ImportedScore, Placement)] = []
        for (index, row) in rows.enumerated() {
            guard let benchmark = benchmarks[index] else { continue }
            let main = mains[benchmark.id]
            if row.metric == nil || (main?.metric == row.metric && main?.filter == row.filter) {
                out.append((row, Placement(id: benchmark.id, name: benchmark.name, order: benchmark.order, isMain: true)))
            } else if options.allMetrics, let metric = row.metric {
                let filter = row.filter.flatMap { $0 == "none" ? nil : "@" + $0 } ?? ""
                let id = benchmark.id + "." + BenchmarkCatalog.ownID(metric) + filter
                out.append((row, Placement(id: id, name: "\(benchmark.name) \(metric)\(filter)", order: benchmark.order, isMain: false)))
            }
        }
        return out
    }

    private func column(_ row: ImportedScore, id: String, name: String, order: Int, isMain: Bool) -> Column {
        var name = name
        if let shots = row.shots, !name.lowercased().contains("shot") { name += " (\(shots)-shot)" }
        let unit = row.unit ?? Self.unit(for: [row.benchmark, row.metric ?? ""])
        let better = row.better ?? (Self.isLowerBetter([row.benchmark, row.metric ?? ""]) ? .lower : .higher)
        return Column(definition: .init(id: id, name: name, unit: unit ?? "", better: better, group: nil),
                      catalogOrder: order, isMain: isMain, firstSeen: 0, isAggregate: row.isAggregate, firstPath: "")
    }

    /// The factor that turns one file's values of a column into what is written, and the unit that implies.
    private func scale(_ rows: [ImportedScore], isMain: Bool, catalogued: Bool) -> (Double, String?) {
        let values = rows.compactMap(\.value)
        let proportions = values.allSatisfy { (0...1).contains($0) }
        let scale = rows.first?.scale ?? .unknown
        switch scale {
        case .raw: return (1, nil)
        case .percent: return (1, "%")
        case .proportion: return proportions ? (100, "%") : (1, nil)
        case .unknown:
            let kind = (catalogued && isMain) || rows.contains { Self.isProportionName($0.metric ?? $0.benchmark) }
            guard kind else { return (1, nil) }
            if proportions { return (100, "%") }
            return values.allSatisfy { (0...100).contains($0) } ? (1, "%") : (1, nil)
        }
    }

    /// `0.468` × 100 as the decimal shift `46.8`, not the binary product `46.800000000000004`: the shortest
    /// text of the value with its exponent moved, read back.
    static func scaled(_ value: Double, _ factor: Double) -> Double {
        guard factor == 100 else { return value * factor }
        let text = value.description
        if !text.contains("e"), let shifted = Double(text + "e2") { return shifted }
        return value * factor
    }

    static func isProportionName(_ name: String) -> Bool {
        let words = Set(name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return !words.isDisjoint(with: ["acc", "accuracy", "acc_norm", "exact", "em", "f1", "mc1", "mc2", "precision", "recall", "winrate"])
            || name.lowercased().hasPrefix("pass@") || name.lowercased().contains("win_rate") || name.lowercased().contains("winrate")
            || name.lowercased().hasPrefix("acc") || name.lowercased().hasPrefix("exact_match")
    }

    /// Lower is better for perplexity, bits per byte, error rates, time, latency, price and cost.
    static func isLowerBetter(_ names: [String]) -> Bool {
        names.contains { name in
            let lowered = name.lowercased()
            let words = Set(lowered.split { !$0.isLetter && !$0.isNumber }.map(String.init))
            return ["perplexity", "bits_per_byte", "bits per byte", "error_rate", "error rate"].contains { lowered.contains($0) }
                || !words.isDisjoint(with: ["ppl", "bpb", "wer", "ter", "cer", "error", "errors", "time", "latency", "seconds", "price",
                                            "cost", "ttft", "loss", "perplexity", "ms"])
        }
    }

    /// Units the source implies: Elo ratings, MT-bench's /10.
    static func unit(for names: [String]) -> String? {
        for name in names {
            let lowered = name.lowercased()
            let words = Set(lowered.split { !$0.isLetter && !$0.isNumber }.map(String.init))
            if words.contains("elo") { return "Elo" }
            if lowered.contains("mt-bench") || lowered.contains("mt_bench") || lowered.contains("mtbench") { return "/10" }
            if lowered.hasSuffix("(s)") { return "s" }
            if lowered.hasSuffix("(ms)") { return "ms" }
        }
        return nil
    }

    /// Tools and file names (never absolute paths), a few names per tool.
    static func source(_ files: [ImportedFile]) -> String {
        let byFormat = Dictionary(grouping: files, by: \.format)
        return byFormat.keys.sorted().map { format in
            // A file's name, or its folder and name when the name alone repeats (`NeuralBeagle14-7B/README.md`).
            let parts = byFormat[format]!.map { $0.path.split(separator: "/").map(String.init) }
            let counts = Dictionary(parts.map { ($0.last ?? "", 1) }, uniquingKeysWith: +)
            let names = parts.map { counts[$0.last ?? "", default: 0] > 1 ? $0.suffix(2).joined(separator: "/") : $0.last ?? "" }.sorted()
            let shown = names.prefix(5).joined(separator: ", ")
            return "\(format.toolName): " + shown + (names.count > 5 ? " and \(names.count - 5) more" : "")
        }.joined(separator: "; ")
    }

    private func describe(_ cell: Cell) -> String {
        cell.path + (cell.line.map { ":\($0)" } ?? "") + (cell.date.map { " (\($0))" } ?? "")
    }

    private func format(_ value: Double?) -> String { value.map { $0.description } ?? "null" }
}

extension Day {
    static let distantPast = Day("0001-01-01")!
}
