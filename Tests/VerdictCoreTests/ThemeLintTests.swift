import Foundation
import Testing
@testable import VerdictCore

/// `verdict check` warns about a theme tag whose name no page's view held, at the tag, with the
/// nearest name the view does offer.
@Suite struct ThemeLintTests {
    static let misspelt = Fixtures.root.appendingPathComponent("misspelt-theme")

    func themeWarnings(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.message.hasPrefix("theme:") }.map { diagnostic in
            let file = diagnostic.path.components(separatedBy: "/templates/").last ?? diagnostic.path
            return "\(file):\(diagnostic.line ?? 0):\(diagnostic.column ?? 0): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }

    @Test func misspeltKeysAreReportedAtTheTagWithTheNearestName() async throws {
        let diagnostics = await SiteBuilder.check(content: Fixtures.content("basic"), contentDisplay: "Content", themes: Self.misspelt)
        let warnings = themeWarnings(diagnostics)
        #expect(warnings == [
            "layout.mustache:3:8: warning: theme: `page.titel` resolved to nothing on all 24 pages rendered with it; did you mean `page.title`?",
            "partials/card.mustache:1:39: warning: theme: `sumary` resolved to nothing on all 2 pages rendered with it; did you mean `summary`?",
            "review.mustache:3:5: warning: theme: `titel` resolved to nothing on all 2 pages rendered with it; did you mean `title`?",
        ])
        let paths = diagnostics.filter { $0.message.hasPrefix("theme:") }.map(\.path)
        #expect(paths.allSatisfy { $0.contains("misspelt-theme/default/templates/") })
        // Keys that are null or false on some pages (`page.description`, `benchmark`, `family`) are not reported.
        #expect(!warnings.contains { $0.contains("description") || $0.contains("benchmark") || $0.contains("family") })
    }

    @Test func aMisspeltKeyIsAWarningNotAnError() async throws {
        let content = Fixtures.content("basic")
        let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Self.misspelt)
        #expect(diagnostics.filter { $0.message.hasPrefix("theme:") }.allSatisfy { $0.severity == .warning })
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        let report = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Self.misspelt, useCache: false))
        #expect(report.pages > 0, "the build does not stop for it")
    }

    /// Every name the default theme reads exists in the views: on the fixture site, on the sample site, and
    /// on a site without snapshots, where `review.benchmark` is null on every page (so
    /// `benchmark.newerData` stops at a null, which is not a misspelt name).
    @Test(arguments: ["basic", "sample", "no snapshots"])
    func theDefaultThemeReadsOnlyNamesTheViewsHold(_ site: String) async throws {
        let content = switch site {
        case "sample": Fixtures.themes.deletingLastPathComponent().appendingPathComponent("Content")
        case "no snapshots": try Fixtures.site(["site.yml": Fixtures.siteYML, "reviews/m.md": Fixtures.review()])
        default: Fixtures.content(site)
        }
        let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Fixtures.themes)
        #expect(themeWarnings(diagnostics) == [])
    }
}
