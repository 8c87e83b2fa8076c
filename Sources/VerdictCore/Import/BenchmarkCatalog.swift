import Foundation

/// The built-in table that puts one benchmark from different tools and spellings in one column:
/// lm-evaluation-harness task names, model-index `dataset.type`/`config`, Open LLM Leaderboard columns,
/// `harness|arc:challenge|25` keys.
enum BenchmarkCatalog {
    struct Benchmark: Sendable {
        let id: String
        let name: String
        /// The main metric, most preferred first: `metric` or `metric@filter`.
        let main: [String]
        /// Spellings, compared after `key(_:)`.
        let spellings: [String]
    }

    /// In the order metrics are written.
    static let benchmarks: [Benchmark] = [
        Benchmark(id: "arc_challenge", name: "ARC-Challenge", main: ["acc_norm"],
                  spellings: ["arc_challenge", "arc:challenge", "ai2_arc/ARC-Challenge", "allenai/ai2_arc/ARC-Challenge",
                              "ARC", "ARC-Challenge", "AI2 Reasoning Challenge", "leaderboard_arc_challenge"]),
        Benchmark(id: "arc_easy", name: "ARC-Easy", main: ["acc_norm"],
                  spellings: ["arc_easy", "arc:easy", "ai2_arc/ARC-Easy", "allenai/ai2_arc/ARC-Easy", "ARC-Easy"]),
        Benchmark(id: "hellaswag", name: "HellaSwag", main: ["acc_norm"],
                  spellings: ["hellaswag", "Rowan/hellaswag", "HellaSwag"]),
        Benchmark(id: "mmlu", name: "MMLU", main: ["acc", "accuracy"],
                  spellings: ["mmlu", "cais/mmlu", "cais/mmlu/all", "hendrycks_test", "hendrycksTest", "MMLU", "mmlu_0_shot", "mmlu_5_shot"]),
        Benchmark(id: "truthfulqa_mc2", name: "TruthfulQA MC2", main: ["mc2", "acc"],
                  spellings: ["truthfulqa_mc2", "truthfulqa_mc", "truthfulqa:mc", "truthful_qa/multiple_choice", "truthful_qa",
                              "truthfulqa", "TruthfulQA", "TruthfulQA MC2"]),
        Benchmark(id: "winogrande", name: "Winogrande", main: ["acc"],
                  spellings: ["winogrande", "winogrande_xl", "winogrande/winogrande_xl", "allenai/winogrande", "Winogrande"]),
        Benchmark(id: "gsm8k", name: "GSM8K", main: ["exact_match@strict-match", "exact_match", "acc", "accuracy"],
                  spellings: ["gsm8k", "gsm8k/main", "openai/gsm8k", "GSM8K"]),
        Benchmark(id: "piqa", name: "PIQA", main: ["acc_norm"], spellings: ["piqa", "ybisk/piqa", "PIQA"]),
        Benchmark(id: "boolq", name: "BoolQ", main: ["acc"],
                  spellings: ["boolq", "super_glue/boolq", "google/boolq", "BoolQ"]),
        Benchmark(id: "openbookqa", name: "OpenBookQA", main: ["acc_norm"],
                  spellings: ["openbookqa", "allenai/openbookqa", "openbookqa/main", "OpenBookQA"]),
        Benchmark(id: "humaneval", name: "HumanEval", main: ["pass@1", "pass_at_1"],
                  spellings: ["humaneval", "openai_humaneval", "openai/openai_humaneval", "HumanEval"]),
        Benchmark(id: "mbpp", name: "MBPP", main: ["pass@1", "pass_at_1"],
                  spellings: ["mbpp", "google-research-datasets/mbpp", "mbpp/full", "MBPP"]),
    ]

    private static let byKey: [String: Int] = {
        var out: [String: Int] = [:]
        for (index, benchmark) in benchmarks.enumerated() {
            for spelling in benchmark.spellings + [benchmark.id] { out[key(spelling)] = index }
        }
        return out
    }()

