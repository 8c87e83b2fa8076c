import Foundation
import Testing
@testable import VerdictCore

@Suite("In-place output: a rebuild replaces only changed files, and only once the build succeeded")
struct InPlaceOutputTests {
    let cache = CacheTests()

    /// Size, modification time and inode of every file in `output`.
    func stamps(_ output: URL) throws -> [String: FileStamp] {
        let root = output.standardizedFileURL.path
        let files = try #require(FolderWalk.files(under: root, followingLinks: false))
        return try Dictionary(uniqueKeysWithValues: files.map { ($0, try #require(FileStamp.of(root + "/" + $0))) })
    }

    /// What lies beside the output and belongs to it (the cache, staging folders).
    func siblings(of output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.contains(output.lastPathComponent) }.sorted()
    }

    @Test(arguments: [true, false])
    func anEditLeavesUnchangedFilesAsTheyWere(withCache: Bool) async throws {
        let (content, themes, folder) = try cache.editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await cache.build(content, themes: themes, into: output, cache: withCache)
        let before = try Fixtures.snapshot(of: output)
        let stampsBefore = try stamps(output)
        let review = content.appendingPathComponent("reviews/alpha-one.md")
        try (String(contentsOf: review, encoding: .utf8) + "\nA paragraph added later.\n").write(to: review, atomically: true, encoding: .utf8)
        _ = try await cache.build(content, themes: themes, into: output, cache: withCache)
        let after = try Fixtures.snapshot(of: output)
        let stampsAfter = try stamps(output)
        #expect(after == (try await cache.fresh(content, themes: themes, in: folder)))
        let unchanged = before.keys.filter { after[$0] == before[$0] }
        #expect(after["models/alpha-one/index.html"] != before["models/alpha-one/index.html"])
        #expect(unchanged.count > 10 && unchanged.count < after.count)
        for path in unchanged {
            #expect(stampsAfter[path] == stampsBefore[path], "\(path) keeps its inode and modification time")
        }
        #expect(stampsAfter["models/alpha-one/index.html"]?.inode != stampsBefore["models/alpha-one/index.html"]?.inode,
                "a changed file is renamed into place")
        #expect(try siblings(of: output) == (withCache ? [".Public.verdict-cache", ".Public.verdict-reviews", "Public"] : ["Public"]))
    }

    @Test func filesAndFoldersNoLongerProducedAreRemoved() async throws {
        let content = try Fixtures.site(["site.yml": Fixtures.siteYML, "reviews/m.md": Fixtures.review("m", model: "m-1"),
                                         "reviews/n.md": Fixtures.review("n", model: "n-1")])
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        let options = BuildOptions(content: content, output: output, themes: Fixtures.themes)
        _ = try await SiteBuilder.build(options)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("models/n/index.html").path))
        // Left by hand: a stray file and empty folders are not what the build produces either.
        try FileManager.default.createDirectory(at: output.appendingPathComponent("stray/deeper"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: output.appendingPathComponent("models/stray.txt"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("reviews/n.md"))
        _ = try await SiteBuilder.build(options)
        for gone in ["models/n", "stray", "models/stray.txt"] {
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(gone).path), "\(gone)")
        }
        let fresh = content.deletingLastPathComponent().appendingPathComponent("Fresh")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: fresh, themes: Fixtures.themes, useCache: false))
        #expect(try Fixtures.snapshot(of: output) == Fixtures.snapshot(of: fresh))
        let folders = { (root: URL) in FolderWalk.entries(under: root.path)?.filter { $0.kind == .folder }.map(\.path) }
        #expect(folders(output) == folders(fresh), "no folder is left empty")
    }

    @Test func aFailingBuildLeavesTheOutputAsItWas() async throws {
        let (content, themes, folder) = try cache.editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await cache.build(content, themes: themes, into: output)
        let before = try Fixtures.snapshot(of: output)
        let stampsBefore = try stamps(output)
        let cacheBefore = try Data(contentsOf: BuildCache.location(for: output))
        // Every page changes, and the broken link is only found while pages are rendered and staged.
        let template = themes.appendingPathComponent("default/templates/review.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "{{$main}}", with: "{{$main}}<a href=\"{{site.root}}nowhere/\">x</a>")
            .write(to: template, atomically: true, encoding: .utf8)
        let review = content.appendingPathComponent("reviews/alpha-one.md")
        try (String(contentsOf: review, encoding: .utf8) + "\nA paragraph added later.\n").write(to: review, atomically: true, encoding: .utf8)
        await #expect(throws: BuildFailure.self) { try await cache.build(content, themes: themes, into: output) }
        #expect(try Fixtures.snapshot(of: output) == before)
        #expect(try stamps(output) == stampsBefore)
        #expect(try Data(contentsOf: BuildCache.location(for: output)) == cacheBefore)
        #expect(try siblings(of: output) == [".Public.verdict-cache", ".Public.verdict-reviews", "Public"], "the staging folder is gone")

        // With no output yet, a failed build creates none.
        let none = folder.appendingPathComponent("None")
        await #expect(throws: BuildFailure.self) { try await cache.build(content, themes: themes, into: none) }
        #expect(!FileManager.default.fileExists(atPath: none.path))
    }

    @Test func placeholdersSurviveFreshAndInPlaceBuilds() async throws {
        let (content, themes, folder) = try cache.editableSite()
        let output = folder.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("keep\n".utf8).write(to: output.appendingPathComponent(".gitkeep"))
        _ = try await cache.build(content, themes: themes, into: output)
        #expect(try Fixtures.read(output, ".gitkeep") == "keep\n")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.marker).path))
        let review = content.appendingPathComponent("reviews/alpha-one.md")
        try (String(contentsOf: review, encoding: .utf8) + "\nA paragraph added later.\n").write(to: review, atomically: true, encoding: .utf8)
        _ = try await cache.build(content, themes: themes, into: output, cache: false)
        #expect(try Fixtures.read(output, ".gitkeep") == "keep\n")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.marker).path))
    }

    /// A build killed during its commit leaves some files renamed into place, its staging folder
    /// beside the output and no cache (the commit deletes it first). The next build repairs all of it.
    @Test func aBuildKilledMidCommitIsRepairedByTheNextOne() async throws {
        let (content, themes, folder) = try cache.editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await cache.build(content, themes: themes, into: output)
        let expected = try Fixtures.snapshot(of: output)
        let dead = folder.appendingPathComponent(".Public.staging-\(Int32.max)")
        let running = folder.appendingPathComponent(".Public.staging-1")
        for leftover in [dead, running] {
            try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
            try Data("staged".utf8).write(to: leftover.appendingPathComponent("0"))
        }
        try Data("half committed".utf8).write(to: output.appendingPathComponent("models/alpha-one/index.html"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("models/ghost"), withIntermediateDirectories: true)
        try Data("from the killed build".utf8).write(to: output.appendingPathComponent("models/ghost/index.html"))
        BuildCache.remove(for: output)
        _ = try await cache.build(content, themes: themes, into: output)
        #expect(try Fixtures.snapshot(of: output) == expected)
        #expect(!FileManager.default.fileExists(atPath: dead.path), "the staging folder of a dead process is deleted")
        #expect(FileManager.default.fileExists(atPath: running.path), "a live process's staging folder is left alone")
        try FileManager.default.removeItem(at: running)
        #expect(try siblings(of: output) == [".Public.verdict-cache", ".Public.verdict-reviews", "Public"])
    }
}

