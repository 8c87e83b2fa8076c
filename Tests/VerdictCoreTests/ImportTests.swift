import Foundation
import Testing
@testable import VerdictCore

/// `verdict import` on fixtures cut from real outputs (Tests/Fixtures/import/, from shared/realdata).
@Suite struct ImportTests {
    static let folder = Fixtures.root.appendingPathComponent("import")
    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// The snapshot as written, decoded without Foundation's JSONSerialization (which rounds some doubles).
    struct Written: Decodable {
        struct MetricEntry: Decodable { let id: String; let name: String; let unit: String; let better: String; let group: String? }
        struct Row: Decodable { let model: String; let name: String; let vendor: String?; let scores: [String: Double?]; let stderr: [String: Double]? }
        let date: String
        let title: String
        let rankBy: String
        let source: String?
        let metrics: [MetricEntry]
        let results: [Row]

        func row(_ model: String) -> Row? { results.first { $0.model == model } }
        func metric(_ id: String) -> MetricEntry? { metrics.first { $0.id == id } }
        func score(_ model: String, _ metric: String) -> Double? { row(model)?.scores[metric] ?? nil }
    }

    static func run(_ inputs: [String], date: String? = nil, allMetrics: Bool = false, lower: [String] = [], rankBy: String? = nil,
                    destination: SnapshotImport.Destination = .standardOutput, merge: Bool = false, force: Bool = false,
                    format: ImportFormat? = nil) async throws(SnapshotImport.Failure) -> (Written, SnapshotImport.Outcome) {
        let request = SnapshotImport.Request(inputs: inputs, format: format, date: date.flatMap(Day.init), rankBy: rankBy,
                                             destination: destination, merge: merge, force: force, allMetrics: allMetrics, lower: lower)
        let outcome = try await SnapshotImport.run(request)
        let written = try! JSONDecoder().decode(Written.self, from: Data(outcome.text.utf8))
        return (written, outcome)
    }

    static func failure(_ inputs: [String], date: String? = nil, destination: SnapshotImport.Destination = .standardOutput) async -> [ImportProblem] {
        do {
            _ = try await run(inputs, date: date, destination: destination)
            Issue.record("expected the import to fail")
            return []
        } catch {
            return error.problems
        }
    }

    // MARK: lm-evaluation-harness

    @Test func lmEval04ReadsMainMetricsGroupsAndDateFromAFolderWalk() async throws {
        let (snapshot, outcome) = try await Self.run([Self.path("lm-eval-0.4")])
        let model = "meta-llama/Llama-3.1-8B-Instruct"
        #expect(snapshot.date == "2025-01-25")
        #expect(snapshot.results.map(\.model) == [model])
        // acc_norm is HellaSwag's main metric, written as percent with its stderr.
        #expect(snapshot.score(model, "hellaswag") == 79.29695279824737)
        #expect(snapshot.row(model)?.stderr?["hellaswag"] == 0.4043494921171903)
        #expect(snapshot.metric("hellaswag")?.name == "HellaSwag (0-shot)")
        #expect(snapshot.metric("hellaswag")?.unit == "%")
        // Groups without a value (`" ": " "`) are skipped; their subtasks stay benchmarks of their own.
        #expect(snapshot.metric("leaderboard_bbh") == nil)
        #expect(snapshot.metric("leaderboard_math_hard") == nil)
        #expect(snapshot.score(model, "leaderboard_bbh_navigate") == 55.2)
        #expect(snapshot.score(model, "leaderboard_math_algebra_hard") == 31.596091205211724)
        // `"N/A"` stderr is no stderr; the first metric of ifeval is the main one.
        #expect(snapshot.score(model, "leaderboard_ifeval") != nil)
        #expect(snapshot.row(model)?.stderr?["leaderboard_ifeval"] != nil)
        #expect(snapshot.metrics.first?.id == "hellaswag")
        #expect(outcome.summary.contains("1 file read"))
        #expect(snapshot.source == "lm-evaluation-harness: results_2025-01-25T04-48-43.622918.json")
    }