    /// The canonical benchmark for the first of `spellings` that names one.
    static func lookup(_ spellings: [String]) -> (benchmark: Benchmark, order: Int)? {
        for spelling in spellings {
            if let index = byKey[key(spelling)] { return (benchmarks[index], index) }
        }
        return nil
    }

    /// `ARC (25-shot)`, `harness|arc:challenge|25`, `ARC-Challenge` all become `arcchallenge`-like keys.
    /// (No Regex here: building one per call was half the time of importing 1,000 lm-eval files.)
    static func key(_ spelling: String) -> String {
        var text = Substring(spelling.lowercased())
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "harness" { text = parts[1] }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "(", let close = scalars.firstIndex(of: ")"), shots(inWords: String(scalars[scalars.index(after: scalars.startIndex)..<close])) != nil {
                scalars = scalars[scalars.index(after: close)...]
                continue
            }
            // `+` stays: `humaneval+` (evalplus' harder tests) is another benchmark than `humaneval`.
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "+" { out.append(scalar) }
            scalars = scalars.dropFirst()
        }
        return String(out)
    }

    /// `ARC (25-shot)`, `HellaSwag (10-Shot)`, `harness|arc:challenge|25`.
    static func shots(inName name: String) -> Int? {
        let parts = name.split(separator: "|", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "harness", let shots = Int(parts[2]) { return shots }
        let lowered = name.lowercased()
        var search = lowered.startIndex..<lowered.endIndex
        while let found = lowered.range(of: "shot", range: search) {
            let before = lowered[..<found.lowerBound].reversed().drop { $0 == " " || $0 == "-" || $0 == "_" }
            let digits = String(before.prefix { $0.isASCII && $0.isNumber }.reversed())
            if let shots = Int(digits) { return shots }
            search = found.upperBound..<lowered.endIndex
        }
        return nil
    }

    /// `name` without its `(25-shot)`-style parentheses.
    static func withoutShotCounts(_ name: String) -> String {
        guard name.lowercased().contains("shot") else { return name }
        var out = String.UnicodeScalarView()
        var scalars = name.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "(", let close = scalars.firstIndex(of: ")"),
               shots(inWords: String(scalars[scalars.index(after: scalars.startIndex)..<close]).lowercased()) != nil {
                scalars = scalars[scalars.index(after: close)...]
                continue
            }
            out.append(scalar)
            scalars = scalars.dropFirst()
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    /// `25-shot`, `5 shots` (the inside of a parenthesis) → the count; nil for anything else.
    private static func shots(inWords text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("shot") || trimmed.hasSuffix("shots") else { return nil }
        let count = trimmed.prefix { $0.isASCII && $0.isNumber }
        let rest = trimmed.dropFirst(count.count).drop { $0 == " " || $0 == "-" }
        return !count.isEmpty && (rest == "shot" || rest == "shots") ? Int(count) : nil
    }

    /// Columns that are the source's own ranking: `Average`, arena-hard `score`, LMArena `Arena Elo rating`,
    /// AlpacaEval `length_controlled_winrate`, HELM `Mean win rate`.
    static func isAggregateColumn(_ name: String) -> Bool {
        ["average", "avg", "averagescore", "score", "arenaelorating", "elorating", "arenascore",
         "lengthcontrolledwinrate", "lcwinrate", "meanwinrate", "overall"].contains(key(name))
    }

    /// A readable id for a benchmark the table does not know: its own name, lowercased, with spaces and
    /// other characters that cannot stand in an HTML id or a URL fragment turned into `-`.
    /// A shot count in parentheses is left out: it is in the metric's name (`IFEval (0-Shot)` → `ifeval`).
    static func ownID(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in withoutShotCounts(name.lowercased()).unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "._+-@".unicodeScalars.contains(scalar)
            if keep {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "score" : out
    }
}