@Suite("In-place output: the staging area and its commit")
struct StagingCommitTests {
    /// An output folder as a build leaves it: the marker, a placeholder and `files`.
    func output(_ files: [String: String]) throws -> URL {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        for (path, text) in files.merging([OutputFolder.marker: "", ".gitkeep": "keep"], uniquingKeysWith: { $1 }) {
            let url = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return output
    }

    @Test func nothingChangesBeforeTheCommitAndNothingLeavesTheOutput() async throws {
        let output = try output(["index.html": "old", "a/index.html": "same"])
        let before = try Fixtures.snapshot(of: output)
        let staging = try Staging.create(for: output, files: ["index.html", "a/index.html", "b/index.html"])
        #expect(staging.mode == .inPlace)
        try staging.write(Data("new".utf8), to: "index.html")
        try staging.write(Data("same".utf8), to: "a/index.html")
        try staging.write(Data("added".utf8), to: "b/index.html")
        #expect(throws: Diagnostic.self) { try staging.write(Data("x".utf8), to: "../escaped.html") }
        #expect(staging.staged.withLock { $0.keys.sorted() } == ["b/index.html", "index.html"], "an unchanged file is not staged")
        #expect(try Fixtures.snapshot(of: output) == before, "staged files wait outside the output")
        staging.discard()
        #expect(try Fixtures.snapshot(of: output) == before)
        #expect(!FileManager.default.fileExists(atPath: staging.folder.path))
        #expect(!FileManager.default.fileExists(atPath: output.deletingLastPathComponent().appendingPathComponent("escaped.html").path))
    }

    @Test func aFileMayReplaceAFolderAndAFolderAFile() async throws {
        let output = try output(["a/old.html": "a folder", "c": "a file", "keep.html": "same"])
        let keptInode = FileStamp.of(output.appendingPathComponent("keep.html").path)?.inode
        let staging = try Staging.create(for: output, files: ["a", "c/index.html", "keep.html"])
        try staging.write(Data("a file now".utf8), to: "a")
        try staging.write(Data("in a folder now".utf8), to: "c/index.html")
        try staging.write(Data("same".utf8), to: "keep.html")
        try staging.commit()
        #expect(try Fixtures.snapshot(of: output) == [
            "a": Data("a file now".utf8), "c/index.html": Data("in a folder now".utf8), "keep.html": Data("same".utf8),
            ".gitkeep": Data("keep".utf8), OutputFolder.marker: Data(),
        ])
        #expect(FileStamp.of(output.appendingPathComponent("keep.html").path)?.inode == keptInode)
        #expect(!FileManager.default.fileExists(atPath: staging.folder.path))
    }
}
