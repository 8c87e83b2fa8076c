import Foundation
import Testing
@testable import VerdictCore

@Suite("verdict new: a review or page from a template")
struct NewTests {
    static let today = Day("2026-11-20")!

    func newReview(_ content: URL, _ slug: String, model: String? = nil, title: String? = nil, vendor: String? = nil) throws(Diagnostic) -> Scaffold.Created {
        try Scaffold.review(slug: slug, model: model, title: title, vendor: vendor, content: content, contentDisplay: "Content", today: Self.today)
    }

    @Test func aNewReviewIsACompleteDraftThatPassesTheChecks() async throws {
        let content = try EditorSite.copy()
        let created = try newReview(content, "gamma", model: "gamma-9", vendor: "Gamma & Co: Labs")
        #expect(created.path == "Content/reviews/gamma.md")
        #expect(created.notes == ["model \"gamma-9\" is in no benchmark snapshot yet"])
        let text = try String(contentsOf: content.appendingPathComponent("reviews/gamma.md"), encoding: .utf8)
        for line in ["title: Gamma", "model: gamma-9", "vendor: \"Gamma & Co: Labs\"", "reviewed: 2026-11-20", "draft: true"] {
            #expect(text.contains("\n\(line) "), "missing \(line)")
        }
        for field in ["family", "tier", "released", "published", "summary", "alternatives",
                      "aliases", "context", "license", "openWeights", "knowledgeCutoff", "links"] {
            #expect(text.contains("\n# \(field):"), "optional field \(field) should be there, commented")
        }
        for heading in ["## Verdict", "## Where it shines", "## Where it falls short", "## Real-world use cases"] {
            #expect(text.contains("\n\(heading)\n\n"), "missing \(heading)")
        }

        // As it is: a draft, so the strict check of the published site does not see it...
        #expect(await EditorSite.check(content).isEmpty)
        // ...and with drafts it has no errors and no warnings, only the notes of a review written first.
        let drafts = await EditorSite.check(content, drafts: true)
        #expect(drafts.allSatisfy { $0.severity == .note && $0.path == "Content/reviews/gamma.md" }, "\(drafts.map(\.description))")
        #expect(CheckReport(diagnostics: drafts, strict: true).exitStatus == 0)
        let review = try ReviewSource.decodeForTest(text)
        #expect(review.meta.draft && review.meta.vendor == "Gamma & Co: Labs")
    }

    @Test func titleVendorAndTierComeFromTheNewestSnapshot() throws {
        let content = try EditorSite.copy()
        try FileManager.default.removeItem(at: content.appendingPathComponent("reviews/alpha.md"))
        let created = try newReview(content, "alpha-one", model: "alpha-1")
        #expect(created.notes.isEmpty)
        let review = try ReviewSource.decodeForTest(try String(contentsOf: content.appendingPathComponent("reviews/alpha-one.md"), encoding: .utf8))
        #expect(review.meta.title == "Alpha One" && review.meta.vendor == "Alpha Labs" && review.meta.tier == "efficiency")
        #expect(review.meta.reviewed == Self.today)
    }

    @Test func refusesAnExistingFileABadSlugAndAReviewedModelWritingNothing() throws {
        let content = try EditorSite.copy()
        let alpha = content.appendingPathComponent("reviews/alpha.md")
        let before = try Data(contentsOf: alpha)
        #expect(throws: Diagnostic.self) { try newReview(content, "alpha") }
        #expect(try Data(contentsOf: alpha) == before, "the existing file is untouched")
        do {
            _ = try newReview(content, "Alpha Two")
            Issue.record("a bad slug was accepted")
        } catch {
            #expect(error.description.hasPrefix("Content/reviews/Alpha Two.md: error: \"Alpha Two\" is not a valid slug"))
        }
        do {
            _ = try newReview(content, "alpha-again", model: "alpha-1")
            Issue.record("a second review of alpha-1 was accepted")
        } catch {
            #expect(error.message.contains("already reviewed in Content/reviews/alpha.md"))
        }
        do {
            _ = try newReview(content, "typo", model: "aurora-lite-2026-1")
        } catch {
            Issue.record("a new model is not refused: \(error)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("reviews").path).sorted()
        #expect(names == ["alpha.md", "beta.md", "typo.md"])
    }

    @Test func aLikelyTypoOfABenchmarkedIdIsPointedOut() throws {
        let content = try EditorSite.copy()
        let created = try newReview(content, "aurora", model: "aurora-lite-2026-1")
        #expect(created.notes == ["model \"aurora-lite-2026-1\" is in no benchmark snapshot yet; did you mean \"aurora-lite-2026-01\"?"])
    }

    @Test func aNewPageIsPublishedAtItsPath() async throws {
        let content = try EditorSite.copy()
        let created = try Scaffold.page(path: "/benchmarks/notes/", title: nil, content: content, contentDisplay: "Content")
        #expect(created.path == "Content/pages/benchmarks/notes.md")
        let text = try String(contentsOf: content.appendingPathComponent("pages/benchmarks/notes.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: Notes\n# description: "))
        #expect(await EditorSite.check(content).isEmpty)
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes))
        #expect(try Fixtures.read(output, "benchmarks/notes/index.html").contains("Notes"))
    }

    @Test func refusesPagePathsVerdictGeneratesOrThatAreNotSlugs() throws {
        let content = try EditorSite.copy()
        for path in ["models", "models/x", "compare/a-vs-b", "benchmarks/2026-05-01", "index", "Bad Name", "a/../b", ""] {
            #expect(throws: Diagnostic.self, "\(path)") { try Scaffold.page(path: path, title: nil, content: content, contentDisplay: "Content") }
        }
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("pages").path))
    }

    @Test func valuesAreQuotedOnlyWhenYAMLNeedsIt() {
        #expect(ReviewTemplate.quoted("GPT-4.1 Nano") == "GPT-4.1 Nano")
        #expect(ReviewTemplate.quoted("yes") == "\"yes\"")
        #expect(ReviewTemplate.quoted("4o") == "\"4o\"")
        #expect(ReviewTemplate.quoted("a: b \"c\"") == "\"a: b \\\"c\\\"\"")
    }
}
