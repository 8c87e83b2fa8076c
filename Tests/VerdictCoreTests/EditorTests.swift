import Foundation
import Testing
@testable import VerdictCore

/// The `editor` fixture: two reviews that link to each other, one snapshot holding both models and
/// `aurora-lite-2026-01`. Each test copies it and makes one editor's mistake.
enum EditorSite {
    static func copy(_ label: String = #function) throws -> URL {
        let content = try Fixtures.temporaryFolder(label).appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("editor"), to: content)
        return content
    }

    static func check(_ content: URL, drafts: Bool = false) async -> [Diagnostic] {
        await SiteBuilder.check(content: content, contentDisplay: "Content", includeDrafts: drafts, themes: Fixtures.themes)
    }

    static func edit(_ content: URL, _ relative: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(relative) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }
}

@Suite("One mistake, one error, in the right place")
struct OneMistakeTests {
    @Test func theFixtureIsClean() async throws {
        #expect(await EditorSite.check(try EditorSite.copy()).isEmpty)
    }

    /// A copy of a review whose name sorts first: the error goes to the later file, the original, at its
    /// `model:` line, naming the copy; the original's page stays a link target, so the other review's
    /// links to it (and to its #verdict anchor) are not reported.
    @Test func aCopiedReviewIsOneErrorAtTheLaterFile() async throws {
        let content = try EditorSite.copy()
        let beta = content.appendingPathComponent("reviews/beta.md")
        try FileManager.default.copyItem(at: beta, to: content.appendingPathComponent("reviews/aaa-copy.md"))
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.map(\.description) == [
            "Content/reviews/beta.md:3:1: error: model \"beta-2\" is already reviewed in Content/reviews/aaa-copy.md; one review per model",
        ])
    }

    @Test func aCopyNamedLaterIsTheOneBlamed() async throws {
        let content = try EditorSite.copy()
        try FileManager.default.copyItem(at: content.appendingPathComponent("reviews/alpha.md"),
                                         to: content.appendingPathComponent("reviews/alpha-copy.md"))
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.map(\.description) == [
            "Content/reviews/alpha.md:3:1: error: model \"alpha-1\" is already reviewed in Content/reviews/alpha-copy.md; one review per model",
        ], "alpha-copy.md sorts before alpha.md")
    }

    /// A review whose front matter does not decode keeps its page in the link graph too.
    @Test func aReviewThatDoesNotLoadCausesNoBrokenLinks() async throws {
        let content = try EditorSite.copy()
        try EditorSite.edit(content, "reviews/beta.md") { $0.replacingOccurrences(of: "title: Beta Two", with: "title: \"Beta Two") }
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.path == "Content/reviews/beta.md")
    }

    /// A link in a review's verdict also appears on the models list, the home page and compare pages:
    /// it is still one error, at its line, and no template is blamed.
    @Test func aBrokenLinkIsReportedOnceAtItsSourceLine() async throws {
        let content = try EditorSite.copy()
        try EditorSite.edit(content, "reviews/alpha.md") { $0.replacingOccurrences(of: "(/models/beta/#verdict)", with: "(/models/bta/)") }
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.map(\.description) == [
            "Content/reviews/alpha.md:13:1: error: link to /models/bta/: the site has no page or file /models/bta/; did you mean /models/beta/?",
        ])
    }

    @Test func aLinkInAnItemIsReportedOnceToo() async throws {
        let content = try EditorSite.copy()
        try EditorSite.edit(content, "reviews/alpha.md") { $0.replacingOccurrences(of: "Routes tickets quickly.", with: "Routes [tickets](/nowhere/).") }
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.map(\.description) == [
            "Content/reviews/alpha.md:19:1: error: link to /nowhere/: the site has no page or file /nowhere/",
        ], "the capability page shows the item; the template is not blamed")
    }
}

@Suite("YAML with hints: the mistake in plain words, where it was made")
struct YAMLHintTests {
    func decode(_ frontMatter: String) -> [Diagnostic] {
        ReviewSource.decode(Fixtures.source("---\n\(frontMatter)\n---\n## Verdict\n\nFine.\n"), slug: "x").1
    }

