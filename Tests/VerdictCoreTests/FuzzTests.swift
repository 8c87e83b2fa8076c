import Foundation
import Testing
@testable import VerdictCore

/// Random and mutated inputs through the loader and parser: nothing may crash or hang, and every
/// failure must be a diagnostic that names a file.
@Suite("Fuzz: mutated inputs never crash")
struct FuzzTests {
    typealias Random = CorpusGenerator.Random

    static let seeds: [String] = {
        let basic = Fixtures.content("basic")
        return ["reviews/alpha-one.md", "reviews/beta-two.md", "benchmarks/2026-05.json", "site.yml"].compactMap {
            try? String(contentsOf: basic.appendingPathComponent($0), encoding: .utf8)
        }
    }()

    static let fragments = ["---", "\n", ":", "- ", "[", "]", "{", "}", "\"", ",", "(", ")", "**", "###", "## Verdict",
                            "null", "NaN", "\u{0}", "\u{FEFF}", "\r\n", "2026-02-30", "é", "\u{1F600}", "> ", "`", "\\", "&", "<x>"]

    static func mutate(_ text: String, using random: inout Random) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !scalars.isEmpty:
                scalars.removeSubrange(position..<min(scalars.count, position + Int.random(in: 1...20, using: &random)))
            case 1:
                scalars.insert(contentsOf: fragments.randomElement(using: &random)!.unicodeScalars, at: position)
            case 2 where !scalars.isEmpty:
                let end = min(scalars.count, position + Int.random(in: 1...40, using: &random))
                scalars.insert(contentsOf: scalars[position..<end], at: Int.random(in: 0...scalars.count, using: &random))
            default:
                scalars.insert(Unicode.Scalar(UInt8.random(in: 32...126, using: &random)), at: position)
            }
        }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    @Test(arguments: 0..<4)
    func mutatedSitesFailCleanly(_ batch: Int) async throws {
        var random = Random(state: UInt64(batch) &* 7_919 &+ 17)
        for iteration in 0..<25 {
            let review = Self.mutate(Self.seeds[Int.random(in: 0..<2, using: &random)], using: &random)
            let snapshot = Self.mutate(Self.seeds[2], using: &random)
            let config = Int.random(in: 0..<4, using: &random) == 0 ? Self.mutate(Self.seeds[3], using: &random) : Self.seeds[3]
            let content = try Fixtures.site(["site.yml": config, "reviews/fuzz.md": review, "benchmarks/fuzz.json": snapshot],
                                            label: "fuzz\(batch)x\(iteration)")
            let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Fixtures.themes)
            for diagnostic in diagnostics {
                #expect(!diagnostic.path.isEmpty && (diagnostic.line ?? 1) >= 1 && (diagnostic.line == nil) == (diagnostic.column == nil) && !diagnostic.message.isEmpty,
                        "batch \(batch) iteration \(iteration): \(diagnostic)")
                #expect(diagnostic.path.hasPrefix("Content/") || diagnostic.path.contains("Themes/"),
                        "batch \(batch) iteration \(iteration): diagnostic without a content file: \(diagnostic)")
            }
            try? FileManager.default.removeItem(at: content.deletingLastPathComponent())
        }
    }

    @Test func randomBytesAsEveryKindOfFile() async throws {
        var random = Random(state: 42)
        for iteration in 0..<20 {
            let bytes = Data((0..<Int.random(in: 0..<400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            let content = try Fixtures.site(["site.yml": Fixtures.siteYML], label: "bytes\(iteration)")
            for path in ["reviews/r.md", "benchmarks/b.json", "usecases/u.md", "pages/p.md"] {
                try FileManager.default.createDirectory(at: content.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: content.appendingPathComponent(path))
            }
            let diagnostics = await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Fixtures.themes)
            #expect(diagnostics.contains { $0.severity == .error }, "iteration \(iteration): random bytes must not pass")
            #expect(diagnostics.allSatisfy { $0.path.hasPrefix("Content/") })
            try? FileManager.default.removeItem(at: content.deletingLastPathComponent())
        }
    }
}
