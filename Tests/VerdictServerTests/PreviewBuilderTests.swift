import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import VerdictCore

/// The preview's incremental builder must end up with exactly what `verdict build` writes.
@Suite("PreviewBuilder: incremental builds match verdict build")
struct PreviewBuilderTests {
    func builder(_ site: TestSite) -> PreviewBuilder {
        PreviewBuilder(content: site.content, contentDisplay: "Content", themes: site.themes, output: site.output)
    }

    /// Every file `verdict build` writes for the site as it is now (without its marker file).
    func reference(_ site: TestSite) async throws -> [String: Data] {
        let folder = site.folder.appendingPathComponent("reference-\(UUID().uuidString.prefix(6))")
        _ = try await SiteBuilder.build(BuildOptions(content: site.content, contentDisplay: "Content", output: folder, themes: site.themes))
        var files = try Self.files(in: folder)
        files[".verdict-output"] = nil
        try? FileManager.default.removeItem(at: folder)
        return files
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.pathComponents.count
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            out[url.standardizedFileURL.pathComponents.dropFirst(base).joined(separator: "/")] = try Data(contentsOf: url)
        }
        return out
    }

    func expectSameAsBuild(_ site: TestSite, _ comment: Comment) async throws {
        let expected = try await reference(site)
        let actual = try Self.files(in: site.output)
        #expect(Set(actual.keys) == Set(expected.keys), comment)
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from verdict build: \(comment)")
        }
    }

    @Test func firstBuildIsByteForByteVerdictBuild() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try await builder(site).build()
        #expect(result.kind == .full)
        #expect(result.root == "/desk/")
        #expect(result.written.contains("models/alpha-one/index.html"))
        try await expectSameAsBuild(site, "first build")
    }

    @Test func anEditRendersItsPageFirstAndTheRestOnCatchUp() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()

        // A new title shows on the review page and on lists, use-case pages, feeds…
        let text = try site.read("reviews/alpha-one.md")
        try site.write("reviews/alpha-one.md", text.replacingOccurrences(of: "title: Alpha One", with: "title: Alpha Prime") + "\nNew closing line.\n")
        let quick = try await builder.build()
        #expect(quick.kind == .quick)
        #expect(quick.needsCatchUp)
        #expect(quick.written == ["models/alpha-one/index.html"], "only the edited review's page at first")
        let page = try String(contentsOf: site.output.appendingPathComponent("models/alpha-one/index.html"), encoding: .utf8)
        #expect(page.contains("Alpha Prime"))
        #expect(page.contains("New closing line."))

        let rest = try #require(try await builder.catchUp())
        #expect(rest.kind == .catchUp)
        #expect(rest.written.contains("models/index.html"))
        #expect(!rest.written.contains("models/alpha-one/index.html"), "already current")
        #expect(try await builder.catchUp() == nil, "nothing left")
        try await expectSameAsBuild(site, "after an edit and its catch-up")
    }

    @Test func editsOfTheSameLengthAndEditsDuringACatchUpAreSeen() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let original = try site.read("reviews/alpha-one.md")
        try site.write("reviews/alpha-one.md", original + "\nMarker one.\n")
        #expect(try await builder.build().written == ["models/alpha-one/index.html"])
        // A catch-up overtaken by a newer build gives way to it.
        let catchUp = Task { try await builder.catchUp() }
        try site.write("reviews/alpha-one.md", original + "\nMarker two.\n")  // same length, later bytes differ
        #expect(try await builder.build().written == ["models/alpha-one/index.html"])
        _ = try await catchUp.value
        try site.write("reviews/alpha-one.md", original + "\nMarker six.\n")
        #expect(try await builder.build().written == ["models/alpha-one/index.html"])
        _ = try await builder.catchUp()
        try await expectSameAsBuild(site, "after same-length edits")
    }

    @Test func aCatchUpKeepsUnchangedPagesAndAnEditRevertedIsRenderedAgain() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let original = try site.read("reviews/alpha-one.md")
        try site.write("reviews/alpha-one.md", original.replacingOccurrences(of: "title: Alpha One", with: "title: Alpha Edited"))
        _ = try await builder.build()
        let first = try #require(try await builder.catchUp())
        #expect(first.written.contains("models/index.html"))
        // Back to the text the first build rendered: the review page was written by the quick build since,
        // so its old key must not be trusted, and the lists come back too.
        try site.write("reviews/alpha-one.md", original)
        let quick = try await builder.build()
        #expect(quick.written == ["models/alpha-one/index.html"])
        let second = try #require(try await builder.catchUp())
        #expect(second.written.contains("models/index.html"))
        #expect(!second.written.contains("benchmarks/methodology/index.html"), "pages that never changed are not rendered or written")
        try await expectSameAsBuild(site, "after an edit and its revert")
    }

    @Test func aCatchUpOvertakenByAStylesheetEditIsNotLost() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let text = try site.read("reviews/alpha-one.md")
        try site.write("reviews/alpha-one.md", text.replacingOccurrences(of: "title: Alpha One", with: "title: Alpha Renamed"))
        #expect(try await builder.build().needsCatchUp)
        // Before the catch-up runs, a stylesheet edit: it renders no page, but the lists still need the new title.
        let css = site.themes.appendingPathComponent("default/static/css/site.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n/* later */\n").utf8).write(to: css)
        let styled = try await builder.build()
        #expect(styled.written == ["css/site.css"])
        #expect(styled.needsCatchUp, "the earlier edit's catch-up is still owed")
        let rest = try #require(try await builder.catchUp())
        #expect(rest.written.contains("models/index.html"))
        try await expectSameAsBuild(site, "after a catch-up carried over a stylesheet edit")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n/* again */\n").utf8).write(to: css)
        #expect(try await !builder.build().needsCatchUp, "owed no longer")
    }

    @Test func renamesAndDeletionsRemoveOldPages() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let fm = FileManager.default
        try fm.moveItem(at: site.content.appendingPathComponent("reviews/beta-two.md"), to: site.content.appendingPathComponent("reviews/beta-renamed.md"))
        let renamed = try await builder.build()
        #expect(renamed.removed.contains("models/beta-two/index.html"))
        #expect(renamed.written.contains("models/beta-renamed/index.html"))
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("models/beta-two").path))
        _ = try await builder.catchUp()
        try await expectSameAsBuild(site, "after a rename")

        try fm.removeItem(at: site.content.appendingPathComponent("reviews/beta-renamed.md"))
        let deleted = try await builder.build()
        #expect(deleted.removed.contains("models/beta-renamed/index.html"))
        _ = try await builder.catchUp()
        try await expectSameAsBuild(site, "after a deletion")
    }

    @Test func themeSnapshotAndConfigChangesRenderEverything() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()

        let layout = site.themes.appendingPathComponent("default/templates/layout.mustache")
        let template = try String(contentsOf: layout, encoding: .utf8)
        try Data(template.replacingOccurrences(of: "</body>", with: "<!-- theme edit --></body>").utf8).write(to: layout)
        let themed = try await builder.build()
        #expect(themed.kind == .full)
        #expect(themed.written.count > 10)
        try await expectSameAsBuild(site, "after a template edit")

        let snapshot = try site.read("benchmarks/2026-05.json")
        try site.write("benchmarks/2026-05.json", snapshot.replacingOccurrences(of: "\"May run\"", with: "\"May run, revised\""))
        #expect(try await builder.build().kind == .full)
        try await expectSameAsBuild(site, "after a snapshot edit")

        try site.write("site.yml", try site.read("site.yml").replacingOccurrences(of: "Fixture Desk", with: "Fixture Desk Two"))
        #expect(try await builder.build().kind == .full)
        try await expectSameAsBuild(site, "after a site.yml edit")
    }

    @Test func staticChangesOnlyCopyFiles() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let css = site.themes.appendingPathComponent("default/static/css/site.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n/* edit */\n").utf8).write(to: css)
        let result = try await builder.build()
        #expect(result.kind == .quick, "a stylesheet edit renders no page")
        #expect(result.written == ["css/site.css"])
        #expect(result.stylesheetsOnly)
        #expect(!result.needsCatchUp)
        try site.write("static/extra.txt", "extra\n")
        let added = try await builder.build()
        #expect(added.written == ["extra.txt"])
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("static/extra.txt"))
        let removed = try await builder.build()
        #expect(removed.removed == ["extra.txt"])
        try await expectSameAsBuild(site, "after static edits")
    }

    /// Two saves at the same size within one tick of the file system's clock leave a file's size, inode
    /// and modification time as they were. The test puts the first save's modification time back on the
    /// second, so that case happens every time, for a template and for a stylesheet.
    @Test func sameSizeSavesWithinOneClockTickAreSeen() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let layout = site.themes.appendingPathComponent("default/templates/layout.mustache")
        try Self.rewriteKeepingModificationTime(layout, replacing: "Skip to content", with: "Jump to content")
        let themed = try await builder.build()
        #expect(themed.kind == .full, "a template edit renders every page")
        try await expectSameAsBuild(site, "after a same-size template save")

        let css = site.themes.appendingPathComponent("default/static/css/site.css")
        try Self.rewriteKeepingModificationTime(css, replacing: "1. Tokens", with: "1. TOKENS")
        let styled = try await builder.build()
        #expect(styled.written == ["css/site.css"])
        try await expectSameAsBuild(site, "after a same-size stylesheet save")
    }

    static func rewriteKeepingModificationTime(_ file: URL, replacing old: String, with new: String) throws {
        var before = stat()
        #expect(stat(file.path, &before) == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old) && old.utf8.count == new.utf8.count)
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
    }

    @Test func aFailedBuildWritesNothing() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let before = try Self.files(in: site.output)
        try site.write("reviews/alpha-one.md", "---\ntitle: [broken\n---\n")
        await #expect(throws: BuildFailure.self) { try await builder.build() }
        #expect(try Self.files(in: site.output) == before)

        // A file changed while the build was failing is still picked up once it succeeds again.
        try site.write("reviews/beta-two.md", try site.read("reviews/beta-two.md") + "\nWritten during the failure.\n")
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("Tests/Fixtures/basic/Content/reviews/alpha-one.md"),
                                         to: site.content.appendingPathComponent("reviews/alpha-fixed.md"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("reviews/alpha-one.md"))
        try FileManager.default.moveItem(at: site.content.appendingPathComponent("reviews/alpha-fixed.md"),
                                         to: site.content.appendingPathComponent("reviews/alpha-one.md"))
        let fixed = try await builder.build()
        #expect(fixed.written.contains("models/beta-two/index.html"))
        _ = try await builder.catchUp()
        try await expectSameAsBuild(site, "after a failure and its fix")
    }

    /// A text edit keeps the site's structure, so only the edited review is checked again; the result
    /// must still be what a fresh build reports, and a new problem in the edited file must stop it.
    @Test func aTextEditIsCheckedLikeAFreshBuild() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()
        let original = try site.read("reviews/alpha-one.md")
        let before = try await builder.build()
        try site.write("reviews/alpha-one.md", original + "\nSee [nowhere](/nowhere/) and ![](/favicon.svg).\n")
        let error = await #expect(throws: BuildFailure.self) { try await builder.build() }
        #expect(error?.diagnostics.contains { $0.path == "Content/reviews/alpha-one.md" && $0.message.contains("no page or file /nowhere/") } == true)

        try site.write("reviews/alpha-one.md", original + "\nSee ![](/favicon.svg).\n")
        let edited = try await builder.build()
        #expect(edited.kind == .quick)
        let fresh = try await SiteBuilder.build(BuildOptions(content: site.content, contentDisplay: "Content",
                                                             output: site.folder.appendingPathComponent("fresh"), themes: site.themes))
        #expect(edited.diagnostics == fresh.diagnostics)
        #expect(edited.diagnostics.contains { $0.path == "Content/reviews/alpha-one.md" && $0.message.contains("has no alt text") })
        #expect(edited.diagnostics.count == before.diagnostics.count + 1)
    }
}
