import Foundation
import Testing
@testable import VerdictCore

@Suite("Streamed files: written in chunks, hashed for the cache, reused when unchanged")
struct StreamedFileTests {
    static func stream(_ bytes: [UInt8], chunk: Int) -> DataStream {
        DataStream { write in
            var start = 0
            while start < bytes.count {
                write(Array(bytes[start..<min(start + chunk, bytes.count)]))
                start += chunk
            }
        }
    }

    @Test func chunkedHashIsTheHashOfTheWholeBytes() {
        let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for count in [0, 1, 7, 8, 9, 15, 16, 17, 63, 100] {
            let data = Data(bytes.prefix(count))
            for chunk in [1, 3, 8, 13, 100] {
                var hash = StableHash.Chunked(count: count)
                var start = 0
                while start < count {
                    hash.add(data[start..<min(start + chunk, count)])
                    start += chunk
                }
                #expect(hash.finalized == StableHash.of(data), "\(count) bytes in chunks of \(chunk)")
            }
        }
    }

    @Test func aStreamedFileIsWrittenHashedAndKeptWhenUnchanged() throws {
        let folder = try Fixtures.temporaryFolder()
        let output = folder.appendingPathComponent("Public")
        let bytes = Array("{\n  \"models\" : [\n\n  ]\n}\n".utf8) + (0..<5000).map { UInt8(truncatingIfNeeded: $0) }
        let staging = try Staging.create(for: output, files: ["api/models.json"])
        let hash = try staging.write(Self.stream(bytes, chunk: 333), to: "api/models.json")
        try staging.commit()
        let written = try Data(contentsOf: output.appendingPathComponent("api/models.json"))
        #expect(Array(written) == bytes)
        #expect(hash == StableHash.of(written))
        let before = try #require(FileStamp.of(output.appendingPathComponent("api/models.json").path))

        // The same bytes again (in other chunks): the output's file is kept, not written anew.
        let again = try Staging.create(for: output, files: ["api/models.json"])
        #expect(try again.write(Self.stream(bytes, chunk: 4096), to: "api/models.json") == hash)
        try again.commit()
        #expect(FileStamp.of(output.appendingPathComponent("api/models.json").path) == before)

        // Other bytes of the same size: written anew.
        var changed = bytes
        changed[changed.count - 1] &+= 1
        let third = try Staging.create(for: output, files: ["api/models.json"])
        let changedHash = try third.write(Self.stream(changed, chunk: 1000), to: "api/models.json")
        try third.commit()
        #expect(changedHash != hash)
        #expect(Array(try Data(contentsOf: output.appendingPathComponent("api/models.json"))) == changed)
        #expect(FileStamp.of(output.appendingPathComponent("api/models.json").path)?.inode != before.inode)
    }

    @Test func aStreamedFileRefusesAPathOutsideTheOutput() throws {
        let folder = try Fixtures.temporaryFolder()
        let staging = try Staging.create(for: folder.appendingPathComponent("Public"), files: ["api/models.json"])
        defer { staging.discard() }
        #expect(throws: Diagnostic.self) { try staging.write(Self.stream([1, 2, 3], chunk: 1), to: "../escape.json") }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.json").path))
    }

    /// Through a whole build: `/api/models.json` is streamed, the cache records its bytes' hash, and an
    /// edit build that leaves it unchanged keeps the same file.
    @Test func theModelsDownloadIsStreamedCachedAndKept() async throws {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        let themes = folder.appendingPathComponent("Themes")
        try FileManager.default.copyItem(at: Fixtures.content("basic"), to: content)
        try FileManager.default.copyItem(at: Fixtures.themes, to: themes)
        let output = folder.appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: themes, useCache: true))
        let path = output.appendingPathComponent("api/models.json").path
        let data = try #require(FileManager.default.contents(atPath: path))
        let site = try await SiteBuilder.build(BuildOptions(content: content, output: folder.appendingPathComponent("Fresh"), themes: themes, useCache: false))
        #expect(site.files > 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("Fresh/api/models.json")) == data)
        let decoded = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((decoded?["models"] as? [Any])?.isEmpty == false)
        let cache = try #require(BuildCache.load(for: output))
        #expect(cache.files["api/models.json"]?.hash == StableHash.of(data).hex)

        // An edit that leaves models.json as it was: the build keeps the output's file.
        let stamp = try #require(FileStamp.of(path))
        let page = content.appendingPathComponent("pages/benchmarks/methodology.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nOne more line.\n").write(to: page, atomically: true, encoding: .utf8)
        let report = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: themes, useCache: true))
        #expect(!report.upToDate)
        #expect(FileStamp.of(path) == stamp, "the unchanged download is the same file")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
    }
}
