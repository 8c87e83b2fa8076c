import Foundation
import Testing
@testable import VerdictCore

/// Parsed reviews kept between builds (`ReviewCache`): after each edit, a build that takes unchanged
/// reviews from the cache must write every byte and report every diagnostic as a build without any cache.
@Suite("Review cache: a cached review is what parsing would give")
struct ReviewCacheTests {
    /// A change to the content folder, then a build with or without `--drafts`.
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        var drafts = false
        /// How many reviews the cached build must take from the cache.
        let kept: Int
        let apply: @Sendable (URL) throws -> Void
        var testDescription: String { name }
    }

    static func replace(_ file: String, _ from: String, _ to: String) -> @Sendable (URL) throws -> Void {
        { content in
            let url = content.appendingPathComponent(file)
            let old = try String(contentsOf: url, encoding: .utf8)
            guard old.contains(from) else { throw CocoaError(.fileReadCorruptFile) }
            try old.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let edits: [Edit] = [
        Edit(name: "a body edit", kept: 1, apply: replace("reviews/alpha-one.md", "It is not deep.", "It is not deep at all.")),
        Edit(name: "a front-matter edit", kept: 1, apply: replace("reviews/beta-two.md", "vendor: Beta Corp", "vendor: Beta Inc")),
        Edit(name: "a review added", kept: 2, apply: { content in
            try "---\ntitle: Gamma Three\nmodel: gamma-3\nvendor: Gamma\nreviewed: 2026-04-03\n---\n## Verdict\n\nGamma is new.\n"
                .write(to: content.appendingPathComponent("reviews/gamma-three.md"), atomically: true, encoding: .utf8)
        }),
        Edit(name: "a review removed", kept: 1, apply: { content in
            try FileManager.default.removeItem(at: content.appendingPathComponent("reviews/beta-two.md"))
        }),
        Edit(name: "a draft made public, without --drafts", kept: 2, apply: replace("reviews/draft-model.md", "draft: true\n", "")),
        Edit(name: "a draft made public, with --drafts", drafts: true, kept: 2,
             apply: replace("reviews/draft-model.md", "draft: true\n", "")),
        Edit(name: "a review made a draft, without --drafts", kept: 1,
             apply: replace("reviews/beta-two.md", "reviewed: 2026-04-01\n", "reviewed: 2026-04-01\ndraft: true\n")),
        Edit(name: "only --drafts given", drafts: true, kept: 2, apply: { _ in }),
        Edit(name: "site.yml's baseURL", kept: 0,
             apply: replace("site.yml", "https://fixture.example/desk/", "https://fixture.example/bench/")),
        Edit(name: "site.yml's title (not read by the parse)", kept: 2,
             apply: replace("site.yml", "title: Fixture Desk", "title: Fixture Bench")),
        Edit(name: "a damaged entry", kept: 1, apply: { _ in }),
        Edit(name: "a truncated cache file", kept: 0, apply: { _ in }),
        Edit(name: "a cache file of another format version", kept: 0, apply: { _ in }),
        Edit(name: "a cache file of other bytes", kept: 0, apply: { _ in }),
    ]

    /// The fixture site with a warning in a review (an unknown field), so cached diagnostics are checked too.
    static func site() throws -> (content: URL, themes: URL, folder: URL) {
        let site = try CacheTests().editableSite()
        try replace("reviews/beta-two.md", "vendor: Beta Corp\n", "vendor: Beta Corp\ncolour: blue\n")(site.content)
        return site
    }

    static func build(_ content: URL, themes: URL, into output: URL, drafts: Bool = false,
                      cache: Bool = true) async -> Result<BuildReport, BuildFailure> {
        do {
            return .success(try await SiteBuilder.build(BuildOptions(content: content, output: output, includeDrafts: drafts,
                                                                     themes: themes, useCache: cache)))
        } catch {
            return .failure(error)
        }
    }

    /// Builds `content` with the caches beside `output`, and without any cache into a new folder, and
    /// expects the same files and diagnostics. Returns the cached build's report.
    @discardableResult
    static func expectSameAsFresh(_ content: URL, themes: URL, folder: URL, output: URL,
                                  drafts: Bool) async throws -> BuildReport? {
        let cached = await build(content, themes: themes, into: output, drafts: drafts)
        let freshOutput = folder.appendingPathComponent("Fresh-\(UUID().uuidString)")
        let fresh = await build(content, themes: themes, into: freshOutput, drafts: drafts, cache: false)
        switch (cached, fresh) {
        case (.success(let report), .success(let expected)):
            #expect(report.diagnostics == expected.diagnostics)
            #expect(report.reviews == expected.reviews && report.pages == expected.pages)
            #expect(try Fixtures.snapshot(of: output) == Fixtures.snapshot(of: freshOutput))
            return report
        case (.failure(let failure), .failure(let expected)):
            #expect(failure.diagnostics == expected.diagnostics)
            return nil
        default:
            Issue.record("the cached build gave \(cached), a build without cache \(fresh)")
            return nil
        }
    }

    @Test(arguments: edits)
    func aCachedBuildAfterTheEditMatchesAFreshOne(_ edit: Edit) async throws {
        let (content, themes, folder) = try Self.site()
        let output = folder.appendingPathComponent("Public")
        let first = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output, drafts: false))
        #expect(first.reviewsKept == 0 && first.reviews == 2)
        #expect(first.diagnostics.contains { $0.message.contains("`colour`") }, "the fixture's warning")
        let cacheFile = ReviewCache.location(for: output)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        #expect(!cacheFile.path.hasPrefix(output.standardizedFileURL.path + "/"), "never inside the output")
        try edit.apply(content)
        try damage(cacheFile, as: edit.name)
        let report = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output,
                                                                   drafts: edit.drafts))
        #expect(report.reviewsKept == edit.kept)
        // The file now written serves the next build whole.
        try Self.replace("reviews/alpha-one.md", "## Verdict", "## Verdict\n\nOne more line.")(content)
        let next = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output,
                                                                 drafts: edit.drafts))
        #expect(next.reviewsKept == next.reviews - 1)
    }

    /// The damage some of the cases above do to the cache file instead of editing the content.
    private func damage(_ file: URL, as name: String) throws {
        var bytes = try Data(contentsOf: file)
        switch name {
        case "a damaged entry":
            // The first entry starts after the 48-byte header: a byte of it changes, its checksum no longer matches.
            bytes[60] ^= 0x20
        case "a truncated cache file":
            bytes = bytes.prefix(bytes.count / 2)
        case "a cache file of another format version":
            bytes[8] = 99
        case "a cache file of other bytes":
            bytes = Data("not a review cache at all, but long enough to hold a header of forty-eight bytes".utf8)
        default:
            return
        }
        try bytes.write(to: file)
        // No input changed: without this the build cache would skip the build altogether.
        try FileManager.default.removeItem(at: BuildCache.location(for: file.deletingLastPathComponent().appendingPathComponent("Public")))
    }

    @Test func buildingWithoutTheCacheNeitherReadsNorWritesIt() async throws {
        let (content, themes, folder) = try Self.site()
        let output = folder.appendingPathComponent("Public")
        _ = await Self.build(content, themes: themes, into: output)
        let file = ReviewCache.location(for: output)
        let before = try Data(contentsOf: file)
        try Self.replace("reviews/alpha-one.md", "It is not deep.", "It is shallow.")(content)
        let report = try await Self.build(content, themes: themes, into: output, cache: false).get()
        #expect(report.reviewsKept == 0)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aFileThatHoldsEveryReviewAlreadyIsNotWrittenAgain() async throws {
        let (content, themes, folder) = try Self.site()
        let output = folder.appendingPathComponent("Public")
        _ = await Self.build(content, themes: themes, into: output)
        let file = ReviewCache.location(for: output)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        try Self.replace("site.yml", "title: Fixture Desk", "title: Fixture Bench")(content)
        let report = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output, drafts: false))
        #expect(report.reviewsKept == report.reviews)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == before,
                "the same file, not one renamed over it")
        // A review left out (here: made a draft) is an entry too many: the file is written again without it.
        try Self.replace("reviews/beta-two.md", "reviewed: 2026-04-01\n", "reviewed: 2026-04-01\ndraft: true\n")(content)
        _ = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output, drafts: false))
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int != before)
        try Self.replace("reviews/beta-two.md", "reviewed: 2026-04-01\ndraft: true\n", "reviewed: 2026-04-01\n")(content)
        let back = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output, drafts: false))
        #expect(back.reviewsKept == 1, "beta-two is parsed again: it had left the file")
    }

    @Test func aFailedBuildLeavesTheCacheAsItWas() async throws {
        let (content, themes, folder) = try Self.site()
        let output = folder.appendingPathComponent("Public")
        _ = await Self.build(content, themes: themes, into: output)
        let file = ReviewCache.location(for: output)
        let before = try Data(contentsOf: file)
        try Self.replace("reviews/alpha-one.md", "reviewed: 2026-03-01", "reviewed: yesterday")(content)
        let result = await Self.build(content, themes: themes, into: output)
        #expect(throws: BuildFailure.self) { try result.get() }
        #expect(try Data(contentsOf: file) == before)
    }

    /// The sample site: a full build, then a body edit and a front-matter edit, each cached build against a fresh one.
    @Test func theSampleSiteBuildsTheSameFromTheCache() async throws {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        let themes = folder.appendingPathComponent("Themes")
        try FileManager.default.copyItem(at: Fixtures.sampleContent, to: content)
        try FileManager.default.copyItem(at: Fixtures.themes, to: themes)
        let output = folder.appendingPathComponent("Public")
        let first = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output, drafts: false))
        let review = try #require(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("reviews").path)
            .sorted().first)
        try Self.replace("reviews/\(review)", "## Verdict", "## Verdict\n\nEdited for the test.")(content)
        let body = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output, drafts: false))
        #expect(body.reviewsKept == first.reviews - 1)
        try Self.replace("reviews/\(review)", "reviewed: ", "summary: A summary set for the test.\nreviewed: ")(content)
        let meta = try #require(try await Self.expectSameAsFresh(content, themes: themes, folder: folder, output: output, drafts: false))
        #expect(meta.reviewsKept == first.reviews - 1)
    }
}

