import Foundation

/// lm-evaluation-harness `results*.json`, v0.3 (`results` → `{acc, acc_stderr}`, `versions`, `config`) and
/// 0.4.x (`"acc,none"` keys, `groups`, `group_subtasks`, `higher_is_better`, `n-shot`, `model_name`).
enum LMEvalImporter: ScoreImporter {
    static let format = ImportFormat.lmEval

    static func recognizes(_ input: ImportInput) -> Bool {
        guard case .json(let root) = input.content, let object = root as? [String: Any],
              object["results"] is [String: Any] else { return false }
        return ["versions", "config", "configs", "n-shot", "group_subtasks", "model_name", "higher_is_better"]
            .contains { object[$0] != nil }
    }

    static func read(_ input: ImportInput) -> ImportReading {
        var reading = ImportReading()
        guard case .json(let root) = input.content, let object = root as? [String: Any],
              let results = object["results"] as? [String: Any] else {
            reading.problems.append(ImportProblem(input.path, "lm-evaluation-harness results need a `results` object of tasks"))
            return reading
        }
        guard let model = modelID(object) else {
            reading.problems.append(ImportProblem(input.path, line: 1,
                "no model id: expected `model_name` or `pretrained=` in `config.model_args`"))
            return reading
        }
        reading.date = runDate(object, input: input, problems: &reading.dateConflicts)

        // Group aggregates sit in `results` (0.4.2+) or in `groups` (0.4.0–0.4.1).
        var tasks: [String: [String: Any]] = [:]
        for (name, entry) in (object["groups"] as? [String: Any] ?? [:]) { if let entry = entry as? [String: Any] { tasks[name] = entry } }
        for (name, entry) in results { if let entry = entry as? [String: Any] { tasks[name] = entry } }

        let measures = tasks.mapValues(measures(in:))
        let children = (object["group_subtasks"] as? [String: Any] ?? [:]).compactMapValues { $0 as? [String] }
        let subtasks = subtasksOfAggregates(children: children, hasValue: { measures[$0]?.contains { $0.value != nil } ?? false })
        let higherIsBetter = object["higher_is_better"] as? [String: Any] ?? [:]
        let shotsByTask = object["n-shot"] as? [String: Any] ?? [:]
        let configs = object["configs"] as? [String: Any] ?? [:]
        let config = object["config"] as? [String: Any] ?? [:]

        // A few metric names repeat over hundreds of tasks; `isRaw` searches each name for several words.
        var isRaw: [String: Bool] = [:]
        // Dictionaries have no order: tasks by name, metrics in the task's own `metric_list` order, then by name.
        for task in tasks.keys.sorted() where task != "all" {
            guard let found = measures[task], !found.isEmpty else { continue }
            // `harness|arc:challenge|25` (Open LLM Leaderboard details): the task, then its shot count.
            let parts = task.split(separator: "|", omittingEmptySubsequences: false)
            let harness = parts.count == 3 && parts[0] == "harness" ? (String(parts[1]), Int(parts[2])) : nil
            let taskConfig = configs[task] as? [String: Any]
            let listed = (taskConfig?["metric_list"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["metric"] as? String }
            // A group's own `n-shot` is 0; its subtasks say how they were run.
            let childShots = Set(leaves(of: task, children: children).compactMap { JSONValue.number(shotsByTask[$0]).map { Int($0) } })
            let shots = (childShots.count == 1 ? childShots.first : nil)
                ?? JSONValue.number(shotsByTask[task]).map { Int($0) }
                ?? JSONValue.number(taskConfig?["num_fewshot"]).map { Int($0) }
                ?? JSONValue.number(config["num_fewshot"]).map { Int($0) }
            let directions = higherIsBetter[task] as? [String: Any] ?? [:]
            for measure in found.sorted(by: { order($0, $1, listed: listed) }) {
                if isRaw[measure.metric] == nil { isRaw[measure.metric] = ProportionNames.isRaw(measure.metric) }
                let better: Metric.Better? = switch directions[measure.metric] {
                case let flag as Bool: flag ? .higher : .lower
                default: nil
                }
                reading.rows.append(ImportedScore(
                    model: model, benchmark: harness?.0 ?? task, metric: measure.metric, filter: measure.filter,
                    value: measure.value, stderr: measure.stderr, shots: harness?.1 ?? shots,
                    scale: isRaw[measure.metric, default: ProportionNames.isRaw(measure.metric)] ? .raw : .proportion, better: better,
                    isSubtask: subtasks.contains(task)))
            }
        }
        return reading
    }

    private struct Measure {
        let metric: String
        let filter: String?
        let value: Double?
        let stderr: Double?
    }

    /// `"acc,none": 0.5, "acc_stderr,none": 0.01` (0.4) or `"acc": 0.5, "acc_stderr": 0.01` (0.3).
    private static func measures(in entry: [String: Any]) -> [Measure] {
        var values: [String: (metric: String, filter: String?, value: Double?)] = [:]
        var errors: [String: Double] = [:]
        for (key, raw) in entry where key != "alias" && !key.utf8.allSatisfy({ $0 == UInt8(ascii: " ") }) {
            let parts = key.split(separator: ",", maxSplits: 1).map(String.init)
            let metric = parts[0]
            let filter = parts.count > 1 ? parts[1] : nil
            let value = JSONValue.number(raw)
            if metric.hasSuffix("_stderr") {
                if let value { errors[String(metric.dropLast(7)) + "," + (filter ?? "")] = value }
            } else if raw is Double || raw is NSNull || raw is String {
                values[key] = (metric, filter, value)
            }
        }
        let found = values.values.map { Measure(metric: $0.metric, filter: $0.filter, value: $0.value,
                                                stderr: errors[$0.metric + "," + ($0.filter ?? "")]) }
        // A group without an aggregate writes `" ": " "` and nothing else, which gives no measure here.
        return found
    }

    private static func order(_ a: Measure, _ b: Measure, listed: [String]) -> Bool {
        let ia = listed.firstIndex(of: a.metric) ?? Int.max, ib = listed.firstIndex(of: b.metric) ?? Int.max
        return (ia, a.metric, a.filter ?? "") < (ib, b.metric, b.filter ?? "")
    }

    /// Tasks beneath a group that has its own value (MMLU's subjects under `mmlu`); a group without a value
    /// (`leaderboard_bbh`) leaves its subtasks as benchmarks of their own.
    private static func subtasksOfAggregates(children: [String: [String]], hasValue: (String) -> Bool) -> Set<String> {
        var out: Set<String> = []
        var pending = children.keys.filter(hasValue)
        while let group = pending.popLast() {
            for child in children[group] ?? [] where out.insert(child).inserted { pending.append(child) }
        }
        return out
    }

    private static func leaves(of task: String, children: [String: [String]]) -> [String] {
        var out: [String] = []
        var pending = children[task] ?? []
        var seen: Set<String> = [task]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            if let more = children[next], !more.isEmpty { pending.append(contentsOf: more) } else { out.append(next) }
        }
        return out
    }

