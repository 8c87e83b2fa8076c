import Foundation
import Testing
@testable import VerdictCore

@Suite("Data downloads: long arrays encoded one element at a time")
struct DataEncodingTests {
    struct Entry: Encodable {
        let name: String
        let tags: [String]
        let score: Double?
        let nested: [String: Int]
    }

    struct File<Entries: Encodable>: Encodable {
        let version: Int
        let site: String
        let entries: Entries
    }

    static let entries = [
        Entry(name: "plain", tags: ["a", "b"], score: 1.5, nested: ["z": 1, "a": 2]),
        Entry(name: "line\nbreak \"quoted\" / slash \u{1F600} é", tags: [], score: nil, nested: [:]),
        Entry(name: "", tags: ["\u{0}", "\t"], score: -0.25, nested: ["k": 0]),
    ]

    func spliced(_ entries: [Entry]) -> Data {
        DataEncoding.json(entries) { File(version: 1, site: "https://x.example/", entries: $0) }
    }

    @Test(arguments: [0, 1, 3])
    func matchesEncodingTheWholeDocument(count: Int) {
        let entries = Array(Self.entries.prefix(count))
        let whole = DataEncoding.json(File(version: 1, site: "https://x.example/", entries: entries))
        #expect(spliced(entries) == whole, "\(String(decoding: spliced(entries), as: UTF8.self))")
    }
}