@Suite("Review codec")
struct ReviewCodecTests {
    /// Every field, nested ones included, as text: `Review` and `Item` are classes without equality.
    static func fields(_ review: Review) -> [String] {
        var meta = review.meta
        meta.fieldLines = [:]
        var out = [review.slug, review.path, String(reflecting: meta),
                   review.meta.fieldLines.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "), review.introHTML, "\(review.bodyLine)",
                   review.summary, String(reflecting: review.links), review.anchors.sorted().joined(separator: " "),
                   "\(review.hashes.frontMatter) \(review.hashes.source)"]
        for section in review.sections {
            out += [section.id, section.title, section.titleHTML, section.role.rawValue, "\(section.line)", section.text]
            for part in section.parts {
                switch part {
                case .html(let html): out.append("html " + html)
                case .item(let item): out += ["item " + item.anchor, item.title, item.tags.joined(separator: ","), item.bodyHTML, "\(item.line)"]
                }
            }
        }
        for role in review.tagGroups.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            for group in review.tagGroups[role] ?? [] {
                out.append("\(role.rawValue) \(group.tag): " + group.items.map(\.anchor).joined(separator: " "))
            }
        }
        return out
    }

    @Test func everyReviewOfTheSampleSiteRoundTrips() async throws {
        let prepared = try await SiteBuilder.prepare(content: Fixtures.sampleContent, includeDrafts: true, themes: Fixtures.themes)
        #expect(prepared.loadedReviews.count >= 5)
        let warning = Diagnostic(path: "Content/reviews/x.md", line: 3, column: 2, severity: .warning, "a warning")
        let whole = Diagnostic(path: "Content/reviews/x.md", severity: .note, "a note")
        for review in prepared.loadedReviews {
            var writer = ByteWriter()
            ReviewCodec.encode(review, diagnostics: [warning, whole], into: &writer)
            let (decoded, diagnostics) = try writer.bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                let result = try ReviewCodec.decode(&reader)
                #expect(reader.isAtEnd)
                return result
            }
            #expect(Self.fields(decoded) == Self.fields(review), "\(review.slug)")
            #expect(diagnostics == [warning, whole])
            // Every shorter prefix is refused rather than read past its end.
            for length in stride(from: 0, to: writer.bytes.count, by: max(1, writer.bytes.count / 97)) {
                writer.bytes.prefix(length).withUnsafeBytes { raw in
                    var reader = ByteReader(raw)
                    #expect(throws: ReviewCodec.Damaged.self) { try ReviewCodec.decode(&reader) }
                }
            }
        }
    }

    @Test func factsAndOptionalFieldsRoundTrip() throws {
        let text = """
            ---
            title: Facts
            model: f-1
            vendor: V
            reviewed: 2026-01-01
            released: 2025-12-01
            family: F
            tier: frontier
            context: 128000
            license: Apache-2.0
            openWeights: true
            knowledgeCutoff: 2024-06
            links:
              - title: Card
                url: https://example.org/card
            aliases:
              - f-one
            ---
            ## Strengths

            **Fast** (speed). Very.

            ## Verdict

            Good. [link](/models/x/)
            """
        let source = try ReviewSource.decodeForTest(text, slug: "facts")
        let config = SiteConfig.decode(Fixtures.source(Fixtures.siteYML)).0!
        let review = ReviewParser.parse(source, markdown: Parser.markdownOptions(for: config))
        var writer = ByteWriter()
        ReviewCodec.encode(review, diagnostics: [], into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return try ReviewCodec.decode(&reader).0
        }
        #expect(Self.fields(decoded) == Self.fields(review))
        #expect(decoded.meta.facts == review.meta.facts && decoded.meta.facts.knowledgeCutoff != nil)
    }
}

extension Fixtures {
    /// The sample site of the repository (`Content/`).
    static let sampleContent = themes.deletingLastPathComponent().appendingPathComponent("Content")
}
