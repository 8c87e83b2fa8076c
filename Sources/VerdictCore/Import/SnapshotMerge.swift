import Foundation

/// `verdict import --merge`: the imported results added to a snapshot already on disk.
extension ImportedSnapshot {
    /// Reads the existing snapshot at `path` (shown as `display`); problems carry its lines.
    static func read(existing data: Data, display: String) -> (ImportedSnapshot?, [ImportProblem]) {
        let file: SourceFile
        do { file = try SourceFile.decode(data, path: display, relativePath: display) } catch { return (nil, [ImportProblem(error)]) }
        let locator = JSONLocator(file: file)
        guard let root = try? JSONSerialization.jsonObject(with: Data(file.text.utf8)) else {
            return (nil, [ImportProblem(display, line: locator.syntaxErrorLine, "invalid JSON: \(locator.syntaxErrorMessage)")])
        }
        var problems: [ImportProblem] = []
        func fail(_ path: [JSONLocator.Component], _ message: String) {
            problems.append(ImportProblem(display, line: locator.line(path), "cannot merge into this snapshot: \(message)"))
        }
        guard let object = root as? [String: Any] else { fail([], "it is not a JSON object"); return (nil, problems) }
        let date = (object["date"] as? String).flatMap(Day.init)
        if date == nil { fail(["date"], "`date` must be a date written YYYY-MM-DD") }
        var metrics: [MetricDefinition] = []
        for (index, entry) in (object["metrics"] as? [Any] ?? []).enumerated() {
            guard let entry = entry as? [String: Any], let id = entry["id"] as? String,
                  let better = (entry["better"] as? String).flatMap(Metric.Better.init(rawValue:)) else {
                fail(["metrics", .index(index)], "metric \(index + 1) needs `id` and `better` (\"higher\" or \"lower\")")
                continue
            }
            metrics.append(MetricDefinition(id: id, name: entry["name"] as? String ?? id, unit: entry["unit"] as? String ?? "",
                                            better: better, group: entry["group"] as? String))
        }
        var results: [Result] = []
        for (index, entry) in (object["results"] as? [Any] ?? []).enumerated() {
            guard let entry = entry as? [String: Any], let model = entry["model"] as? String else {
                fail(["results", .index(index)], "result \(index + 1) needs a `model`")
                continue
            }
            let scores = (entry["scores"] as? [String: Any] ?? [:]).mapValues { JSONValue.number($0) }
            let stderr = (entry["stderr"] as? [String: Any] ?? [:]).compactMapValues { JSONValue.number($0) }
            results.append(Result(model: model, name: entry["name"] as? String ?? model, vendor: entry["vendor"] as? String,
                                  tier: entry["tier"] as? String, scores: scores, stderr: stderr))
        }
        guard problems.isEmpty, let date else { return (nil, problems) }
        let rankBy = object["rankBy"] as? String ?? metrics.first?.id ?? ""
        return (ImportedSnapshot(date: date, title: object["title"] as? String ?? "Benchmark snapshot \(date)", rankBy: rankBy,
                                 source: object["source"] as? String, metrics: metrics, results: results), [])
    }

    /// The existing snapshot with `imported` added: a model already present has its scores for the imported
    /// metrics replaced (where the import measured it) and keeps its others; new metrics are appended; the
    /// existing title, rankBy and metric definitions stay. The date is `date` when given, else the newer one.
    func merging(_ imported: ImportedSnapshot, date explicit: Day?) -> ImportedSnapshot {
        var merged = self
        let known = Set(metrics.map(\.id))
        merged.metrics += imported.metrics.filter { !known.contains($0.id) }
        var byModel = Dictionary(uniqueKeysWithValues: results.map { ($0.model, $0) })
        for result in imported.results {
            var row = byModel[result.model] ?? Result(model: result.model, name: result.name, vendor: nil, tier: nil, scores: [:], stderr: [:])
            for (id, value) in result.scores {
                guard let value else { continue }
                row.scores[id] = .some(value)
                row.stderr[id] = result.stderr[id]
            }
            byModel[result.model] = row
        }
        merged.results = byModel.keys.sorted().map { model in
            var row = byModel[model]!
            for metric in merged.metrics where row.scores[metric.id] == nil { row.scores[metric.id] = .some(nil) }
            return row
        }
        merged.date = explicit ?? Swift.max(date, imported.date)
        let parts = [source, imported.source].compactMap { $0 }
        merged.source = parts.isEmpty ? nil : parts.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "; ")
        return merged
    }
}
