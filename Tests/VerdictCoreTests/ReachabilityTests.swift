import Foundation
import Testing
@testable import VerdictCore

/// Nothing orphaned: following links from the home page reaches every generated page but `404.html`.
/// The browser tests crawl the sample site over HTTP; this crawls built files, so `swift test` alone
/// catches an orphan too, on the fixture (under a `baseURL` path) and on a generated corpus.
@Suite("Reachability from the home page")
struct ReachabilityTests {
    /// Output files reached from `index.html` by the `href`s of pages, given the site's root path.
    static func crawl(_ files: [String: Data], root: String) -> Set<String> {
        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let file = queue.popLast() {
            guard let data = files[file] else { continue }
            for href in TemplateLinks.attributes(in: String(decoding: data, as: UTF8.self)) {
                var path = String(href.prefix { $0 != "#" && $0 != "?" })
                guard path.hasPrefix(root) else { continue }
                path.removeFirst(root.count)
                let target = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                if target.hasSuffix(".html"), files[target] != nil, reached.insert(target).inserted { queue.append(target) }
            }
        }
        return reached
    }

    static func orphans(content: URL, root: String, label: String = #function) async throws -> (pages: [String], orphans: [String]) {
        let output = try Fixtures.temporaryFolder(label).appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes))
        let files = try Fixtures.snapshot(of: output)
        let pages = files.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
        let reached = crawl(files, root: root)
        return (pages, pages.filter { !reached.contains($0) })
    }

    @Test func everyPageOfTheFixtureIsReachable() async throws {
        let (pages, orphans) = try await Self.orphans(content: Fixtures.content("basic"), root: "/desk/")
        #expect(pages.contains("compare/index.html") && pages.contains("data/index.html") && pages.contains("search/index.html"))
        #expect(pages.contains("benchmarks/changes/index.html") && pages.contains("benchmarks/methodology/index.html"))
        #expect(orphans.isEmpty, "not reachable from home: \(orphans)")
    }

    @Test func everyPageOfAGeneratedSiteIsReachable() async throws {
        let content = try Fixtures.temporaryFolder().appendingPathComponent("Content")
        try CorpusGenerator(reviews: 60, snapshots: 3, models: 30).write(to: content)
        let (pages, orphans) = try await Self.orphans(content: content, root: "/")
        #expect(pages.contains("models/page/2/index.html"), "60 reviews make a second list page")
        #expect(orphans.isEmpty, "not reachable from home: \(orphans.prefix(20))")
    }
}
