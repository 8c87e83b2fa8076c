import Foundation
import Testing
@testable import VerdictCore

/// `Fixtures/aliases`: Llama Three 8B is listed in its snapshots only under its review's `aliases` (a
/// different one in each), Mistral 7B under its own id; the newer snapshot has stderr and a source.
@Suite("Aliases and stderr on a built site")
struct AliasTests {
    static func built() async throws -> (output: URL, report: BuildReport) {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        let report = try await SiteBuilder.build(BuildOptions(content: Fixtures.content("aliases"), output: output, themes: Fixtures.themes))
        return (output, report)
    }

    static func json(_ output: URL, _ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(path))) as? [String: Any])
    }

    @Test func aReviewListedOnlyUnderAliasesGetsItsRankAndHistory() async throws {
        let (output, report) = try await Self.built()
        #expect(!report.diagnostics.contains { $0.message.contains("in no benchmark snapshot") }, "\(report.diagnostics)")
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let page = try Fixtures.read(output, "models/llama/index.html")
        #expect(page.contains("<span class=\"scorecard-value\">1 of 3</span>"), "in the scorecard")
        #expect(page.contains("▲ 1"), "rank 2 under llama3-8b-hf in April, 1 under meta-llama/Meta-Llama-3-8B in May")
        #expect(!page.contains("No benchmark data yet"))
        #expect(page.contains("<td class=\"num\">2 of 3</td>"), "the April row of the history")
    }

    @Test func leaderboardAndSnapshotPagesShowStderrAndSource() async throws {
        let (output, _) = try await Self.built()
        let board = try Fixtures.read(output, "benchmarks/leaderboard/index.html")
        #expect(board.contains("<td class=\"num rank-by best\">65.20 ± 0.38</td>"))
        #expect(board.contains("<td class=\"num rank-by\">62.51 ± 0.02</td>"))
        #expect(board.contains("<td class=\"num best\">50</td>"), "a null stderr shows the bare value")
        #expect(board.contains("<a href=\"/models/llama/\">meta-llama/Meta-Llama-3-8B</a>"), "the aliased row links to its review")
        let ranks = board.components(separatedBy: "<td class=\"num rank\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(ranks == ["1", "2", "3"], "ranked by value, not by stderr")
        #expect(board.contains("Imported from lm-evaluation-harness 0.4.3 (results_2026-05-01T10-00-00.json, 3 files)"))

        let snapshot = try Fixtures.read(output, "benchmarks/2026-05-01/index.html")
        #expect(snapshot.contains("65.20 ± 0.38"), "the metric's decimals keep the 0.02 of another row non-zero")
        #expect(snapshot.contains("Imported from lm-evaluation-harness"))
        let april = try Fixtures.read(output, "benchmarks/2026-04-01/index.html")
        #expect(!april.contains("Imported from"), "no source, no line")
        #expect(!april.contains("±"))
        #expect(april.contains("<a href=\"/models/llama/\">llama3-8b-hf</a>"))
    }

    @Test func reviewPageShowsStderr() async throws {
        let (output, _) = try await Self.built()
        let page = try Fixtures.read(output, "models/llama/index.html")
        #expect(page.contains("<td class=\"num\">65.20 ± 0.38 %</td>"), "the benchmark table")
        #expect(page.contains("<td class=\"num\">50 %</td>"))
        #expect(page.contains("<td class=\"num\">60.1 %</td>"), "the April history row has no stderr")
        #expect(try Fixtures.read(output, "models/mistral/index.html").contains("<td class=\"num\">62.51 ± 0.02 %</td>"))
    }

    @Test func comparePageAndDownloadsUseTheReviewedModel() async throws {
        let (output, _) = try await Self.built()
        let compare = try Fixtures.read(output, "compare/llama-vs-mistral/index.html")
        #expect(compare.contains("Benchmarks side by side"))
        #expect(compare.contains("65.20 %"))
        #expect(!compare.contains("No snapshot holds both models yet"))

        let models = try #require(try Self.json(output, "api/models.json")["models"] as? [[String: Any]])
        let llama = try #require(models.first { $0["slug"] as? String == "llama" })
        #expect(llama["aliases"] as? [String] == ["meta-llama/Meta-Llama-3-8B", "llama3-8b-hf"])
        let benchmark = try #require(llama["benchmark"] as? [String: Any])
        #expect(benchmark["rank"] as? Int == 1)
        #expect(benchmark["stderr"] as? [String: Double] == ["mmlu": 0.38])
        #expect((models.first { $0["slug"] as? String == "mistral" })?["aliases"] as? [String] == [])

        let board = try Self.json(output, "api/leaderboard.json")
        #expect(board["source"] as? String == "lm-evaluation-harness 0.4.3 (results_2026-05-01T10-00-00.json, 3 files)")
        let results = try #require(board["results"] as? [[String: Any]])
        #expect(results.map { $0["model"] as? String } == ["llama-3-8b", "mistral-7b", "other/small"])
        #expect(results[0]["review"] as? String == "https://example.org/models/llama/")
        #expect(results[0]["movement"] as? String == "+1")
        #expect(results[0]["stderr"] as? [String: Double] == ["mmlu": 0.38])
        #expect((results[2]["stderr"] as? [String: Double])?.isEmpty == true)

        let csv = try Fixtures.read(output, "benchmarks/2026-05-01.csv").components(separatedBy: "\r\n")
        #expect(csv[0] == "rank,model,name,vendor,tier,movement,mmlu,gsm8k,mmlu_stderr")
        #expect(csv[1] == "1,llama-3-8b,meta-llama/Meta-Llama-3-8B,,,+1,65.2,50,0.38")
        #expect(csv[3] == "3,other/small,other/small,,,0,40,,")
        #expect(try Fixtures.read(output, "benchmarks/2026-04-01.csv").hasPrefix("rank,model,name,vendor,tier,movement,mmlu\r\n"),
                "a snapshot without stderr keeps its columns")
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let (one, _) = try await Self.built()
        let (two, _) = try await Self.built()
        let first = try Fixtures.snapshot(of: one)
        #expect(first.count > 15)
        #expect(first == (try Fixtures.snapshot(of: two)))
    }

    @Test func alternativesMayNameAnAlias() async throws {
        let content = try Fixtures.site([
            "site.yml": Fixtures.siteYML,
            "reviews/a.md": Fixtures.review("a", model: "a-1", extra: "aliases: [org/a-1-hf]\n"),
            "reviews/b.md": Fixtures.review("b", model: "b-1", extra: "alternatives: [org/a-1-hf]\n"),
        ])
        let site = try await SiteBuilder.prepare(content: content, themes: Fixtures.themes).site
        #expect(site.comparisons.count == 1)
        #expect(site.review(model: "org/a-1-hf")?.slug == "a")
        #expect(site.displayName(model: "org/a-1-hf") == "Model a")
        #expect(!site.diagnostics.contains { $0.message.contains("org/a-1-hf") })
    }

    /// A snapshot row one typo away from an alias is reported like one a typo away from a model; a row
    /// under a correct alias is not a typo of anything.
    @Test func typoSuggestionsKnowAliases() async throws {
        let snapshot = """
            {"date": "2026-01-02", "metrics": [{"id": "s", "name": "S", "better": "higher"}],
             "results": [
               {"model": "meta-llama/Llama-3.1-8B-Instruc", "scores": {"s": 1}},
               {"model": "org/b-1-hf", "scores": {"s": 2}}
             ]}
            """
        let content = try Fixtures.site([
            "site.yml": Fixtures.siteYML,
            "reviews/a.md": Fixtures.review("a", model: "llama-3.1-8b-instruct", extra: "aliases: [meta-llama/Llama-3.1-8B-Instruct]\n"),
            "reviews/b.md": Fixtures.review("b", model: "b-1", extra: "aliases: [org/b-1-hf]\n"),
            "benchmarks/run.json": snapshot,
        ])
        let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Fixtures.themes)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description)
                == ["Content/benchmarks/run.json:3:1: error: model \"meta-llama/Llama-3.1-8B-Instruc\" matches no review; did you mean \"meta-llama/Llama-3.1-8B-Instruct\"?"])
        #expect(!diagnostics.contains { $0.path.hasSuffix("b.md") && $0.message.contains("in no benchmark snapshot") })
    }

    /// `verdict check` prints line and column: the column of the alias within a flow list.
    @Test func aliasErrorsHaveTheirColumn() async throws {
        let content = try Fixtures.site([
            "site.yml": Fixtures.siteYML,
            "reviews/a.md": Fixtures.review("a", model: "a-1", extra: "aliases: [a-hf]\n"),
            "reviews/b.md": Fixtures.review("b", model: "b-1", extra: "aliases: [b-hf, a-hf, a-1, b-1]\n"),
        ])
        let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Fixtures.themes)
        let printed = diagnostics.map(\.description)
        #expect(printed.contains("Content/reviews/b.md:6:17: error: alias \"a-hf\" is already an alias of \"a-1\" in Content/reviews/a.md; an alias names one reviewed model"),
                "\(printed)")
        #expect(printed.contains("Content/reviews/b.md:6:23: error: alias \"a-1\" is the model of another review (Content/reviews/a.md); a snapshot result under it cannot belong to both"))
        #expect(printed.contains("Content/reviews/b.md:6:28: warning: alias \"b-1\" is the review's own model; remove it"))
    }

    /// A snapshot listing a model under its own id and an alias, or under two aliases, is an error at the
    /// alias's result; the build stops.
    @Test func aSnapshotListingAModelTwiceIsAnError() async throws {
        func snapshot(_ first: String, _ second: String) -> String {
            """
            {"date": "2026-01-02", "metrics": [{"id": "s", "name": "S", "better": "higher"}],
             "results": [
               {"model": "\(first)", "scores": {"s": 1}},
               {"model": "\(second)", "scores": {"s": 2}}
             ]}
            """
        }
        for (first, second, line, message) in [
            ("a-1", "org/a-1-hf", 4, "\"org/a-1-hf\" is a review's alias of \"a-1\", which this snapshot also lists (result 1); list each model once"),
            ("a-hf", "org/a-1-hf", 4, "\"org/a-1-hf\" is a review's alias of \"a-1\", and so is \"a-hf\" (result 1); list each model once"),
        ] {
            let content = try Fixtures.site([
                "site.yml": Fixtures.siteYML,
                "reviews/a.md": Fixtures.review("a", model: "a-1", extra: "aliases: [a-hf, org/a-1-hf]\n"),
                "benchmarks/run.json": snapshot(first, second),
            ], label: "twice-\(first)")
            let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Fixtures.themes)
            #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == ["Content/benchmarks/run.json:\(line):1: error: \(message)"])
        }
    }
}