    static func modelID(_ object: [String: Any]) -> String? {
        // lighteval / Open LLM Leaderboard details files keep it in `config_general`.
        for holder in [object, object["config_general"] as? [String: Any] ?? [:]] {
            if let name = (holder["model_name"] as? String)?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        let config = object["config"] as? [String: Any]
        switch config?["model_args"] {
        case let args as String:
            for part in args.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == "pretrained" {
                    let value = pair[1].trimmingCharacters(in: .whitespaces)
                    if !value.isEmpty { return value }
                }
            }
        case let args as [String: Any]:
            if let value = (args["pretrained"] as? String)?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        default:
            break
        }
        return nil
    }

    /// `date` (epoch seconds) to its UTC day, else the `results_YYYY-MM-DDTHH-MM-SS` stamp of the file name.
    private static func runDate(_ object: [String: Any], input: ImportInput, problems: inout [ImportProblem]) -> Day? {
        let stamped = ImportDates.dayInName(input.fileName, after: "results_")
        guard let seconds = JSONValue.number(object["date"]) else { return stamped }
        let day = ImportDates.utcDay(epochSeconds: seconds)
        // The stamp is the run's local time: a day apart is the same run seen from another zone.
        if let stamped, let day, abs(stamped.ordinal - day.ordinal) > 1 {
            problems.append(ImportProblem(input.path, line: nil,
                "conflicting dates: `date` says \(day), the file name says \(stamped); pass --date to choose"))
        }
        return day ?? stamped
    }
}

/// Metrics that are not proportions, whatever their values: perplexities, bits per byte, text-overlap
/// scores that lm-evaluation-harness already writes on a 0–100 scale.
enum ProportionNames {
    static func isRaw(_ metric: String) -> Bool {
        let name = metric.lowercased()
        let words = Set(name.split { !$0.isLetter && !$0.isNumber })
        return ["perplexity", "bits_per_byte", "likelihood_difference", "bleu", "chrf", "rouge", "tokens", "length", "latency"]
            .contains { name.contains($0) }
            || !words.isDisjoint(with: ["ppl", "bpb", "ter", "loss", "elo", "rating", "time", "seconds", "wer", "cer"])
    }
}
