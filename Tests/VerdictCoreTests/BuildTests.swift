import Foundation
import Testing
@testable import VerdictCore

@Suite("Build: the fixture site end to end")
struct BuildTests {
    func build(_ content: URL, into output: URL, drafts: Bool = false) async throws(BuildFailure) -> BuildReport {
        try await SiteBuilder.build(BuildOptions(content: content, output: output, includeDrafts: drafts, themes: Fixtures.themes))
    }

    @Test func buildsEveryPage() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        let report = try await build(Fixtures.content("basic"), into: output)
        #expect(report.reviews == 2)
        #expect(report.snapshots == 2)
        for path in ["index.html", "404.html", "models/index.html", "models/alpha-one/index.html", "models/beta-two/index.html",
                     "usecases/index.html", "usecases/triage/index.html", "usecases/support/index.html",
                     "capabilities/index.html", "capabilities/reasoning/index.html", "benchmarks/index.html",
                     "benchmarks/leaderboard/index.html", "benchmarks/2026-02-01/index.html", "benchmarks/2026-05-01/index.html",
                     "benchmarks/methodology/index.html", "robots.txt", "css/site.css", OutputFolder.marker] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("models/draft-model").path))
    }

    /// An older snapshot often holds an earlier version of a reviewed model and not the model itself:
    /// that builds. A letter typo in the same place stops the build at the snapshot's line.
    @Test func olderVersionsInSnapshotsAreNotTypos() async throws {
        func snapshot(_ date: String, _ model: String) -> String {
            """
            {"date": "\(date)", "metrics": [{"id": "score", "name": "Score", "better": "higher"}],
             "results": [
               {"model": "\(model)", "name": "M", "vendor": "V", "scores": {"score": 1}}
             ]}
            """
        }
        let files = ["site.yml": Fixtures.siteYML, "reviews/m.md": Fixtures.review(model: "gpt-4-0613"),
                     "benchmarks/new.json": snapshot("2026-05-01", "gpt-4-0613")]
        let versions = try Fixtures.site(files.merging(["benchmarks/old.json": snapshot("2026-01-01", "gpt-4-0314")]) { $1 })
        let report = try await build(versions, into: versions.deletingLastPathComponent().appendingPathComponent("Public"))
        #expect(report.snapshots == 2)

        let typo = try Fixtures.site(files.merging(["benchmarks/old.json": snapshot("2026-01-01", "gtp-4-0613")]) { $1 })
        do {
            _ = try await build(typo, into: typo.deletingLastPathComponent().appendingPathComponent("Public"))
            Issue.record("a typo'd model id built")
        } catch {
            #expect(error.diagnostics.map(\.description).contains { $0.hasSuffix("benchmarks/old.json:3:1: error: model \"gtp-4-0613\" matches no review; did you mean \"gpt-4-0613\"?") },
                    "\(error.diagnostics)")
        }
    }

    @Test func reviewPageShowsTheReview() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        _ = try await build(Fixtures.content("basic"), into: output)
        let page = try Fixtures.read(output, "models/alpha-one/index.html")
        #expect(page.contains("<time datetime=\"2026-03-01\">"))
        #expect(page.contains("Last technical review"))
        #expect(page.contains("class=\"section section-verdict verdict\""))
        #expect(page.contains("href=\"/desk/capabilities/classification/\""))
        #expect(page.contains("href=\"/desk/usecases/triage/\""))
        #expect(page.contains("href=\"/desk/benchmarks/methodology/\""), "Markdown links get the base path")
        #expect(page.contains("Pricing (see below)"))
        // Newest snapshot holding the model: rank on overall shared with Beta Two (72 each), movement 2 → 1.
        #expect(page.contains("<span class=\"scorecard-value\">1 of 3</span>"), "in the scorecard")
        #expect(page.contains("▲ 1"))
        #expect(page.contains("Newer benchmark data"))
        // Alternatives: one reviewed (linked by title), one only in snapshots (shown by its name).
        #expect(page.contains("<a href=\"/desk/models/beta-two/\">Beta Two &lt;Pro&gt;</a>"))
        #expect(page.contains("Gamma Three <span class=\"hint\">not reviewed</span>"))
        // Raw HTML is omitted in safe mode; text is escaped.
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(!page.contains("<b>quickly</b>"))
        #expect(page.contains("<code>code</code> &amp;"))
    }

    @Test func leaderboardRanksTheNewestSnapshot() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        _ = try await build(Fixtures.content("basic"), into: output)
        let page = try Fixtures.read(output, "benchmarks/leaderboard/index.html")
        let order = ["Alpha One", "Beta Two", "Delta Four", "Gamma Three"].compactMap { page.range(of: ">\($0)<")?.lowerBound }
        #expect(order.count == 4)
        #expect(order == order.sorted(), "ties by name, unmeasured last")
        #expect(page.contains("<a href=\"/desk/models/alpha-one/\">Alpha One</a>"))
        #expect(page.contains("<th scope=\"row\">Delta Four</th>"), "models without a review are not linked")
        #expect(page.contains("move-new"))
        #expect(page.contains("href=\"/desk/benchmarks/2026-02-01/\""), "links the previous snapshot")
        // Ranks and cell classes come as ready strings (`rankLabel`, `class`): a tie shares rank 1, the
        // unmeasured model has none, and the best value of the ranking column is both shaded and bold.
        let ranks = page.components(separatedBy: "<td class=\"num rank\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(ranks == ["1", "1", "3", "—"])
        #expect(page.components(separatedBy: "<td class=\"num rank-by best\">72</td>").count == 3)
        #expect(page.contains("<td class=\"num rank-by\">—</td>"))
        #expect(page.contains("<td class=\"num best\">100</td>"))
    }

    @Test func taxonomyPagesGroupItemsByModel() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        _ = try await build(Fixtures.content("basic"), into: output)
        let triage = try Fixtures.read(output, "usecases/triage/index.html")
        #expect(triage.contains("Sorting inbound tickets by intent."))
        #expect(triage.contains("Ticket triage"))
        #expect(triage.contains("Support desk"))
        #expect(triage.contains("href=\"/desk/models/alpha-one/#ticket-triage\""))
        let reasoning = try Fixtures.read(output, "capabilities/reasoning/index.html")
        #expect(reasoning.contains("Careful reasoning"))
        #expect(reasoning.contains("Long chains"))
        #expect(reasoning.contains("Reasoning ranking"), "the newest snapshot has a metric with the same id")
    }

    @Test func draftsOnlyWithTheFlag() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        let report = try await build(Fixtures.content("basic"), into: output, drafts: true)
        #expect(report.reviews == 3)
        let page = try Fixtures.read(output, "models/draft-model/index.html")
        #expect(page.contains("No benchmark data yet"))
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let folder = try Fixtures.temporaryFolder()
        _ = try await build(Fixtures.content("basic"), into: folder.appendingPathComponent("one"))
        _ = try await build(Fixtures.content("basic"), into: folder.appendingPathComponent("two"))
        let one = try Fixtures.snapshot(of: folder.appendingPathComponent("one"))
        let two = try Fixtures.snapshot(of: folder.appendingPathComponent("two"))
        #expect(one.count > 15)
        #expect(one == two)
    }

    @Test func badInputLeavesTheOutputUntouched() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        _ = try await build(Fixtures.content("basic"), into: output)
        let before = try Fixtures.snapshot(of: output)
        let broken = try Fixtures.site(["site.yml": Fixtures.siteYML, "reviews/a.md": "---\ntitle: A\n---\n",
                                        "benchmarks/b.json": "{\"date\": \"2026-01-01\",}"])
        await #expect(throws: BuildFailure.self) { try await build(broken, into: output) }
        do {
            _ = try await build(broken, into: output)
        } catch {
            let paths = Set(error.diagnostics.map { URL(fileURLWithPath: $0.path).lastPathComponent })
            #expect(paths == ["a.md", "b.json"], "every problem is reported")
        }
        #expect(try Fixtures.snapshot(of: output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).sorted()
        #expect(siblings == [".Public.verdict-cache", ".Public.verdict-reviews", "Public"],
                "no staging folder is left behind, only the caches of the good build")
    }

    @Test func refusesDangerousOutputFolders() async throws {
        let content = Fixtures.content("basic")
        for output in [URL(fileURLWithPath: "/"), content, content.deletingLastPathComponent(),
                       FileManager.default.homeDirectoryForCurrentUser] {
            await #expect(throws: BuildFailure.self, "\(output.path)") { try await build(content, into: output) }
        }
        let foreign = try Fixtures.temporaryFolder()
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        await #expect(throws: BuildFailure.self) { try await build(content, into: foreign) }
        #expect(try Fixtures.read(foreign, "notes.txt") == "keep me")
    }

    @Test func duplicateModelsAndPageCollisionsAreErrors() async throws {
        let content = try Fixtures.site([
            "site.yml": Fixtures.siteYML,
            "reviews/a.md": Fixtures.review("a", model: "same"),
            "reviews/b.md": Fixtures.review("b", model: "same"),
            "pages/models.md": "---\ntitle: Clash\n---\nText\n",
        ])
        do {
            _ = try await build(content, into: content.deletingLastPathComponent().appendingPathComponent("Public"))
            Issue.record("expected a failure")
        } catch {
            let text = error.description
            #expect(text.contains("reviews/b.md:3:1: error: model \"same\" is already reviewed in"))
            #expect(text.contains("pages/models.md: error: page path /models/ collides"), "a problem of the whole file has no line")
        }
    }
}

