import Foundation
import Testing
@testable import VerdictCore

@Suite("Build cache file: every field survives, anything malformed is no cache")
struct BuildCacheFormatTests {
    static let odd = "static/a\tb\\c\nd\r é.txt"

    static func sample() -> BuildCache {
        let files = [
            "index.html": BuildCache.File(key: "ab12", stamp: FileStamp(size: 10, modified: 1_700_000_000_123_456_789, inode: 42),
                                          hash: "ff00", input: "9"),
            odd: BuildCache.File(key: nil, stamp: FileStamp(size: 0, modified: -5, inode: UInt64.max), hash: "0", input: nil),
        ]
        let diagnostics = [
            Diagnostic(path: "reviews/a.md", line: 3, column: 7, severity: .warning, "tab\there, newline\nhere, backslash \\ here"),
            Diagnostic(path: odd, severity: .note, "a whole file"),
        ]
        return BuildCache(inputs: "1a", environment: "2b", files: files, pages: 3, written: 4, reviews: 5, snapshots: 6,
                          diagnostics: diagnostics)
    }

    @Test func aCacheReadsBackAsWritten() throws {
        let cache = Self.sample()
        let decoded = try #require(BuildCacheFormat.decode(BuildCacheFormat.encode(cache)))
        #expect(decoded.files == cache.files)
        #expect(decoded.diagnostics == cache.diagnostics)
        #expect(decoded.inputs == "1a" && decoded.environment == "2b")
        #expect([decoded.pages, decoded.written, decoded.reviews, decoded.snapshots] == [Int]([3, 4, 5, 6]))
    }

    @Test func theSameCacheIsTheSameBytes() {
        #expect(BuildCacheFormat.encode(Self.sample()) == BuildCacheFormat.encode(Self.sample()))
    }

    @Test(arguments: [
        "verdict-cache 2\n",                                   // another version
        "",                                                     // empty
        "{ not json",                                           // not this format at all
    ])
    func aForeignFileIsNoCache(_ text: String) {
        #expect(BuildCacheFormat.decode(Data(text.utf8)) == nil)
    }

    @Test func aTruncatedOrDamagedCacheIsNoCache() {
        let text = String(decoding: BuildCacheFormat.encode(Self.sample()), as: UTF8.self)
        #expect(BuildCacheFormat.decode(Data(text.dropLast(3).utf8)) == nil, "cut inside the last line")
        #expect(BuildCacheFormat.decode(Data(text.replacingOccurrences(of: "pages\t3\n", with: "").utf8)) == nil, "a count missing")
        #expect(BuildCacheFormat.decode(Data(text.replacingOccurrences(of: "\t42\n", with: "\tx\n").utf8)) == nil, "a stamp that is no number")
        #expect(BuildCacheFormat.decode(Data(text.replacingOccurrences(of: "\\t", with: "\\q").utf8)) == nil, "an unknown escape")
    }
}