    @Test func twoFilesOfOneModelMergeIntoOneResult() async throws {
        let (snapshot, _) = try await Self.run([Self.path("lm-eval-0.4-two-files")])
        let model = "meta-llama/Meta-Llama-3-8B-Instruct"
        #expect(snapshot.results.count == 1)
        #expect(snapshot.metrics.map(\.id) == ["arc_challenge", "mmlu"])
        #expect(snapshot.score(model, "arc_challenge") == 62.20136518771331)
        #expect(snapshot.score(model, "mmlu") == 65.81683520865973)
        // The group's own n-shot is 0; its subjects were run 5-shot.
        #expect(snapshot.metric("mmlu")?.name == "MMLU (5-shot)")
        #expect(snapshot.metric("arc_challenge")?.name == "ARC-Challenge (25-shot)")
        #expect(snapshot.metric("mmlu_formal_logic") == nil)
        #expect(snapshot.date == "2024-04-19")
    }

    @Test func allMetricsAddsOtherMetricsAndSubtasks() async throws {
        let (snapshot, _) = try await Self.run([Self.path("lm-eval-0.4-two-files")], allMetrics: true)
        let model = "meta-llama/Meta-Llama-3-8B-Instruct"
        #expect(snapshot.score(model, "arc_challenge.acc") == 58.53242320819113)
        #expect(snapshot.score(model, "mmlu_formal_logic") == 50.79365079365079)
        #expect(snapshot.metric("mmlu_humanities") != nil)
        let ids = snapshot.metrics.map(\.id)
        #expect(ids.prefix(3) == ["arc_challenge", "arc_challenge.acc", "mmlu"])
    }

    @Test func lmEval03NeedsADateAndReadsPretrainedAndDirections() async throws {
        let problems = await Self.failure([Self.path("lm-eval-0.3")])
        #expect(problems.contains { $0.message.contains("no run date") && $0.message.contains("--date") })

        let (snapshot, _) = try await Self.run([Self.path("lm-eval-0.3")], date: "2023-03-01", allMetrics: true)
        let model = "EleutherAI/pythia-v1.1-160m"
        #expect(snapshot.results.map(\.model) == [model])
        #expect(snapshot.score(model, "piqa") == 61.69749727965179)
        #expect(snapshot.score(model, "winogrande") == 51.53906866614049)
        // Perplexity is no proportion and lower is better.
        #expect(snapshot.score(model, "lambada_openai.ppl") == 29.178896580439904)
        #expect(snapshot.metric("lambada_openai.ppl")?.better == "lower")
        #expect(snapshot.metric("lambada_openai.ppl")?.unit == "")
        // Unknown benchmarks keep their own name, lowercased.
        #expect(snapshot.metric("hendryckstest-anatomy") != nil)
        #expect(snapshot.metrics.prefix(4).map(\.id) == ["arc_challenge", "arc_challenge.acc", "arc_easy", "arc_easy.acc"])
    }

    // MARK: other formats

    @Test func modelCardsGiveRepoIDsPercentAndDirections() async throws {
        let (snapshot, _) = try await Self.run([Self.path("model-card")], date: "2024-02-01")
        #expect(snapshot.score("mlabonne/NeuralBeagle14-7B", "arc_challenge") == 72.95)
        #expect(snapshot.row("mlabonne/NeuralBeagle14-7B")?.name == "NeuralBeagle14-7B")
        #expect(snapshot.score("mlabonne/NeuralBeagle14-7B", "truthfulqa_mc2") == 69.93)
        #expect(snapshot.metric("arc_challenge")?.name == "ARC-Challenge (25-shot)")
        #expect(snapshot.score("Phind-CodeLlama-34B-v1", "humaneval") == 73.8)
        #expect(snapshot.metric("humaneval")?.unit == "%")
        #expect(snapshot.metric("mozilla-foundation-common_voice_11_0")?.better == "lower")
        let ids = snapshot.metrics.map(\.id)
        #expect(Array(ids.prefix(7)) == ["arc_challenge", "hellaswag", "mmlu", "truthfulqa_mc2", "winogrande", "gsm8k", "humaneval"])
    }

    @Test func helmTablesGiveModelIDsFromRunSpecs() async throws {
        let (snapshot, _) = try await Self.run([Self.path("helm")], date: "2024-06-01")
        #expect(snapshot.results.map(\.model).contains("meta/llama-3-70b"))
        #expect(snapshot.row("meta/llama-3-70b")?.name == "Llama 3 (70B)")
        #expect(snapshot.rankBy == "mean-win-rate")
        #expect(snapshot.metric("harmbench")?.better == "higher")
        #expect(snapshot.score("meta/llama-3-70b", "harmbench") == 0.125)
    }