    @Test func aColonInAnUnquotedValue() throws {
        let diagnostics = decode("title: A\nmodel: m\nvendor: V\nreviewed: 2026-01-01\nsummary: Verdict: fast and cheap")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.line == 6 && diagnostic.column == 10, "\(diagnostic)")
        #expect(diagnostic.message.contains("put the value in quotes: summary: \"Verdict: fast and cheap\""), "\(diagnostic)")
    }

    @Test func aTabInTheIndentation() throws {
        let diagnostics = decode("title: A\nmodel: m\nvendor: V\nreviewed: 2026-01-01\nalternatives:\n\t- b-1")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.line == 7 && diagnostic.column == 1, "\(diagnostic)")
        #expect(diagnostic.message.contains("indent with spaces, not tabs"), "\(diagnostic)")
    }

    @Test func aQuotedValueOverTwoLinesIsNotBlamedForALaterTab() throws {
        let diagnostics = decode("title: A\nmodel: m\nsummary: \"Two\n  lines.\"\nvendor: V\nreviewed: 2026-01-01\nalternatives:\n\t- b-1")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.line == 9 && diagnostic.message.contains("indent with spaces, not tabs"), "\(diagnostic)")
    }

    @Test func anUnclosedDoubleQuoteIsReportedWhereItOpens() throws {
        let diagnostics = decode("title: \"A\nmodel: m\nvendor: V\nreviewed: 2026-01-01")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.line == 2 && diagnostic.column == 8, "\(diagnostic)")
        #expect(diagnostic.message.contains("the quote \" that opens this value is never closed"), "\(diagnostic)")
    }

    @Test func anUnclosedSingleQuoteIsReportedWhereItOpens() throws {
        // The apostrophe in "don't" closes the quote three lines later, and Yams fails there.
        let diagnostics = decode("title: A\nmodel: m\nvendor: 'V\nreviewed: 2026-01-01\nsummary: Fast, but don't ask for proofs")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.line == 4 && diagnostic.column == 9, "\(diagnostic)")
        #expect(diagnostic.message.contains("the quote ' that opens this value is never closed"), "\(diagnostic)")
    }

    @Test func otherErrorsKeepYamsTextAfterAPlainLead() throws {
        let diagnostics = decode("title: A\nmodel: \"m\" x\nvendor: V\nreviewed: 2026-01-01")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.line == 3, "\(diagnostic)")
        #expect(diagnostic.message.hasPrefix("the front matter is not valid YAML: did not find expected key"), "\(diagnostic)")
    }

    @Test func quotedValuesHoldingColonsAndApostrophesAreFine() {
        #expect(decode("title: \"A: b\"\nmodel: m\nvendor: 'V''s'\nreviewed: 2026-01-01\nsummary: it's fine, really").isEmpty)
    }

    /// The editor's view: a copy of the site with one slip gives exactly one error, at the slip.
    @Test(arguments: [
        ("summary: A small model for short jobs.", "summary: Verdict: a small model", "6:10", "put the value in quotes"),
        ("alternatives: [beta-2]", "alternatives:\n\t- beta-2", "8:1", "indent with spaces, not tabs"),
        ("title: Alpha One", "title: \"Alpha One", "2:8", "is never closed"),
    ])
    func oneSlipInACopiedSiteIsOneError(_ original: String, _ slip: String, _ location: String, _ fragment: String) async throws {
        let content = try EditorSite.copy("slip\(location)")
        try EditorSite.edit(content, "reviews/alpha.md") { $0.replacingOccurrences(of: original, with: slip) }
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        let printed = try #require(diagnostics.first).description
        #expect(printed.hasPrefix("Content/reviews/alpha.md:\(location): error: ") && printed.contains(fragment), "\(printed)")
    }
}

