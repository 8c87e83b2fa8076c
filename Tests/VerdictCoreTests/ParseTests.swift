import Testing
@testable import VerdictCore
import VerdictMarkdown

@Suite("Parse: sections, items, tags")
struct ParseTests {
    func parse(_ body: String, extra: String = "", root: String = "/") throws -> Review {
        let source = try ReviewSource.decodeForTest(Fixtures.review(extra: extra, body: body))
        var config = SiteConfig(title: "T", baseURL: "https://x.org\(root)", root: root, theme: "default", description: "",
                                author: "", language: "en", unsafeHTML: false, staleAfterDays: 180, pageSize: 50)
        config.root = root
        return ReviewParser.parse(source, markdown: Parser.markdownOptions(for: config))
    }

    @Test func tagListsAfterTitles() {
        #expect(Tags.split(title: "Intent routing (classification)") == ("Intent routing", ["classification"]))
        #expect(Tags.split(title: "Schema output (extraction, coding).") == ("Schema output", ["extraction", "coding"]))
        #expect(Tags.split(title: "Pricing (see below)") == ("Pricing (see below)", []))
        #expect(Tags.split(title: "Caps (Coding)") == ("Caps (Coding)", []))
        #expect(Tags.split(title: "Empty ()") == ("Empty ()", []))
        #expect(Tags.split(title: "Trailing period.") == ("Trailing period", []))
        #expect(Tags.leadIn(" (extraction, coding). Body").tags == ["extraction", "coding"])
        #expect(Tags.leadIn(" (extraction, coding). Body").length == 23)
        #expect(Tags.leadIn(" (under 100 ms). Body").titleSuffix == "(under 100 ms)")
        #expect(Tags.leadIn(": Body").length == 2)
    }

    @Test func sectionsAreRecognisedCaseInsensitively() throws {
        let review = try parse("Intro.\n\n## VERDICT\n\nGood.\n\n## Where it shines\n\n## where it falls short\n\n## Real-world use cases\n\n## Verdict and alternatives\n\nMore.\n")
        #expect(review.sections.map(\.role) == [.verdict, .strengths, .weaknesses, .useCases, .other])
        #expect(review.sections.map(\.id) == ["verdict", "where-it-shines", "where-it-falls-short", "real-world-use-cases", "verdict-and-alternatives"])
        #expect(review.introHTML == "<p>Intro.</p>\n")
        #expect(review.sections[0].line == 9)
    }

    @Test func headingItemsRunToTheNextHeading() throws {
        let review = try parse("## Strengths\n\nLead text.\n\n### Routing (classification)\n\nFast.\n\n#### Sub\n\nMore.\n\n### Other\n\nTwo.\n")
        let items = review.items(.strengths)
        #expect(items.map(\.title) == ["Routing", "Other"])
        #expect(items[0].tags == ["classification"])
        #expect(items[0].bodyHTML.contains("<p>Fast.</p>"))
        #expect(items[0].bodyHTML.contains("<h4 id=\"sub\">Sub</h4>"))
        #expect(items[0].bodyHTML.contains("More."))
        #expect(!items[0].bodyHTML.contains("Two."))
        #expect(items[0].line == 11)
        guard case .html(let lead) = review.sections[0].parts.first else { Issue.record("lead text lost"); return }
        #expect(lead == "<p>Lead text.</p>\n")
    }

    @Test func boldLedParagraphsAndListItems() throws {
        let body = "## Weaknesses\n\n**Slow start** (speed). Waits.\n\n**Plain title.** Body text.\n\nJust prose.\n\n- **In a list** (cost): cheap.\n- ordinary\n"
        let review = try parse(body)
        let items = review.items(.weaknesses)
        #expect(items.map(\.title) == ["Slow start", "Plain title", "In a list"])
        #expect(items.map(\.tags) == [["speed"], [], ["cost"]])
        #expect(items[0].bodyHTML == "Waits.")
        #expect(items[1].bodyHTML == "Body text.")
        #expect(items[2].bodyHTML.contains("cheap."))
        let html = review.sections[0].parts.compactMap { if case .html(let h) = $0 { h } else { nil } }.joined()
        #expect(html.contains("Just prose."))
        #expect(html.contains("<li>ordinary</li>"))
    }

    @Test func otherSectionsHaveNoItems() throws {
        let review = try parse("## Notes\n\n**Bold** (tag). Text.\n")
        #expect(review.sections[0].items.isEmpty)
        #expect(review.sections[0].role == .other)
    }

    @Test func summaryDefaultsToTheVerdictsFirstSentence() throws {
        #expect(try parse("## Verdict\n\nGPT-4.1 is quick. It is small.\n").summary == "GPT-4.1 is quick.")
        #expect(try parse("## Verdict\n\nGood.\n", extra: "summary: Set by hand\n").summary == "Set by hand")
    }

    @Test func anchorsAreUniqueOnThePage() throws {
        let review = try parse("## Benchmarks\n\n## Strengths\n\n### Strengths\n\nA.\n\n### Strengths\n\nB.\n")
        #expect(review.sections[0].id == "benchmarks-2")
        #expect(review.items(.strengths).map(\.anchor) == ["strengths-2", "strengths-3"])
    }

    @Test func rootRelativeLinksGetTheBasePath() throws {
        let review = try parse("## Notes\n\n[a](/models/x/) [b](https://o.org/) [c](other/) [d](#verdict)\n", root: "/desk/")
        let html = review.sections[0].parts.compactMap { if case .html(let h) = $0 { h } else { nil } }.joined()
        #expect(html.contains("href=\"/desk/models/x/\""))
        #expect(html.contains("href=\"https://o.org/\""))
        #expect(html.contains("href=\"other/\""))
        #expect(html.contains("href=\"#verdict\""))
    }
}
