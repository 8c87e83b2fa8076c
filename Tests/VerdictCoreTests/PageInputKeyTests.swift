import Foundation
import Testing
@testable import VerdictCore

/// Review pages whose input key (`PageInputKeys`) is unchanged are kept without building their view.
/// Each edit below is made after a cached build; the next cached build must write exactly what a build
/// without any cache writes.
@Suite("Page input keys: an edit keeps only pages that cannot show it")
struct PageInputKeyTests {
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let from: String?
        let to: String
        var testDescription: String { name }

        /// Replaces `from` with `to` in `file` (or writes `to` as the whole file when `from` is nil).
        func apply(in content: URL) throws {
            let url = content.appendingPathComponent(file)
            let text: String
            if let from {
                let old = try String(contentsOf: url, encoding: .utf8)
                #expect(old.contains(from), "the fixture still holds what \(name) edits")
                text = old.replacingOccurrences(of: from, with: to)
            } else {
                text = to
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let edits: [Edit] = [
        Edit(name: "a review's body", file: "reviews/alpha-one.md", from: "It is not deep.", to: "It is not deep at all."),
        Edit(name: "a verdict's first sentence, the summary on lists and the home page", file: "reviews/alpha-one.md",
             from: "Alpha One is fast and cheap.", to: "Alpha One is quick and cheap."),
        Edit(name: "a weakness shown on a capability page", file: "reviews/alpha-one.md",
             from: "after five steps.", to: "after six steps."),
        Edit(name: "a use case's body", file: "reviews/alpha-one.md", from: "Sorts a queue.", to: "Sorts a long queue."),
        Edit(name: "a tag added to a strength", file: "reviews/alpha-one.md",
             from: "(classification, speed)", to: "(classification, speed, latency)"),
        Edit(name: "a strength tagged with a capability that has only weaknesses so far (no new page, new counts)",
             file: "reviews/alpha-one.md", from: "(classification, speed)", to: "(classification, speed, reasoning)"),
        Edit(name: "an item's body, which models.json does not show", file: "reviews/alpha-one.md",
             from: "Routes tickets <b>quickly</b>.", to: "Routes tickets <b>very quickly</b>."),
        Edit(name: "an item's title, which models.json shows", file: "reviews/alpha-one.md",
             from: "### Schema output (extraction)", to: "### Structured output (extraction)"),
        Edit(name: "a review's title shown by another as an alternative", file: "reviews/beta-two.md",
             from: "title: \"Beta Two <Pro>\"", to: "title: Beta Two Max"),
        Edit(name: "a review's model", file: "reviews/beta-two.md", from: "model: beta-2", to: "model: beta-3"),
        Edit(name: "a review's vendor", file: "reviews/beta-two.md", from: "vendor: Beta Corp", to: "vendor: Beta Inc"),
        Edit(name: "a review's alternatives", file: "reviews/alpha-one.md", from: "  - gamma-3\n", to: ""),
        Edit(name: "a review's tier", file: "reviews/alpha-one.md", from: "tier: efficiency", to: "tier: frontier"),
        Edit(name: "an item's tags", file: "reviews/beta-two.md", from: "(reasoning, factuality)", to: "(reasoning)"),
        Edit(name: "a draft made public", file: "reviews/draft-model.md", from: "draft: true\n", to: ""),
        Edit(name: "a new review of a model another lists as alternative", file: "reviews/gamma-three.md", from: nil,
             to: "---\ntitle: Gamma Three\nmodel: gamma-3\nvendor: Gamma\nreviewed: 2026-04-03\n---\n## Verdict\n\nGamma is new.\n"),
        Edit(name: "a snapshot's score", file: "benchmarks/2026-05.json", from: "\"overall\": 72, \"ttft\": 180", to: "\"overall\": 75, \"ttft\": 180"),
        Edit(name: "a snapshot's model name", file: "benchmarks/2026-05.json", from: "\"name\": \"Gamma Three\"", to: "\"name\": \"Gamma 3\""),
        Edit(name: "site.yml", file: "site.yml", from: "title: Fixture Desk", to: "title: Fixture Bench"),
        Edit(name: "a page", file: "pages/benchmarks/methodology.md", from: nil,
             to: "---\ntitle: Methodology\n---\nHow we measure, rewritten.\n"),
    ]

    @Test(arguments: edits)
    func aCachedBuildAfterTheEditMatchesAFreshBuild(_ edit: Edit) async throws {
        let cache = CacheTests()
        let (content, themes, folder) = try cache.editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await cache.build(content, themes: themes, into: output)
        try edit.apply(in: content)
        let report = try await cache.build(content, themes: themes, into: output)
        #expect(!report.upToDate)
        let expected = try await cache.fresh(content, themes: themes, in: folder)
        #expect(try Fixtures.snapshot(of: output) == expected)
    }

    @Test func aBodyEditKeepsTheOtherReviewPagesByTheirInputKeys() async throws {
        let cache = CacheTests()
        let (content, themes, folder) = try cache.editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await cache.build(content, themes: themes, into: output)
        let recorded = try #require(BuildCache.load(for: output))
        let reviewPages = recorded.files.filter { $0.key.hasPrefix("models/") && $0.key.hasSuffix("/index.html") && $0.key != "models/index.html" }
        #expect(reviewPages.count == 2 && reviewPages.values.allSatisfy { $0.input != nil }, "every review page has an input key")
        for list in ["index.html", "models/index.html", "usecases/index.html", "usecases/triage/index.html",
                     "capabilities/index.html", "capabilities/reasoning/index.html"] {
            #expect(recorded.files[list]?.input != nil, "\(list) has an input key")
        }
        #expect(recorded.files["compare/index.html"]?.input == nil, "the compare index is compared by its view")
        for data in ["api/models.json", "api/leaderboard.json", "benchmarks/2026-05-01.csv"] {
            #expect(recorded.files[data]?.input != nil, "\(data) has an input key")
        }
        #expect(recorded.files["search-index.json"]?.input != nil, "the search index has an input key")
        #expect(recorded.files["feed.xml"]?.input == nil, "feeds are always rendered")
        #expect(recorded.files["benchmarks/leaderboard/index.html"]?.input != nil, "snapshot pages have input keys")
        #expect(recorded.files["compare/alpha-one-vs-beta-two/index.html"]?.input != nil, "compare pages have input keys")

        try Self.edits[0].apply(in: content)
        _ = try await cache.build(content, themes: themes, into: output)
        let after = try #require(BuildCache.load(for: output))
        #expect(after.files["models/beta-two/index.html"]?.input == recorded.files["models/beta-two/index.html"]?.input)
        #expect(after.files["models/beta-two/index.html"]?.key == recorded.files["models/beta-two/index.html"]?.key,
                "a page kept by its input key keeps its view fingerprint for later builds")
        #expect(after.files["models/alpha-one/index.html"]?.input != recorded.files["models/alpha-one/index.html"]?.input)
        #expect(after.files["index.html"]?.input != recorded.files["index.html"]?.input, "the home page lists alpha-one")
        #expect(after.files["capabilities/index.html"]?.input == recorded.files["capabilities/index.html"]?.input,
                "no tag changed: the capability index is kept")
        #expect(after.files["api/models.json"]?.input != recorded.files["api/models.json"]?.input, "the verdict is in models.json")
        #expect(after.files["api/leaderboard.json"]?.input == recorded.files["api/leaderboard.json"]?.input)
        #expect(try Fixtures.read(output, "models/alpha-one/index.html").contains("It is not deep at all."))

        // Back to the first text: the first build's keys hold again, and the output is still a fresh build's.
        try Edit(name: "revert", file: "reviews/alpha-one.md", from: "It is not deep at all.", to: "It is not deep.").apply(in: content)
        let reverted = try await cache.build(content, themes: themes, into: output)
        #expect(reverted.reused > 0)
        #expect(BuildCache.load(for: output)?.files["models/alpha-one/index.html"]?.input == recorded.files["models/alpha-one/index.html"]?.input)
        let expected = try await cache.fresh(content, themes: themes, in: folder)
        #expect(try Fixtures.snapshot(of: output) == expected)
    }

    @Test func theDraftsFlagChangesEveryReviewPagesKey() async throws {
        let cache = CacheTests()
        let (content, themes, folder) = try cache.editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await cache.build(content, themes: themes, into: output)
        let drafts = BuildOptions(content: content, output: output, includeDrafts: true, themes: themes)
        _ = try await SiteBuilder.build(drafts)
        let freshOutput = folder.appendingPathComponent("Fresh")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: freshOutput, includeDrafts: true, themes: themes, useCache: false))
        #expect(try Fixtures.snapshot(of: output) == Fixtures.snapshot(of: freshOutput))
    }
}
