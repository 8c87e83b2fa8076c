import Foundation

/// evalplus leaderboard `results.json`: `{model: {"pass@1": {"humaneval": 81.7, "humaneval+": 77.4, …}, …}}`,
/// pass@1 already in percent.
enum EvalPlusImporter: ScoreImporter {
    static let format = ImportFormat.evalplus

    static func recognizes(_ input: ImportInput) -> Bool {
        guard case .json(let root) = input.content, let object = root as? [String: Any], !object.isEmpty else { return false }
        return object.values.allSatisfy { ($0 as? [String: Any])?["pass@1"] is [String: Any] }
    }

    static func read(_ input: ImportInput) -> ImportReading {
        var reading = ImportReading()
        guard case .json(let root) = input.content, let object = root as? [String: Any] else { return reading }
        for model in object.keys.sorted() {
            guard let entry = object[model] as? [String: Any] else { continue }
            for key in entry.keys.sorted() where key.hasPrefix("pass@") {
                guard let scores = entry[key] as? [String: Any] else { continue }
                for benchmark in scores.keys.sorted() {
                    reading.rows.append(ImportedScore(
                        model: model, benchmark: benchmark, metric: key, value: JSONValue.number(scores[benchmark]),
                        scale: .percent))
                }
            }
        }
        return reading
    }
}