@Suite("Benchmark corpus")
struct CorpusTests {
    @Test func generatedCorpusBuildsWithoutErrors() async throws {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try CorpusGenerator(reviews: 40, snapshots: 3, models: 25).write(to: content)
        let report = try await SiteBuilder.build(BuildOptions(content: content, output: folder.appendingPathComponent("Public"),
                                                              themes: Fixtures.themes))
        #expect(report.reviews == 40)
        #expect(report.snapshots == 3)
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let review = try String(contentsOf: content.appendingPathComponent("reviews/model-7.md"), encoding: .utf8)
        #expect(review.utf8.count > 8_000, "reviews are about 11 KB, like the benchmark's")
        let again = folder.appendingPathComponent("Again")
        try CorpusGenerator(reviews: 40, snapshots: 3, models: 25).write(to: again)
        #expect(try Fixtures.snapshot(of: content) == Fixtures.snapshot(of: again), "the corpus is deterministic")
    }
}

@Suite("Build: unchanged rebuilds")
struct RebuildTests {
    @Test func unchangedFilesKeepTheirModificationTimes() async throws {
        let folder = try Fixtures.temporaryFolder()
        let output = folder.appendingPathComponent("Public")
        let options = BuildOptions(content: Fixtures.content("basic"), output: output, themes: Fixtures.themes)
        _ = try await SiteBuilder.build(options)
        let page = output.appendingPathComponent("models/alpha-one/index.html").path
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: page)
        _ = try await SiteBuilder.build(options)
        let attributes = try FileManager.default.attributesOfItem(atPath: page)
        #expect(attributes[.modificationDate] as? Date == old, "same bytes: the file is kept, not rewritten")
        #expect(try Fixtures.read(output, "models/alpha-one/index.html").contains("Alpha One"))
    }
}

@Suite("Build: pagination")
struct PaginationTests {
    @Test func longListsArePagedWithAWindowedPager() async throws {
        var files = ["site.yml": Fixtures.siteYML + "pageSize: 1\n"]
        for index in 1...12 { files["reviews/m\(index).md"] = Fixtures.review("m\(index)", model: "m-\(index)") }
        let content = try Fixtures.site(files)
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("models/page/12/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("models/page/13/index.html").path))
        let page = try Fixtures.read(output, "models/page/6/index.html")
        let numbers = page.matches(of: /<a href="\/models\/(?:page\/(\d+)\/)?">\d+<\/a>/).map { $0.output.1.map { Int($0)! } ?? 1 }
        #expect(numbers == [1, 4, 5, 7, 8, 12], "first, last and two either side of the current page")
        #expect(page.contains("<span aria-current=\"page\">6</span>"))
        #expect(page.components(separatedBy: "class=\"gap\"").count == 3, "two gaps")
        #expect(page.contains("rel=\"prev\" href=\"/models/page/5/\""))
    }
}
