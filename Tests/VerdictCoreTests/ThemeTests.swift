import Foundation
import Testing
@testable import VerdictCore

@Suite struct ThemeTests {
    /// A copy of the default theme whose templates the test may edit.
    func editableTheme(_ label: String = #function) throws -> (content: URL, themes: URL) {
        let folder = try Fixtures.temporaryFolder(label)
        let themes = folder.appendingPathComponent("Themes")
        try FileManager.default.copyItem(at: Fixtures.themes, to: themes)
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("basic"), to: content)
        return (content, themes)
    }

    func template(_ name: String, in themes: URL) -> URL {
        themes.appendingPathComponent("default/templates/\(name).mustache")
    }

    /// Every broken template is reported in one run, at the line and column of the faulty tag in its own file,
    /// and nothing is written.
    @Test func everyBrokenTemplateIsReportedAtItsOwnLine() async throws {
        let (content, themes) = try editableTheme()
        let review = template("review", in: themes)
        var lines = try String(contentsOf: review, encoding: .utf8).components(separatedBy: "\n")
        lines[4] = "{{#review}}{{/reviews}}"
        try lines.joined(separator: "\n").write(to: review, atomically: true, encoding: .utf8)
        try "<p>{{unclosed</p>\n".write(to: template("partials/tags", in: themes), atomically: true, encoding: .utf8)
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        do {
            _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: themes))
            Issue.record("expected a failure")
        } catch {
            let lines = error.diagnostics.map { "\(($0.path as NSString).lastPathComponent):\($0.line ?? 0):\($0.column ?? 0)" }
            #expect(lines == ["tags.mustache:1:4", "review.mustache:5:12"])
            #expect(error.diagnostics.allSatisfy { $0.path.contains("/templates/") })
            #expect(error.diagnostics.allSatisfy { $0.message.hasPrefix("template error:") })
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aTemplateThatIsNotUTF8IsReported() async throws {
        let (content, themes) = try editableTheme()
        try Data([0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x0A]).write(to: template("partials/tags", in: themes))
        do {
            _ = try await SiteBuilder.build(BuildOptions(content: content, output: content.deletingLastPathComponent().appendingPathComponent("Public"), themes: themes))
            Issue.record("expected a failure")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["cannot read template: it is not UTF-8 text"])
            #expect(error.diagnostics.first?.path.hasSuffix("partials/tags.mustache") == true)
        }
    }

    /// A theme may still choose its own content type; it takes over from the line that sets it.
    @Test func aTemplateMaySetItsOwnContentType() async throws {
        let (content, themes) = try editableTheme()
        let page = template("404", in: themes)
        try "{{% CONTENT_TYPE: TEXT }}\n<p>{{site.title}} & {{page.title}}</p>\n".write(to: page, atomically: true, encoding: .utf8)
        try "title: Fish & <Chips>\nbaseURL: https://example.org/\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: themes))
        #expect(try Fixtures.read(output, "404.html").hasPrefix("<p>Fish & <Chips> & "))
        #expect(try Fixtures.read(output, "index.html").contains("<title>Fish &amp; &lt;Chips&gt;</title>"))
    }
}
