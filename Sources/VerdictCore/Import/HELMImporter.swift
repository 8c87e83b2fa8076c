import Foundation

/// HELM's group tables (`benchmark_output/runs/<suite>/groups/json/*.json`): `title`, `header`, `rows`, one
/// table or a list of them. Columns whose header carries `lower_is_better` are metrics; the first column
/// names the model, and `model=` in a cell's `run_spec_names` gives its id.
enum HELMImporter: ScoreImporter {
    static let format = ImportFormat.helm

    static func recognizes(_ input: ImportInput) -> Bool {
        guard case .json(let root) = input.content else { return false }
        let tables = root as? [Any] ?? [root]
        return !tables.isEmpty && tables.allSatisfy { table in
            guard let table = table as? [String: Any] else { return false }
            return table["header"] is [Any] && table["rows"] is [Any]
        }
    }

    static func read(_ input: ImportInput) -> ImportReading {
        var reading = ImportReading()
        guard case .json(let root) = input.content else { return reading }
        for case let table as [String: Any] in root as? [Any] ?? [root] {
            read(table, into: &reading, path: input.path)
        }
        return reading
    }

    private struct Column {
        let index: Int
        let benchmark: String
        let metric: String?
        let better: Metric.Better
        let unit: String?
        let isAggregate: Bool
    }

    private static func read(_ table: [String: Any], into reading: inout ImportReading, path: String) {
        let header = (table["header"] as? [Any] ?? []).map { $0 as? [String: Any] ?? [:] }
        var columns: [Column] = []
        for (index, cell) in header.enumerated() {
            guard let lower = cell["lower_is_better"] as? Bool, let title = cell["value"] as? String else { continue }
            let metadata = cell["metadata"] as? [String: Any] ?? [:]
            let group = metadata["run_group"] as? String
            let metric = metadata["metric"] as? String
            let isTime = title.lowercased().contains("time") && title.contains("(s)")
            // A time is no score of its benchmark: `MMLU - Observed inference time (s)` is a column of its own,
            // so an efficiency table does not land in the accuracy table's `mmlu`.
            columns.append(Column(index: index, benchmark: isTime ? title : group ?? title, metric: group == nil || isTime ? nil : metric,
                                  better: lower ? .lower : .higher, unit: isTime ? "s" : nil,
                                  isAggregate: group == nil && title.lowercased().contains("mean win rate")))
        }
        for case let row as [Any] in table["rows"] as? [Any] ?? [] {
            let cells = row.map { $0 as? [String: Any] ?? [:] }
            guard let display = (cells.first?["value"] as? String)?.trimmingCharacters(in: .whitespaces), !display.isEmpty else { continue }
            let model = cells.lazy.compactMap(modelID(in:)).first ?? display
            for column in columns where column.index < cells.count {
                reading.rows.append(ImportedScore(
                    model: model, modelName: display, benchmark: column.benchmark,
                    metric: column.metric, value: JSONValue.number(cells[column.index]["value"]),
                    scale: column.unit == nil && column.metric != nil ? .unknown : .raw, better: column.better,
                    unit: column.unit, isAggregate: column.isAggregate))
            }
        }
    }

    /// `harm_bench:model=meta_llama-3-70b` → `meta/llama-3-70b`: HELM writes the `/` of a model id as `_`.
    private static func modelID(in cell: [String: Any]) -> String? {
        for case let spec as String in cell["run_spec_names"] as? [Any] ?? [] {
            // `model=` as an argument of its own, not the end of `judge_model=`.
            guard let range = spec.ranges(of: "model=").first(where: { range in
                range.lowerBound == spec.startIndex || [":", ","].contains(spec[spec.index(before: range.lowerBound)])
            }) else { continue }
            let value = spec[range.upperBound...].prefix { $0 != "," }
            guard !value.isEmpty else { continue }
            if let underscore = value.firstIndex(of: "_") {
                return value[..<underscore] + "/" + value[value.index(after: underscore)...]
            }
            return String(value)
        }
        return nil
    }
}
