import Foundation
import Testing
@testable import VerdictCore

/// Smaller cases of `verdict import`: spellings the fixtures do not carry, and reporting.
@Suite struct ImportDetailTests {
    @Test func openLLMLeaderboardDetailsKeysLandInTheCanonicalColumns() async throws {
        let folder = try Fixtures.temporaryFolder()
        let text = """
            {"config_general": {"model_name": "org/model-7b"},
             "results": {"harness|arc:challenge|25": {"acc": 0.5, "acc_stderr": 0.01, "acc_norm": 0.55, "acc_norm_stderr": 0.012},
                         "harness|truthfulqa:mc|0": {"mc1": 0.3, "mc1_stderr": 0.02, "mc2": 0.45, "mc2_stderr": 0.014},
                         "all": {"acc": 0.6}},
             "versions": {"harness|arc:challenge|25": 0, "harness|truthfulqa:mc|0": 1}}
            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("results_2023-10-01T12-00-00.json"))
        let (snapshot, _) = try await ImportTests.run([folder.path])
        #expect(snapshot.metrics.map(\.id) == ["arc_challenge", "truthfulqa_mc2"])
        #expect(snapshot.metric("arc_challenge")?.name == "ARC-Challenge (25-shot)")
        #expect(snapshot.score("org/model-7b", "arc_challenge") == 55.0)
        #expect(snapshot.score("org/model-7b", "truthfulqa_mc2") == 45.0)
        #expect(snapshot.row("org/model-7b")?.stderr?["truthfulqa_mc2"] == 1.4)
        #expect(snapshot.date == "2023-10-01")
    }

    @Test func aMissingDateIsReportedBesideTheOtherInputsProblems() async throws {
        let problems = await ImportTests.failure([ImportTests.path("lm-eval-0.3"), ImportTests.path("errors/no-model-column")])
        #expect(problems.contains { $0.message.contains("no model column") })
        #expect(problems.contains { $0.message.contains("no run date") })
    }

    @Test func pythonNaNAndMissingSpellingsAreNull() async throws {
        let folder = try Fixtures.temporaryFolder()
        let text = """
            {"results": {"winogrande": {"acc,none": NaN, "acc_stderr,none": "N/A"}, "boolq": {"acc,none": 0.8, "acc_stderr,none": Infinity}},
             "model_name": "org/m", "date": 1700000000, "versions": {}}
            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("r.json"))
        let (snapshot, outcome) = try await ImportTests.run([folder.path])
        #expect(snapshot.score("org/m", "boolq") == 80.0)
        #expect(snapshot.row("org/m")?.stderr?["boolq"] == nil)
        // A column with no value at all is left out, with a warning.
        #expect(snapshot.metric("winogrande") == nil)
        #expect(outcome.warnings.contains { $0.severity == .warning && $0.message.contains("Winogrande") })
    }

    @Test func theWriterKeepsFullPrecisionAndEscapes() {
        #expect(SnapshotWriter.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(SnapshotWriter.number(82) == "82.0")
        #expect(SnapshotWriter.number(-0.0) == "0.0")
        #expect(SnapshotWriter.string("a \"b\"\\\n\u{01}") == "\"a \\\"b\\\"\\\\\\n\\u0001\"")
        #expect(ImportMerger.scaled(0.468, 100) == 46.8)
    }

    @Test func datesInNamesAndZones() {
        #expect(ImportDates.dayAnywhere(in: "arena_hard_leaderboard_20240731.csv")?.description == "2024-07-31")
        #expect(ImportDates.dayAnywhere(in: "elo_results_2024-06-26.csv")?.description == "2024-06-26")
        #expect(ImportDates.dayAnywhere(in: "model-123456789.csv") == nil)
        #expect(ImportDates.utcDay(iso: "2024-05-01T01:30:00+02:00")?.description == "2024-04-30")
        #expect(ImportDates.utcDay(iso: "2024-12-31T23:30:00-01:00")?.description == "2025-01-01")
        #expect(ImportDates.utcDay(epochSeconds: 1713518875.6143165)?.description == "2024-04-19")
    }

    @Test func aJSONSyntaxErrorNamesItsLine() {
        do {
            _ = try JSONReader.parse(Data("{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}".utf8))
            Issue.record("a trailing comma must fail")
        } catch {
            #expect(error.line == 3)
        }
    }
}

@Suite struct ImportSpellingTests {
    @Test func modelCardSourceLinks() {
        #expect(ModelCardImporter.modelID(fromSourceURL: "https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard?query=mlabonne/NeuralBeagle14-7B") == "mlabonne/NeuralBeagle14-7B")
        #expect(ModelCardImporter.modelID(fromSourceURL: "https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard#/?search=org%2Fname-7b") == "org/name-7b")
        #expect(ModelCardImporter.modelID(fromSourceURL: "https://huggingface.co/org/model") == "org/model")
        #expect(ModelCardImporter.modelID(fromSourceURL: "https://huggingface.co/datasets/org/data") == nil)
        #expect(ModelCardImporter.modelID(fromSourceURL: "https://paperswithcode.com/sota") == nil)
    }

    @Test func catalogSpellings() {
        for spelling in ["arc_challenge", "ARC (25-shot)", "harness|arc:challenge|25", "ai2_arc/ARC-Challenge", "ARC-Challenge"] {
            #expect(BenchmarkCatalog.lookup([spelling])?.benchmark.id == "arc_challenge", "\(spelling)")
        }
        #expect(BenchmarkCatalog.lookup(["truthful_qa/multiple_choice"])?.benchmark.id == "truthfulqa_mc2")
        #expect(BenchmarkCatalog.lookup(["humaneval+"]) == nil)
        #expect(BenchmarkCatalog.lookup(["MMLU-PRO (5-shot)"]) == nil)
        #expect(BenchmarkCatalog.ownID("IFEval (0-Shot)") == "ifeval")
        #expect(BenchmarkCatalog.ownID("MultiPL HumanEval (Python)") == "multipl-humaneval-python")
        #expect(BenchmarkCatalog.shots(inName: "HellaSwag (10-Shot)") == 10)
        #expect(BenchmarkCatalog.shots(inName: "MMLU") == nil)
    }
}