@Suite("Severities: notes for the review-first workflow, warnings for slips")
struct SeverityTests {
    @Test func aModelInNoSnapshotAndAReviewAfterTheNewestSnapshotAreNotes() async throws {
        let content = try EditorSite.copy()
        try EditorSite.edit(content, "reviews/beta.md") {
            $0.replacingOccurrences(of: "model: beta-2", with: "model: gamma-9").replacingOccurrences(of: "reviewed: 2026-04-02", with: "reviewed: 2026-06-01")
        }
        try EditorSite.edit(content, "reviews/alpha.md") { $0.replacingOccurrences(of: "alternatives: [beta-2]", with: "alternatives: [gamma-9]") }
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.map(\.severity) == [.note, .note], "\(diagnostics.map(\.description))")
        #expect(diagnostics.map(\.line) == [3, 5])
        let report = CheckReport(diagnostics: diagnostics, strict: true)
        #expect(report.exitStatus == 0, "notes never fail --strict")
        #expect(report.render(.text).contains("Content/reviews/beta.md:3:1: note: model \"gamma-9\" is in no benchmark snapshot yet"))
        #expect(report.render(.text).hasSuffix("0 errors, 0 warnings, 2 notes"))
        let json = try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [[String: Any]]
        #expect(json?.compactMap { $0["severity"] as? String } == ["note", "note"])
    }

    @Test func aModelIdThatLooksLikeATypoStaysAWarning() async throws {
        let content = try EditorSite.copy()
        try EditorSite.edit(content, "reviews/beta.md") { $0.replacingOccurrences(of: "model: beta-2", with: "model: aurora-lite-2026-1") }
        try EditorSite.edit(content, "reviews/alpha.md") { $0.replacingOccurrences(of: "alternatives: [beta-2]", with: "alternatives: [alpha-1]") }
        let diagnostics = await EditorSite.check(content).filter { $0.path.hasSuffix("beta.md") }
        #expect(diagnostics.map(\.severity) == [.warning], "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.message.contains("did you mean \"aurora-lite-2026-01\"?") == true)
        #expect(CheckReport(diagnostics: diagnostics, strict: true).exitStatus == 1)
    }

    @Test func aReviewWithoutAVerdictSectionIsAWarning() async throws {
        let content = try EditorSite.copy()
        try EditorSite.edit(content, "reviews/alpha.md") { $0.replacingOccurrences(of: "## Verdict\n", with: "## Summary\n") }
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.map(\.description) == [
            "Content/reviews/alpha.md:11:1: warning: the review has no ## Verdict section; its verdict is what lists, feeds and the summary show",
        ])
    }

    @Test func severitiesSortAndPrint() {
        let note = Diagnostic(path: "a.md", line: 2, severity: .note, "n")
        let warning = Diagnostic(path: "a.md", line: 2, severity: .warning, "w")
        let error = Diagnostic(path: "a.md", line: 2, "e")
        #expect([note, warning, error].sorted() == [error, warning, note], "at one place, errors first")
        #expect(Diagnostic(path: "a.md", line: 2, column: 4, "e").description == "a.md:2:4: error: e")
        #expect(note.description == "a.md:2:1: note: n")
        #expect(CheckReport(diagnostics: [note, warning], strict: true).effective.map(\.severity) == [.error, .note])
    }
}

@Suite("Diagnostics: path:line:column, or the path alone")
struct DiagnosticFormTests {
    @Test func aFolderOrMissingFileHasNoLine() async throws {
        let missing = try Fixtures.temporaryFolder().appendingPathComponent("nowhere")
        let diagnostics = await SiteBuilder.check(content: missing, contentDisplay: "nowhere", themes: Fixtures.themes)
        #expect(diagnostics.map(\.description) == ["nowhere: error: content folder not found; run from your site's folder or pass --content <folder>"])
        let json = CheckReport(diagnostics: diagnostics, strict: false).render(.json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.first?["line"] is NSNull && objects.first?["column"] is NSNull, "\(json)")

        let noSiteFile = try Fixtures.site(["reviews/a.md": Fixtures.review("a")])
        let printed = await SiteBuilder.check(content: noSiteFile, contentDisplay: "Content", themes: Fixtures.themes).map(\.description)
        #expect(printed.contains("Content/site.yml: error: missing site.yml; create it with at least `title:` and `baseURL:`"), "\(printed)")
    }

    @Test func everyLineHasAColumn() {
        let printed = Diagnostic(path: "Content/reviews/x.md", line: 9, severity: .warning, "w").description
        #expect(printed == "Content/reviews/x.md:9:1: warning: w")
        let whole = Diagnostic(path: "Content/reviews/Bad.md", severity: .error, "bad name")
        #expect(whole.description == "Content/reviews/Bad.md: error: bad name")
        #expect(whole.line == nil && whole.column == nil)
    }
}

@Suite("Did you mean: leading zeros")
struct LeadingZeroTests {
    @Test func numbersDifferingOnlyInLeadingZerosAreTypos() {
        #expect(Suggest.nearestModel(to: "aurora-lite-2026-1", in: ["aurora-lite-2026-01"]) == "aurora-lite-2026-01")
        #expect(Suggest.nearestModel(to: "aurora-lite-2026-001", in: ["aurora-lite-2026-01"]) == "aurora-lite-2026-01")
        #expect(Suggest.nearestModel(to: "aurora-lite-2026-02", in: ["aurora-lite-2026-01"]) == nil, "another value: a version")
        #expect(Suggest.nearestModel(to: "aurora-lite-2026-10", in: ["aurora-lite-2026-01"]) == nil, "another value: a version")
        #expect(Suggest.nearestModel(to: "gpt-4-0314", in: ["gpt-4-0613"]) == nil)
    }

    @Test func anAlternativeWrittenWithoutItsLeadingZeroIsAnError() async throws {
        let content = try EditorSite.copy()
        try EditorSite.edit(content, "reviews/alpha.md") { $0.replacingOccurrences(of: "alternatives: [beta-2]", with: "alternatives: [aurora-lite-2026-1]") }
        let diagnostics = await EditorSite.check(content)
        #expect(diagnostics.map(\.description) == [
            "Content/reviews/alpha.md:7:1: error: alternative \"aurora-lite-2026-1\" matches no reviewed or benchmarked model; did you mean \"aurora-lite-2026-01\"?",
        ])
    }
}
