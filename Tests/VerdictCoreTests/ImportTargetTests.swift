import Foundation
import Testing
@testable import VerdictCore

/// Where `verdict import` writes: never over a file silently, `--merge` and `--force`, and a snapshot
/// that `verdict check` and `verdict build` accept beside a small site.
@Suite struct ImportTargetTests {
    static let arcAndMMLU = [ImportTests.path("lm-eval-0.4-two-files")]

    static func contentWithExisting() throws -> URL {
        let content = try Fixtures.site(["site.yml": Fixtures.siteYML])
        let benchmarks = content.appendingPathComponent("benchmarks")
        try FileManager.default.createDirectory(at: benchmarks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ImportTests.folder.appendingPathComponent("merge/2024-04-19.json"),
                                         to: benchmarks.appendingPathComponent("2024-04-19.json"))
        return content
    }

    @Test func anExistingSnapshotIsNeverOverwrittenSilently() async throws {
        let content = try Self.contentWithExisting()
        let target = content.appendingPathComponent("benchmarks/2024-04-19.json")
        let before = try Data(contentsOf: target)
        let problems = await ImportTests.failure(Self.arcAndMMLU, destination: .contentFolder(content.path))
        #expect(problems.contains { $0.path == target.path && $0.message.contains("--merge") && $0.message.contains("--force") })
        #expect(try Data(contentsOf: target) == before)
    }

    @Test func mergeReplacesImportedMetricsAndKeepsTheRest() async throws {
        let content = try Self.contentWithExisting()
        let (merged, outcome) = try await ImportTests.run(Self.arcAndMMLU, destination: .contentFolder(content.path), merge: true)
        #expect(outcome.summary.hasPrefix("Merged into"))
        let llama = "meta-llama/Meta-Llama-3-8B-Instruct"
        #expect(merged.title == "April battery")
        #expect(merged.rankBy == "mmlu")
        #expect(merged.metrics.map(\.id) == ["mmlu", "ttft", "arc_challenge"])
        #expect(merged.metric("mmlu")?.group == "quality")
        #expect(merged.score(llama, "mmlu") == 65.81683520865973)
        #expect(merged.score(llama, "ttft") == 180)
        #expect(merged.score(llama, "arc_challenge") == 62.20136518771331)
        #expect(merged.row(llama)?.name == "Llama 3 8B Instruct")
        #expect(merged.row(llama)?.vendor == "Meta")
        #expect(merged.score("gpt-4o-2024-05-13", "mmlu") == 88.7)
        #expect(merged.score("gpt-4o-2024-05-13", "arc_challenge") == nil)
        let onDisk = try String(contentsOf: content.appendingPathComponent("benchmarks/2024-04-19.json"), encoding: .utf8)
        #expect(onDisk == outcome.text)
        // Merging the same files again changes nothing.
        let (_, again) = try await ImportTests.run(Self.arcAndMMLU, destination: .contentFolder(content.path), merge: true)
        #expect(again.text == outcome.text)
    }

    @Test func forceReplacesTheFile() async throws {
        let content = try Self.contentWithExisting()
        let (replaced, _) = try await ImportTests.run(Self.arcAndMMLU, destination: .contentFolder(content.path), force: true)
        #expect(replaced.metrics.map(\.id) == ["arc_challenge", "mmlu"])
        #expect(replaced.row("gpt-4o-2024-05-13") == nil)
    }

    @Test func anImportedSnapshotPassesCheckAndBuildsBesideAFixtureSite() async throws {
        let site = try Fixtures.temporaryFolder()
        let content = site.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("basic"), to: content)
        let inputs = ["lm-eval-0.4", "lm-eval-0.4-two-files", "lm-eval-0.3", "model-card", "helm", "csv", "inspect", "evalplus"]
            .map(ImportTests.path)
        let (snapshot, outcome) = try await ImportTests.run(inputs, date: "2026-06-01", allMetrics: true,
                                                              destination: .contentFolder(content.path))
        #expect(outcome.written == content.appendingPathComponent("benchmarks/2026-06-01.json").path)
        #expect(snapshot.results.count > 10)
        let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", includeDrafts: false, themes: Fixtures.themes)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.filter { $0.severity == .error })")
        let output = site.appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes, useCache: false))
        let leaderboard = try Fixtures.read(output, "api/leaderboard.json")
        #expect(leaderboard.hasPrefix("{\n  \"date\" : \"2026-06-01\""))
        #expect(leaderboard.contains("lm-evaluation-harness: ") && leaderboard.contains("results_2025-01-25T04-48-43.622918.json"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("benchmarks/2026-06-01/index.html").path))
    }
}
