import Foundation
import Yams

/// Decodes `Content/benchmarks/*.json` with `Codable` and turns every problem into a located diagnostic.
enum SnapshotDecoder {
    private struct File: Decodable {
        let date: String
        let title: String?
        let rankBy: String?
        let metrics: [MetricEntry]
        let results: [ResultEntry]
        let source: String?
    }

    private struct MetricEntry: Decodable {
        let id: String
        let name: String
        let unit: String?
        let better: String
        let group: String?
    }

    private struct ResultEntry: Decodable {
        let model: String
        let name: String?
        let vendor: String?
        let tier: String?
        let scores: Scores
        let stderr: Scores?
    }

    /// Scores (and standard errors) keep their file order (for stable diagnostics) and allow `null`.
    private struct Scores: Decodable {
        let entries: [(key: String, value: Double?)]

        init(entries: [(key: String, value: Double?)]) { self.entries = entries }

        private struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            entries = try container.allKeys.map { key in
                (key.stringValue, try container.decodeNil(forKey: key) ? nil : container.decode(Double.self, forKey: key))
            }
        }
    }

    static func decode(_ file: SourceFile) -> (Snapshot?, [Diagnostic]) {
        let locator = JSONLocator(file: file)
        if let comma = locator.trailingCommaLine {
            return (nil, [Diagnostic(path: file.path, line: comma, "invalid JSON: trailing comma before a closing bracket")])
        }
        if let raw = FastPath.file(Data(file.text.utf8)) { return validate(raw, locator: locator) }
        let raw: File
        do {
            raw = try JSONDecoder().decode(File.self, from: Data(file.text.utf8))
        } catch let error as DecodingError {
            let found = diagnostic(for: error, locator: locator)
            guard let foreign = foreignFormat(file) else { return (nil, [found]) }
            return (nil, [found.with(message: found.message + "; " + foreign)])
        } catch {
            return (nil, [Diagnostic(path: file.path, line: 1, "invalid JSON: \(error.localizedDescription)")])
        }
        return validate(raw, locator: locator)
    }

    /// A well-formed snapshot read with `JSONReader`, several times faster than JSONDecoder (which was
    /// a tenth of a one-review edit build at 10,000 reviews). Nil at the first thing JSONDecoder could
    /// object to (a wrong type, a missing field, a NaN): that file then goes through JSONDecoder, whose
    /// errors carry the coding path the diagnostics are placed by. Both give the same `File` otherwise.
    private enum FastPath {
        static func file(_ data: Data) -> File? {
            guard let root = (try? JSONReader.parse(data, strict: true)) as? [String: Any],
                  let date = root["date"] as? String,
                  let metrics = (root["metrics"] as? [Any])?.map(metric), !metrics.contains(where: { $0 == nil }),
                  let results = (root["results"] as? [Any])?.map(result), !results.contains(where: { $0 == nil }),
                  let title = optional(root["title"], as: String.self), let rankBy = optional(root["rankBy"], as: String.self),
                  let source = optional(root["source"], as: String.self) else { return nil }
            return File(date: date, title: title, rankBy: rankBy, metrics: metrics.map { $0! }, results: results.map { $0! }, source: source)
        }

        /// `.some(nil)` when absent or null, `.some(value)` when of the type, nil (not decodable) otherwise.
        private static func optional<T>(_ value: Any?, as type: T.Type) -> T?? {
            guard let value, !(value is NSNull) else { return .some(nil) }
            return (value as? T).map { .some($0) }
        }

        private static func metric(_ value: Any) -> MetricEntry? {
            guard let object = value as? [String: Any], let id = object["id"] as? String, let name = object["name"] as? String,
                  let better = object["better"] as? String, let unit = optional(object["unit"], as: String.self),
                  let group = optional(object["group"], as: String.self) else { return nil }
            return MetricEntry(id: id, name: name, unit: unit, better: better, group: group)
        }

        private static func result(_ value: Any) -> ResultEntry? {
            guard let object = value as? [String: Any], let model = object["model"] as? String,
                  let name = optional(object["name"], as: String.self), let vendor = optional(object["vendor"], as: String.self),
                  let tier = optional(object["tier"], as: String.self), let scores = self.scores(object["scores"]),
                  let stderr = optional(object["stderr"], as: Any.self) else { return nil }
            if let stderr {
                guard let entries = self.scores(stderr) else { return nil }
                return ResultEntry(model: model, name: name, vendor: vendor, tier: tier, scores: scores, stderr: entries)
            }
            return ResultEntry(model: model, name: name, vendor: vendor, tier: tier, scores: scores, stderr: nil)
        }

        /// Keys in sorted order: diagnostics are sorted by line afterwards, and scores end up in a dictionary.
        private static func scores(_ value: Any?) -> Scores? {
            guard let object = value as? [String: Any] else { return nil }
            var entries: [(key: String, value: Double?)] = []
            for key in object.keys.sorted() {
                switch object[key] {
                case let number as Double: entries.append((key, number))
                case is NSNull: entries.append((key, nil))
                default: return nil
                }
            }
            return Scores(entries: entries)
        }
    }

    private static func validate(_ raw: File, locator: JSONLocator) -> (Snapshot?, [Diagnostic]) {
        let path = locator.file.path
        var problems = DiagnosticList()
        let date = Day(raw.date)
        if date == nil {
            problems.error(path, locator.line(["date"]), "`date` must be a real date written YYYY-MM-DD, found \"\(raw.date)\"")
        }
        if raw.metrics.isEmpty {
            problems.error(path, locator.line(["metrics"]), "`metrics` is empty; a snapshot needs at least one metric")
        }
        var metrics: [Metric] = []
        var metricIDs: Set<String> = []
        for (index, entry) in raw.metrics.enumerated() {
            let line = { locator.line(["metrics", .index(index), "id"]) }
            let id = String(entry.id.trimmingSpaces())
            guard !id.isEmpty else {
                problems.error(path, line(), "metric \(index + 1) has an empty `id`")
                continue
            }
            guard metricIDs.insert(id).inserted else {
                problems.error(path, line(), "duplicate metric id \"\(id)\"; each metric needs its own id")
                continue
            }
            guard let better = Metric.Better(rawValue: entry.better) else {
                problems.error(path, locator.line(["metrics", .index(index), "better"]),
                               "metric \"\(id)\": `better` must be \"higher\" or \"lower\", found \"\(entry.better)\"")
                continue
            }
            metrics.append(Metric(id: id, name: entry.name, unit: entry.unit ?? "", better: better, group: entry.group))
        }
        let rankBy = raw.rankBy ?? metrics.first?.id ?? ""
        if raw.rankBy != nil, !metricIDs.contains(rankBy) {
            problems.error(path, locator.line(["rankBy"]),
                           "`rankBy` names \"\(rankBy)\", which is not one of the metrics (\(metrics.map(\.id).joined(separator: ", ")))")
        }
        var results: [SnapshotResult] = []
        var models: [String: Int] = [:]
        for (index, entry) in raw.results.enumerated() {
            let model = String(entry.model.trimmingSpaces())
            if model.isEmpty {
                problems.error(path, locator.line(["results", .index(index), "model"]), "result \(index + 1) has an empty `model`")
                continue
            }
            if let first = models[model] {
                problems.error(path, locator.line(["results", .index(index), "model"]),
                               "model \"\(model)\" appears twice (first as result \(first + 1))")
                continue
            }
            models[model] = index
            var scores: [String: Double] = [:]
            for (key, value) in entry.scores.entries {
                let line = { locator.line(["results", .index(index), "scores", .key(key)]) }
                if !metricIDs.contains(key) {
                    problems.error(path, line(), "model \"\(model)\" has a score for unknown metric \"\(key)\"; known metrics: \(metrics.map(\.id).joined(separator: ", "))")
                } else if let value {
                    if value.isFinite { scores[key] = value } else {
                        problems.error(path, line(), "model \"\(model)\": score \"\(key)\" must be a finite number or null")
                    }
                }
            }
            let stderr = validStderr(entry.stderr, index: index, model: model, scores: scores, known: metricIDs, metrics: metrics,
                                     locator: locator, problems: &problems)
            results.append(SnapshotResult(model: model, name: entry.name?.nonEmpty ?? model, vendor: entry.vendor?.nonEmpty,
                                          tier: entry.tier?.nonEmpty, scores: scores, stderr: stderr))
        }
        guard !problems.hasErrors, let date else { return (nil, problems.items) }
        let title = raw.title?.nonEmpty ?? "Benchmark snapshot \(date)"
        for (index, metric) in metrics.enumerated() where !results.contains(where: { $0.scores[metric.id] != nil }) {
            problems.warning(path, locator.line(["metrics", .index(index), "id"]),
                             "no result has a value for metric \"\(metric.id)\"; remove it or add the scores")
        }
        return (Snapshot(file: locator.file, date: date, title: title, rankBy: rankBy, metrics: metrics, results: results,
                         source: raw.source?.nonEmpty), problems.items)
    }

    /// A result's `stderr` object, checked like its scores: known metric ids, finite numbers or null,
    /// and not negative. A standard error beside no score has nothing to qualify: a warning, left out.
    private static func validStderr(_ entries: Scores?, index: Int, model: String, scores: [String: Double], known: Set<String>, metrics: [Metric],
                                    locator: JSONLocator, problems: inout DiagnosticList) -> [String: Double] {
        var stderr: [String: Double] = [:]
        let path = locator.file.path
        for (key, value) in entries?.entries ?? [] {
            let line = { locator.line(["results", .index(index), "stderr", .key(key)]) }
            if !known.contains(key) {
                problems.error(path, line(), "model \"\(model)\" has a stderr for unknown metric \"\(key)\"; known metrics: \(metrics.map(\.id).joined(separator: ", "))")
            } else if let value {
                if !value.isFinite || value < 0 {
                    problems.error(path, line(), "model \"\(model)\": stderr \"\(key)\" must be a finite number of 0 or more, or null")
                } else if scores[key] == nil {
                    problems.warning(path, line(), "model \"\(model)\" has a stderr for \"\(key)\" but no score; it is not shown")
                } else {
                    stderr[key] = value
                }
            }
        }
        return stderr
    }

    /// Output of other evaluation tools dropped into `benchmarks/` fails on its first field, and that
    /// message alone ("`date` must be text") sends the editor down the wrong path: say what the file is.
    /// Nil when the file has a snapshot's shape and only a field is wrong.
    private static func foreignFormat(_ file: SourceFile) -> String? {
        let root = try? JSONSerialization.jsonObject(with: Data(file.text.utf8))
        let object = root as? [String: Any]
        if object?["metrics"] is [Any], object?["results"] is [Any] { return nil }
        let shape = "a snapshot is an object with `date` (YYYY-MM-DD), `metrics` and `results` lists (README: Content format)"
        if let object, object["results"] is [String: Any], object["versions"] != nil || object["configs"] != nil || object["config"] != nil {
            return "this looks like lm-evaluation-harness output, not a Verdict snapshot: \(shape); convert it first"
        }
        return "this file is not a Verdict snapshot: \(shape)"
    }

    private static func diagnostic(for error: DecodingError, locator: JSONLocator) -> Diagnostic {
        let path = locator.file.path
        func keys(_ codingPath: [any CodingKey]) -> [JSONLocator.Component] {
            codingPath.map { key in key.intValue.map(JSONLocator.Component.index) ?? .key(key.stringValue) }
        }
        func dotted(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = keys(context.codingPath)
            let owner = context.codingPath.isEmpty ? "the snapshot" : "`\(dotted(context.codingPath))`"
            return Diagnostic(path: path, line: locator.line(parent), "missing required field `\(key.stringValue)` in \(owner)")
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            let expected = type == Double.self ? "a number or null" : type == String.self ? "text" : "\(type)".contains("Array") ? "a list" : "an object"
            let what = context.codingPath.isEmpty ? "the file" : "`\(dotted(context.codingPath))`"
            return Diagnostic(path: path, line: locator.line(keys(context.codingPath)), "\(what) must be \(expected)")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                return Diagnostic(path: path, line: locator.syntaxErrorLine, "invalid JSON: \(locator.syntaxErrorMessage)")
            }
            return Diagnostic(path: path, line: locator.line(keys(context.codingPath)),
                              "`\(dotted(context.codingPath))`: \(context.debugDescription)")
        @unknown default:
            return Diagnostic(path: path, line: 1, "invalid snapshot: \(error)")
        }
    }
}

extension String {
    var nonEmpty: String? {
        let trimmed = String(trimmingSpacesAndNewlines())
        return trimmed.isEmpty ? nil : trimmed
    }
}
