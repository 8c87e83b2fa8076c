import Foundation
import Testing
import VerdictTemplates
@testable import VerdictCore

@Suite("Build cache: skipped and partial rebuilds write what a fresh build writes")
struct CacheTests {
    /// A copy of the fixture site (content and theme) that a test may edit.
    func editableSite() throws -> (content: URL, themes: URL, folder: URL) {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        let themes = folder.appendingPathComponent("Themes")
        try FileManager.default.copyItem(at: Fixtures.content("basic"), to: content)
        try FileManager.default.copyItem(at: Fixtures.themes, to: themes)
        return (content, themes, folder)
    }

    func build(_ content: URL, themes: URL, into output: URL, cache: Bool = true) async throws -> BuildReport {
        try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: themes, useCache: cache))
    }

    /// What a build without any cache writes for the same input.
    func fresh(_ content: URL, themes: URL, in folder: URL) async throws -> [String: Data] {
        let output = folder.appendingPathComponent("Fresh-\(UUID().uuidString)")
        _ = try await build(content, themes: themes, into: output, cache: false)
        return try Fixtures.snapshot(of: output)
    }

    @Test func anUnchangedRebuildIsSkippedAndKeepsTheOutput() async throws {
        let (content, themes, folder) = try editableSite()
        let output = folder.appendingPathComponent("Public")
        let first = try await build(content, themes: themes, into: output)
        #expect(!first.upToDate)
        #expect(FileManager.default.fileExists(atPath: BuildCache.location(for: output).path))
        let before = try Fixtures.snapshot(of: output)
        let second = try await build(content, themes: themes, into: output)
        #expect(second.upToDate)
        #expect(second.pages == first.pages && second.files == first.files && second.reviews == first.reviews)
        #expect(second.diagnostics == first.diagnostics, "the warnings are reported again")
        #expect(second.summary.hasPrefix("Up to date: "))
        #expect(try Fixtures.snapshot(of: output) == before)
    }

    @Test func aTouchedOutputFileIsRebuilt() async throws {
        let (content, themes, folder) = try editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await build(content, themes: themes, into: output)
        let page = output.appendingPathComponent("models/alpha-one/index.html")
        try Data("vandalised".utf8).write(to: page)
        let report = try await build(content, themes: themes, into: output)
        #expect(!report.upToDate)
        #expect(try Fixtures.read(output, "models/alpha-one/index.html").contains("Alpha One"))
        let expected = try await fresh(content, themes: themes, in: folder)
        #expect(try Fixtures.snapshot(of: output) == expected)

        // A file added by hand is not what the build wrote either: the next build replaces the folder.
        try Data("stray".utf8).write(to: output.appendingPathComponent("stray.txt"))
        let again = try await build(content, themes: themes, into: output)
        #expect(!again.upToDate)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stray.txt").path))
    }

    @Test func aReviewEditRendersOnlyWhatChangedAndMatchesAFreshBuild() async throws {
        let (content, themes, folder) = try editableSite()
        let output = folder.appendingPathComponent("Public")
        let first = try await build(content, themes: themes, into: output)
        let untouched = try FileStamp.of(output.appendingPathComponent("benchmarks/methodology/index.html").path).unwrap()
        let review = content.appendingPathComponent("reviews/alpha-one.md")
        try (String(contentsOf: review, encoding: .utf8) + "\nOne more closing paragraph.\n").write(to: review, atomically: true, encoding: .utf8)
        let report = try await build(content, themes: themes, into: output)
        #expect(!report.upToDate)
        #expect(report.reused > 0 && report.reused < first.pages, "pages that do not show the edit are kept")
        #expect(try Fixtures.read(output, "models/alpha-one/index.html").contains("One more closing paragraph."))
        #expect(FileStamp.of(output.appendingPathComponent("benchmarks/methodology/index.html").path) == untouched,
                "a kept page is the same file")
        let expected = try await fresh(content, themes: themes, in: folder)
        #expect(try Fixtures.snapshot(of: output) == expected)
    }

    @Test func aTemplateEditRendersEveryPage() async throws {
        let (content, themes, folder) = try editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await build(content, themes: themes, into: output)
        let partial = themes.appendingPathComponent("default/templates/partials/tags.mustache")
        try (String(contentsOf: partial, encoding: .utf8) + "<!-- edited -->").write(to: partial, atomically: true, encoding: .utf8)
        let report = try await build(content, themes: themes, into: output)
        #expect(!report.upToDate)
        #expect(report.reused == 0, "a partial is part of every page's key")
        #expect(try Fixtures.read(output, "models/alpha-one/index.html").contains("<!-- edited -->"))
        let expected = try await fresh(content, themes: themes, in: folder)
        #expect(try Fixtures.snapshot(of: output) == expected)
    }

    @Test func anOutputRestoredElsewhereWithItsCacheIsStillUsed() async throws {
        // What a CI cache does: the same bytes come back as new files (new inodes and times).
        let (content, themes, folder) = try editableSite()
        let output = folder.appendingPathComponent("Public")
        let first = try await build(content, themes: themes, into: output)
        let restored = folder.appendingPathComponent("Restored")
        try FileManager.default.copyItem(at: output, to: restored)
        try FileManager.default.copyItem(at: BuildCache.location(for: output), to: BuildCache.location(for: restored))
        #expect(try await build(content, themes: themes, into: restored).upToDate)
        let review = content.appendingPathComponent("reviews/beta-two.md")
        try (String(contentsOf: review, encoding: .utf8) + "\nA late note.\n").write(to: review, atomically: true, encoding: .utf8)
        let report = try await build(content, themes: themes, into: restored)
        #expect(report.reused > 0 && report.reused < first.pages)
        let expected = try await fresh(content, themes: themes, in: folder)
        #expect(try Fixtures.snapshot(of: restored) == expected)
    }

    @Test func buildingWithoutTheCacheRemovesIt() async throws {
        let (content, themes, folder) = try editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await build(content, themes: themes, into: output)
        let report = try await build(content, themes: themes, into: output, cache: false)
        #expect(!report.upToDate && report.reused == 0)
        #expect(!FileManager.default.fileExists(atPath: BuildCache.location(for: output).path), "no stale cache is left")
    }

    @Test func aDamagedCacheOnlyMeansAFullBuild() async throws {
        let (content, themes, folder) = try editableSite()
        let output = folder.appendingPathComponent("Public")
        _ = try await build(content, themes: themes, into: output)
        try Data("{ not json".utf8).write(to: BuildCache.location(for: output))
        let report = try await build(content, themes: themes, into: output)
        #expect(!report.upToDate && report.reused == 0)
        let expected = try await fresh(content, themes: themes, in: folder)
        #expect(try Fixtures.snapshot(of: output) == expected)
        #expect(BuildCache.load(for: output) != nil, "a good cache replaces it")
    }
}

