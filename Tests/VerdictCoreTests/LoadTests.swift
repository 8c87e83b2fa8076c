import Foundation
import Testing
@testable import VerdictCore

@Suite("Load: files, front matter, YAML fields")
struct LoadTests {
    /// The build parses each review as it is read: the transform gets the site's config and runs on
    /// every review but drafts; without a usable site.yml it never runs, and the reviews' own problems
    /// are still reported.
    @Test func reviewsAreTransformedAsTheyAreReadAndDraftsLeftOut() async throws {
        let content = try Fixtures.site(["site.yml": Fixtures.siteYML, "reviews/a.md": Fixtures.review("a"),
                                         "reviews/b.md": Fixtures.review("b", model: "m-2", extra: "draft: true\n"),
                                         "reviews/c.md": Fixtures.review("c", model: "m-3")])
        let loaded = try await Loader.load(LoadOptions(content: content)) { config in { "\(config.title): \($0.slug)" } }
        #expect(loaded.reviews.sorted() == ["Test: a", "Test: c"])
        let withDrafts = try await Loader.load(LoadOptions(content: content, includeDrafts: true)) { _ in { $0.slug } }
        #expect(withDrafts.reviews.sorted() == ["a", "b", "c"])

        let broken = try Fixtures.site(["site.yml": "title: [unclosed\n", "reviews/a.md": Fixtures.review("a"),
                                        "reviews/bad.md": "---\ntitle: Bad\n---\n"])
        do {
            _ = try await Loader.load(LoadOptions(content: broken)) { _ -> @Sendable (ReviewSource) -> String in
                { _ in Issue.record("a review was transformed without a config"); return "" }
            }
            Issue.record("a broken site.yml did not stop the load")
        } catch {
            #expect(error.diagnostics.contains { $0.path.hasSuffix("site.yml") })
            #expect(error.diagnostics.contains { $0.path.hasSuffix("reviews/bad.md") })
        }
    }

    @Test func splitsFrontMatterAndCountsBodyLines() throws {
        let split = try FrontMatterSplit.split(Fixtures.source("---\ntitle: A\nmodel: b\n---\n# Body\n"))
        #expect(split.yaml == "title: A\nmodel: b")
        #expect(split.yamlLine == 2)
        #expect(split.bodyLine == 5)
        #expect(split.body == "# Body\n")
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatterSplit.split(Fixtures.source("---\ntitle: A\n")) }
        do {
            _ = try FrontMatterSplit.split(Fixtures.source("---\ntitle: A\n"))
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("never closed"))
        }
    }

    @Test func byteOrderMarkAndCRLFSimplyWork() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data(Fixtures.review().replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let file = try SourceFile.decode(bytes, path: "r.md", relativePath: "reviews/r.md")
        #expect(!file.text.contains("\r"))
        let review = try ReviewSource.decodeForTest(file.text)
        #expect(review.meta.title == "Model m")
        #expect(review.bodyLine == 7)
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Data("line one\nline two\n".utf8)
        bytes.append(contentsOf: [0x66, 0xFF, 0x0A])
        #expect(throws: Diagnostic.self) { try SourceFile.decode(bytes, path: "r.md", relativePath: "reviews/r.md") }
        do {
            _ = try SourceFile.decode(bytes, path: "r.md", relativePath: "reviews/r.md")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test func missingRequiredFieldsAreAllReported() {
        let (review, diagnostics) = ReviewSource.decode(Fixtures.source("---\ntitle: A\n---\nBody\n"), slug: "x")
        #expect(review == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("`model`") })
        #expect(messages.contains { $0.contains("`vendor`") })
        #expect(messages.contains { $0.contains("`reviewed`") })
    }

    @Test func wrongTypesPointAtTheirLines() {
        let text = "---\ntitle: 2024\nmodel: m\nvendor: v\nreviewed: 2026-01-01\nalternatives: a, b\ndraft: maybe\n---\n"
        let (_, diagnostics) = ReviewSource.decode(Fixtures.source(text), slug: "x")
        let byLine = Dictionary(grouping: diagnostics, by: \.line)
        #expect(byLine[2]?.first?.message.contains("`title` must be text") == true)
        #expect(byLine[6]?.first?.message.contains("`alternatives` must be a list") == true)
        #expect(byLine[7]?.first?.message.contains("`draft` must be true or false") == true)
    }

    @Test func impossibleDatesAreRefused() {
        let text = Fixtures.review(extra: "released: 2026-02-30\n")
        let (_, diagnostics) = ReviewSource.decode(Fixtures.source(text), slug: "x")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 6)
        #expect(diagnostics.first?.message.contains("real date") == true)
    }

    @Test func yamlListInsteadOfMapping() {
        let (_, diagnostics) = ReviewSource.decode(Fixtures.source("---\n- a\n- b\n---\n"), slug: "x")
        #expect(diagnostics.first?.message.contains("expected `key: value` lines") == true)
    }

    @Test func yamlSyntaxErrorHasFileLine() {
        let (_, diagnostics) = ReviewSource.decode(Fixtures.source("---\ntitle: A\nmodel: [oops\nvendor: v\n---\n"), slug: "x")
        // Reported where the list opens, not where the parser gave up.
        #expect(diagnostics.first?.message.hasPrefix("the [ that opens this value is never closed with ]") == true)
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.column == 8)
    }

    @Test func publishedDefaultsToReviewed() throws {
        let review = try ReviewSource.decodeForTest(Fixtures.review())
        #expect(review.meta.published == review.meta.reviewed)
        #expect(review.meta.draft == false)
    }

    @Test func daysValidateTheCalendar() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("2026-1-01") == nil)
        #expect(Day("2026-05-22")?.description == "2026-05-22")
        #expect(Day("2026-05-22")!.ordinal - Day("2026-01-01")!.ordinal == 141)
    }

    @Test func baseURLGivesTheLinkPrefix() {
        #expect(SiteConfig.parseBaseURL("https://x.org/desk")?.root == "/desk/")
        #expect(SiteConfig.parseBaseURL("https://x.org")?.url == "https://x.org/")
        #expect(SiteConfig.parseBaseURL("x.org/desk/") == nil)
        #expect(SiteConfig.parseBaseURL("ftp://x.org/") == nil)
    }

    @Test func pagePathsMapToFolders() {
        #expect(Loader.pagePath("pages/benchmarks/methodology.md") == "/benchmarks/methodology/")
        #expect(Loader.pagePath("pages/about.md") == "/about/")
        #expect(Loader.pagePath("pages/My Page.md") == nil)
        #expect(Loader.pagePath("pages/../x.md") == nil)
    }
}
