import Foundation

/// Inspect AI eval logs written as JSON: `eval` (task, model, created) and `results.scores[]`, each scorer
/// with its `metrics` (`accuracy`, `stderr`…); logs from before May 2024 have one `results.metrics` instead.
enum InspectImporter: ScoreImporter {
    static let format = ImportFormat.inspect

    static func recognizes(_ input: ImportInput) -> Bool {
        guard case .json(let root) = input.content, let object = root as? [String: Any],
              let eval = object["eval"] as? [String: Any], eval["model"] != nil || eval["task"] != nil else { return false }
        return object["results"] is [String: Any] || object["status"] != nil
    }

    static func read(_ input: ImportInput) -> ImportReading {
        var reading = ImportReading()
        guard case .json(let root) = input.content, let object = root as? [String: Any],
              let eval = object["eval"] as? [String: Any] else {
            reading.problems.append(ImportProblem(input.path, "an Inspect log needs an `eval` object"))
            return reading
        }
        guard let model = (eval["model"] as? String)?.trimmingCharacters(in: .whitespaces), !model.isEmpty else {
            reading.problems.append(ImportProblem(input.path, "no model: expected `eval.model`"))
            return reading
        }
        reading.date = (eval["created"] as? String).flatMap(ImportDates.utcDay(iso:))
        let task = (eval["task"] as? String).map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "inspect"
        guard let results = object["results"] as? [String: Any] else {
            let status = object["status"] as? String ?? "unknown"
            reading.problems.append(ImportProblem(input.path, "the log has no `results` (status \(status)): the evaluation did not finish"))
            return reading
        }
        var scorers: [(name: String, metrics: [String: Any])] = []
        if let scores = results["scores"] as? [Any] {
            for case let score as [String: Any] in scores {
                let name = score["name"] as? String ?? score["scorer"] as? String ?? "score"
                scorers.append((name, score["metrics"] as? [String: Any] ?? [:]))
            }
        } else if let metrics = results["metrics"] as? [String: Any] {
            let name = ((results["scorer"] as? [String: Any])?["name"] as? String) ?? "score"
            scorers.append((name, metrics))
        }
        for (index, scorer) in scorers.enumerated() {
            let benchmark = index == 0 ? task : "\(task)_\(scorer.name)"
            let values = scorer.metrics.compactMapValues { metric -> Double?? in
                (metric as? [String: Any]).map { JSONValue.number($0["value"]) } ?? .some(JSONValue.number(metric))
            }
            let stderr = values["stderr"] ?? nil
            let names = values.keys.filter { !["stderr", "std", "bootstrap_std", "var"].contains($0) }
            // Dictionaries have no order: the main metric first, the rest by name.
            let first = main(of: names)
            let ordered = names.sorted { ($0 == first ? 0 : 1, $0) < ($1 == first ? 0 : 1, $1) }
            for name in ordered {
                let isMain = name == first
                reading.rows.append(ImportedScore(
                    model: model, benchmark: benchmark, metric: name, value: values[name] ?? nil,
                    stderr: isMain ? stderr : nil,
                    scale: ["accuracy", "mean"].contains(name) || name.hasPrefix("pass") ? .proportion : .unknown))
            }
        }
        return reading
    }

    private static func main(of names: some Collection<String>) -> String? {
        names.contains("accuracy") ? "accuracy" : names.contains("mean") ? "mean" : names.min()
    }
}