    @Test func csvLeaderboardsReadDatesAggregatesAndStderr() async throws {
        let (arena, _) = try await Self.run([Self.path("csv/arena-hard")])
        #expect(arena.date == "2024-07-31")
        #expect(arena.rankBy == "score")
        #expect(arena.score("gpt-4-turbo-2024-04-09", "score") == 82.63)
        #expect(arena.metric("ci") == nil)
        #expect(arena.metric("date") == nil)

        let (alpaca, _) = try await Self.run([Self.path("csv/alpaca-eval")], date: "2024-09-01", lower: ["avg_length"])
        #expect(alpaca.rankBy == "length_controlled_winrate")
        #expect(alpaca.score("NullModel", "length_controlled_winrate") == 86.45780691307947)
        #expect(alpaca.row("NullModel")?.stderr?["length_controlled_winrate"] == 0.14180005113427935)
        #expect(alpaca.row("NullModel")?.stderr?["win_rate"] == 0.9090102449662572)
        #expect(alpaca.metric("standard_error") == nil)
        #expect(alpaca.metric("mode") == nil)
        #expect(alpaca.metric("avg_length")?.better == "lower")
    }

    @Test func csvWithBOMCRLFQuotesAndMissingValues() async throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("open_llm_2024-06-26.csv")
        let text = "\u{FEFF}Model,Average ⬆️,\"ARC (25-shot)\",MMLU,Notes\r\n"
            + "\"org/a\",70.5,0.61,0.65,\"merged, then \"\"tuned\"\"\r\nagain\"\r\n"
            + "org/b,N/A,0.55,-,plain\r\n"
        try Data(text.utf8).write(to: file)
        let (snapshot, _) = try await Self.run([file.path])
        #expect(snapshot.date == "2024-06-26")
        #expect(snapshot.results.map(\.model) == ["org/a", "org/b"])
        // Proportion benchmarks whose values all lie in [0, 1] are written as percent.
        #expect(snapshot.score("org/a", "arc_challenge") == 61.0)
        #expect(snapshot.score("org/b", "mmlu") == nil)
        #expect(snapshot.score("org/b", "average") == nil)
        #expect(snapshot.rankBy == "average")
        #expect(snapshot.metric("notes") == nil)
        #expect(snapshot.metrics.map(\.id) == ["arc_challenge", "mmlu", "average"])
    }

    @Test func inspectLogsNewAndLegacy() async throws {
        let (snapshot, _) = try await Self.run([Self.path("inspect")])
        #expect(snapshot.score("openai/gpt-4o-2024-05-13", "gsm8k") == 95.22365428354814)
        #expect(snapshot.row("openai/gpt-4o-2024-05-13")?.stderr?["gsm8k"] == 0.5872645342234271)
        #expect(snapshot.score("anthropic/claude-3-haiku-20240307", "arc_challenge") == 89.41979522184301)
        // 23:38 at +01:00 is still the 29th in UTC; the newest run dates the snapshot.
        #expect(snapshot.date == "2024-05-29")
    }

    @Test func evalplusKeepsPlusBenchmarksApart() async throws {
        let (snapshot, _) = try await Self.run([Self.path("evalplus")], date: "2024-11-01")
        #expect(snapshot.metrics.map(\.id) == ["humaneval", "mbpp", "humaneval+", "mbpp+"])
        #expect(snapshot.score("OpenCoder-8B-Instruct", "humaneval+") == 77.4)
        #expect(snapshot.score("Code-13B", "mbpp") == nil)
        #expect(snapshot.metric("mbpp")?.unit == "%")
    }

    // MARK: the run

    @Test func mixedFormatsInAnyOrderGiveIdenticalBytes() async throws {
        let inputs = ["lm-eval-0.4", "lm-eval-0.4-two-files", "model-card", "helm", "csv", "inspect", "evalplus",
                      "lm-eval-0.3/pythia-160m/zero-shot/160m_step83000.json"].map(Self.path)
        let (first, a) = try await Self.run(inputs, date: "2025-02-01")
        let (_, b) = try await Self.run(inputs.reversed(), date: "2025-02-01")
        #expect(a.text == b.text)
        #expect(a.text.hasSuffix("}\n"))
        #expect(a.text.hasPrefix("{\n  \"date\": \"2025-02-01\",\n  \"title\": "))
        #expect(first.results.map(\.model) == first.results.map(\.model).sorted())
        // The canonical benchmarks lead, in the table's order.
        let ids = first.metrics.map(\.id)
        #expect(Array(ids.prefix(9)) == ["arc_challenge", "arc_easy", "hellaswag", "mmlu", "truthfulqa_mc2", "winogrande", "gsm8k", "piqa", "humaneval"])
    }

    @Test func theSameModelAndMetricFromTwoFilesWarnsAndTheNewerRunWins() async throws {
        let folder = try Fixtures.temporaryFolder()
        let original = Self.folder.appendingPathComponent("lm-eval-0.4-two-files/Meta-Llama-3-8B-Instruct/openllm/arc.json")
        var text = try String(contentsOf: original, encoding: .utf8)
        try Data(text.utf8).write(to: folder.appendingPathComponent("b-old.json"))
        text = text.replacingOccurrences(of: "\"acc_norm,none\": 0.6220136518771331", with: "\"acc_norm,none\": 0.7")
            .replacingOccurrences(of: "\"date\": 1713518875.6143165", with: "\"date\": 1713718875.6")
        try Data(text.utf8).write(to: folder.appendingPathComponent("a-new.json"))
        let (snapshot, outcome) = try await Self.run([folder.path])
        #expect(snapshot.score("meta-llama/Meta-Llama-3-8B-Instruct", "arc_challenge") == 70.0)
        #expect(outcome.warnings.contains { $0.severity == .warning && $0.message.contains("a-new.json") && $0.message.contains("b-old.json") && $0.message.contains("newer run") })
    }

    @Test func everyProblemInEveryInputIsReportedAndNothingWritten() async throws {
        let content = try Fixtures.site(["site.yml": Fixtures.siteYML])
        let inputs = ["errors/invalid-json/results_2024-04-19T09-27-55.json", "errors/unknown-format/metrics.json",
                      "errors/no-model-column/leaderboard.csv", "errors/card-without-model-index/README.md",
                      "errors/no-score", "errors/conflicting-dates", "errors/empty-folder", "no-such-file.json"].map(Self.path)
        let problems = await Self.failure(inputs, destination: .contentFolder(content.path))
        func has(_ file: String, line: Int? = nil, _ text: String) -> Bool {
            problems.contains { $0.severity == .error && $0.path.hasSuffix(file) && (line == nil || $0.line == line) && $0.message.contains(text) }
        }
        #expect(has("invalid-json/results_2024-04-19T09-27-55.json", line: 7, "invalid JSON"))
        #expect(has("unknown-format/metrics.json", "not a format verdict import knows"))
        #expect(has("no-model-column/leaderboard.csv", line: 1, "no model column"))
        #expect(has("card-without-model-index/README.md", "no `model-index`"))
        #expect(has("no-score/results_2024-04-19T09-27-55.json", "no score found"))
        #expect(has("conflicting-dates/results_2023-01-05T10-00-00.json", "conflicting dates"))
        #expect(has("errors/empty-folder", "holds no result file"))
        #expect(has("no-such-file.json", "no such file"))
        #expect(problems.allSatisfy { $0.description.contains(": error: ") || $0.description.contains(": warning: ") })
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("benchmarks").path))
    }

    @Test func dateAndRankByOptionsAreChecked() async throws {
        let conflicting = [Self.path("errors/conflicting-dates")]
        let (snapshot, _) = try await Self.run(conflicting, date: "2024-04-20")
        #expect(snapshot.date == "2024-04-20")
        do {
            _ = try await Self.run([Self.path("evalplus")], date: "2024-11-01", rankBy: "nope")
            Issue.record("an unknown --rank-by must fail")
        } catch {
            #expect(error.problems.contains { $0.message.contains("--rank-by nope") && $0.message.contains("humaneval") })
        }
        let (ranked, _) = try await Self.run([Self.path("evalplus")], date: "2024-11-01", rankBy: "mbpp+")
        #expect(ranked.rankBy == "mbpp+")
    }

    @Test func formatOptionForcesAnImporter() async throws {
        let (snapshot, _) = try await Self.run([Self.path("evalplus/results.json")], date: "2024-11-01", format: .evalplus)
        #expect(snapshot.metric("humaneval") != nil)
        do {
            _ = try await Self.run([Self.path("csv/arena-hard/arena_hard_leaderboard_20240731.csv")], format: .lmEval)
            Issue.record("a CSV read as lm-eval must fail")
        } catch {
            #expect(error.problems.contains { $0.message.contains("not JSON") })
        }
    }
}