@Suite("Fingerprints")
struct FingerprintTests {
    @Test func stableHashIsTheSameInEveryProcess() {
        // A fixed value, worked out independently (FNV-1a then the SplitMix64 finaliser); a hash seeded per
        // process, like Swift's Hasher, would not match it.
        #expect(StableHash.of(Data()) == StableHash.of(Data()))
        #expect(StableHash.of(Data("verdict".utf8)) == 0x912c_b762_a8cf_5c34)
        #expect(StableHash.of(Data("verdict".utf8)) != StableHash.of(Data("verdicT".utf8)))
        #expect(StableHash.of(Data("0123456789abcdef".utf8)) != StableHash.of(Data("0123456789abcdeg".utf8)))
    }

    @Test func contextFingerprintIgnoresObjectOrderButNotValues() {
        let a = TemplateObject(["title": "A", "count": 2, "flag": true, "rows": [["x": .number(1.5, text: "1.5")], ["y": "z"]]])
        var b = TemplateObject()
        for key in ["rows", "flag", "count", "title"] { b[key] = a[key] }
        #expect(ContextFingerprint.of(.object(a)) == ContextFingerprint.of(.object(b)))
        var c = a
        c["count"] = 3
        #expect(ContextFingerprint.of(.object(a)) != ContextFingerprint.of(.object(c)))
        #expect(ContextFingerprint.of(["v": true]) != ContextFingerprint.of(["v": 1]), "kinds are part of the value")
        #expect(ContextFingerprint.of(["v": "1"]) != ContextFingerprint.of(["v": 1]))
        #expect(ContextFingerprint.of(["v": .text("<b>")]) != ContextFingerprint.of(["v": .html("<b>")]), "escaped or not")
        #expect(ContextFingerprint.of(["v": .null]) != ContextFingerprint.of(["v": false]))
        #expect(ContextFingerprint.of(["v": .null]) != ContextFingerprint.of([:]), "a null key stops the lookup; a missing one does not")
        #expect(ContextFingerprint.of(["v": .number(1, text: "1")]) != ContextFingerprint.of(["v": .number(1, text: "1.0")]), "the printed text counts")
        #expect(ContextFingerprint.of(["a": "bc"]) != ContextFingerprint.of(["ab": "c"]))
        #expect(ContextFingerprint.of([["x"], ["y"]]) != ContextFingerprint.of([["y"], ["x"]]), "lists keep their order")
    }

    @Test func scriptSafeJSONMatchesJSONSerialization() throws {
        for text in ["plain", "quote \" back \\ slash / x", "ctl \u{01}\u{1f}\u{7f}\u{0b}\u{08}\u{0c}\n\r\t", "uni é 日本 🎉 \u{2028}", "\u{0}"] {
            let data = try JSONSerialization.data(withJSONObject: ["k": text], options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(Escape.jsonObject([("k", Escape.scriptSafeJSON(text))]) == String(decoding: data, as: UTF8.self))
        }
        #expect(Escape.scriptSafeJSON("</script>&") == "\"\\u003c/script\\u003e\\u0026\"")
    }
}

extension Optional {
    func unwrap(sourceLocation: SourceLocation = #_sourceLocation) throws -> Wrapped {
        try #require(self, sourceLocation: sourceLocation)
    }
}
