import Foundation
import Testing
@testable import VerdictCore

@Suite("Template links: a broken link in a theme is reported at its template line")
struct TemplateLinkTests {
    @Test func aBrokenTemplateLinkFailsTheBuildAndNamesTheTemplateLine() async throws {
        let folder = try Fixtures.temporaryFolder()
        let themes = folder.appendingPathComponent("Themes")
        try FileManager.default.copyItem(at: Fixtures.themes, to: themes)
        let template = themes.appendingPathComponent("default/templates/review.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let main = try #require(lines.firstIndex(of: "{{$main}}"))
        // Twice on one line, so each page holds the link twice: it still counts as one page.
        lines.insert("<a href=\"{{site.root}}nowhere/\">x</a> <a href=\"{{site.root}}nowhere/\">y</a>", at: main + 1)
        try lines.joined(separator: "\n").write(to: template, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("Public")
        do {
            _ = try await SiteBuilder.build(BuildOptions(content: Fixtures.content("basic"), output: output, themes: themes))
            Issue.record("the build should fail")
        } catch {
            let messages = error.diagnostics.filter { $0.message.contains("nowhere") }
            #expect(error.diagnostics.count == messages.count, "\(error.diagnostics)")
            #expect(messages.count == 1, "one diagnostic per template line and link")
            let diagnostic = try #require(messages.first)
            #expect(diagnostic.path.hasSuffix("default/templates/review.mustache"))
            #expect(diagnostic.line == main + 2, "the inserted line, counted from 1")
            #expect(diagnostic.message.contains("(on /models/alpha-one/ and 1 other page)"), "\(diagnostic.message)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written")
    }
}

@Suite("Template links: the attribute scan")
struct TemplateLinkScanTests {
    @Test func findsHrefAndSrcValuesInDocumentOrder() {
        let html = #"<a href="/a/">x</a><img src="/i.svg" alt=""><link rel="icon" href="/f.svg"><a class="k" href="?q=1&amp;r=2">"#
        #expect(TemplateLinks.attributes(in: html) == ["/a/", "/i.svg", "/f.svg", "?q=1&r=2"])
    }

    @Test func theNextAttributeStartsAfterTheLastValue() {
        // ` src="` inside an href value is part of that value, not an attribute of its own.
        #expect(TemplateLinks.attributes(in: #"<a href="x src=" y">"#) == ["x src="])
        #expect(TemplateLinks.attributes(in: #"<a href="a"href="b" href="c">"#) == ["a", "c"])
    }

    @Test func toleratesTruncatedAndEmptyInput() {
        #expect(TemplateLinks.attributes(in: "").isEmpty)
        #expect(TemplateLinks.attributes(in: "<p>no links, href= src= here</p>").isEmpty)
        #expect(TemplateLinks.attributes(in: #"<a href=""#) == [""])
        #expect(TemplateLinks.attributes(in: #"<a href="/open"#) == ["/open"])
        #expect(TemplateLinks.attributes(in: #"<img src="é/ü.png">"#) == ["é/ü.png"])
    }
}
