import Foundation
import Testing
@testable import VerdictCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Feeds, sitemap, structured data and downloads, read back with real parsers.
@Suite("Outputs: feeds, sitemap, structured data, downloads")
struct OutputsTests {
    static func built() async throws -> URL {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: Fixtures.content("basic"), output: output, themes: Fixtures.themes))
        return output
    }

    /// Element paths (`feed/entry/id`) with their text and attributes, from Foundation's XML parser.
    final class XMLCollector: NSObject, XMLParserDelegate {
        var stack: [String] = []
        var elements: [(path: String, text: String, attributes: [String: String])] = []
        var namespaces: [String] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(name)
            if let namespaceURI { namespaces.append(namespaceURI) }
            elements.append((stack.joined(separator: "/"), "", attributes))
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let path = stack.joined(separator: "/")
            if let index = elements.lastIndex(where: { $0.path == path }) { elements[index].text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            stack.removeLast()
            text = ""
        }

        static func parse(_ data: Data) throws -> XMLCollector {
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = true
            let collector = XMLCollector()
            parser.delegate = collector
            #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
            return collector
        }

        func texts(_ path: String) -> [String] { elements.filter { $0.path == path }.map(\.text) }
    }

    static func isRFC3339(_ text: String) -> Bool { text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil }

    @Test func atomFeedHasTheRequiredElements() async throws {
        let output = try await Self.built()
        let feed = try XMLCollector.parse(Data(contentsOf: output.appendingPathComponent("feed.xml")))
        #expect(feed.namespaces.contains("http://www.w3.org/2005/Atom"))
        #expect(feed.texts("feed/id") == ["https://fixture.example/desk/"])
        #expect(feed.texts("feed/title") == ["Fixture Desk"])
        #expect(feed.texts("feed/updated").allSatisfy(Self.isRFC3339))
        #expect(feed.texts("feed/author/name").count == 1)
        #expect(feed.texts("feed/entry/id") == ["https://fixture.example/desk/models/beta-two/", "https://fixture.example/desk/models/alpha-one/"],
                "newest change first")
        #expect(feed.texts("feed/entry/updated") == ["2026-04-01T00:00:00Z", "2026-03-01T00:00:00Z"])
        #expect(feed.texts("feed/entry/title").contains("Beta Two <Pro>"), "escaped in XML, intact after parsing")
        let links = feed.elements.filter { $0.path == "feed/entry/link" }.compactMap { $0.attributes["href"] }
        #expect(links.allSatisfy { $0.hasPrefix("https://fixture.example/desk/models/") })
    }

    /// Control characters are legal in YAML escapes and raw in Markdown, but forbidden in XML 1.0: one would
    /// make the whole feed unparseable. A combining mark after `"` forms one Character with it, which must
    /// still be escaped.
    @Test func feedStaysWellFormedWithControlCharactersAndCombiningMarks() async throws {
        let content = try Fixtures.site([
            "site.yml": Fixtures.siteYML,
            "reviews/m.md": "---\ntitle: \"Bell\\x07 & \\\"\\u0301 <b>\"\nmodel: m-1\nvendor: V\nreviewed: 2026-01-01\n---\n"
                + "## Verdict\n\nRings \u{1}twice.\n",
        ])
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes))
        let feed = try XMLCollector.parse(Data(contentsOf: output.appendingPathComponent("feed.xml")))
        #expect(feed.texts("feed/entry/title") == ["Bell & \"\u{301} <b>"])
        #expect(feed.texts("feed/entry/content").first?.contains("Rings twice.") == true)
        #expect(Escape.xml("\"\u{301}&\u{301}") == "&quot;\u{301}&amp;\u{301}")
        #expect(Escape.xml("a\u{0}b\u{B}c\u{C}d\u{FFFE}\te\n'") == "abcd\te\n&apos;")
    }

    @Test func sitemapListsPagesWithContentDates() async throws {
        let output = try await Self.built()
        let sitemap = try XMLCollector.parse(Data(contentsOf: output.appendingPathComponent("sitemap.xml")))
        #expect(sitemap.namespaces.contains("http://www.sitemaps.org/schemas/sitemap/0.9"))
        let urls = sitemap.texts("urlset/url/loc")
        #expect(urls.allSatisfy { $0.hasPrefix("https://fixture.example/desk/") })
        #expect(urls.contains("https://fixture.example/desk/models/alpha-one/"))
        #expect(!urls.contains { $0.hasSuffix("404.html") || $0.hasSuffix(".json") || $0.hasSuffix(".csv") })
        #expect(sitemap.texts("urlset/url/lastmod").allSatisfy { Day($0) != nil })
        #expect(sitemap.texts("urlset/url/lastmod").contains("2026-03-01"))
        // Content/static provides robots.txt in this fixture, so it wins over the generated one.
        #expect(try Fixtures.read(output, "robots.txt") == "fixture asset\n")
    }

    @Test func jsonFeedAndStructuredDataParse() async throws {
        let output = try await Self.built()
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("feed.json"))) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0["id"] is String && $0["date_modified"] is String && $0["content_html"] is String })

        let page = try Fixtures.read(output, "models/beta-two/index.html")
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<"), "no raw < inside the script element")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(data["@type"] as? String == "Review")
        #expect(data["datePublished"] as? String == "2026-04-01")
        #expect(data["dateModified"] as? String == "2026-04-01")
        let item = try #require(data["itemReviewed"] as? [String: Any])
        #expect(item["@type"] as? String == "SoftwareApplication")
        #expect(item["name"] as? String == "Beta Two <Pro>")
        #expect((data["author"] as? [String: Any])?["name"] as? String == "Fixture Desk")
        #expect((data["publisher"] as? [String: Any])?["url"] as? String == "https://fixture.example/desk/")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://fixture.example/desk/models/beta-two/\">"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("type=\"application/atom+xml\""))
    }

    @Test func dataDownloadsAreVersionedAndComplete() async throws {
        let output = try await Self.built()
        let models = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("api/models.json"))) as? [String: Any])
        #expect(models["version"] as? Int == 1)
        let entries = try #require(models["models"] as? [[String: Any]])
        #expect(entries.map { $0["slug"] as? String } == ["alpha-one", "beta-two"])
        let alpha = entries[0]
        #expect(alpha["reviewed"] as? String == "2026-03-01")
        #expect((alpha["strengths"] as? [[String: Any]])?.first?["tags"] as? [String] == ["classification", "speed"])
        #expect((alpha["verdict"] as? String)?.hasPrefix("Alpha One is fast and cheap.") == true)
        let benchmark = try #require(alpha["benchmark"] as? [String: Any])
        #expect(benchmark["rank"] as? Int == 1)

        let board = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("api/leaderboard.json"))) as? [String: Any])
        #expect(board["version"] as? Int == 1)
        let results = try #require(board["results"] as? [[String: Any]])
        #expect(results.map { $0["model"] as? String } == ["alpha-1", "beta-2", "delta-4", "gamma-3"])
        #expect(results.last?["rank"] is NSNull, "unmeasured: null rank")
        #expect((results.last?["scores"] as? [String: Any])?["overall"] is NSNull)
        #expect(results[2]["movement"] as? String == "new")
    }

    @Test func csvQuotingFollowsRFC4180() async throws {
        #expect(Escape.csv("plain") == "plain")
        #expect(Escape.csv("a,b") == "\"a,b\"")
        #expect(Escape.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Escape.csv("two\nlines") == "\"two\nlines\"")
        #expect(Escape.csv("a,\u{301}b") == "\"a,\u{301}b\"", "a comma sharing its Character with a combining mark")
        #expect(Escape.csv("say \"\u{301}hi") == "\"say \"\"\u{301}hi\"")
        let output = try await Self.built()
        let csv = try Fixtures.read(output, "benchmarks/2026-05-01.csv")
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "rank,model,name,vendor,tier,movement,overall,ttft,reasoning")
        #expect(lines[1] == "1,alpha-1,Alpha One,Alpha Labs,,+1,72,180,40")
        #expect(lines[4] == ",gamma-3,Gamma Three,Gamma,,,,150,", "unranked: empty rank and score")
        #expect(lines.last == "", "every record ends with CRLF")
    }

    @Test func comparePagesPairAlternativesOnce() async throws {
        let output = try await Self.built()
        let page = try Fixtures.read(output, "compare/alpha-one-vs-beta-two/index.html")
        #expect(page.contains("Alpha One vs Beta Two &lt;Pro&gt;"))
        #expect(page.contains("★"), "the better value is marked")
        #expect(try Fixtures.read(output, "models/alpha-one/index.html").contains("compare/alpha-one-vs-beta-two/"))
        #expect(try Fixtures.read(output, "models/beta-two/index.html").contains("compare/alpha-one-vs-beta-two/"),
                "linked from both reviews, also the one that does not name the other")
        let compare = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("compare").path)
        #expect(compare.filter { $0 != "index.html" } == ["alpha-one-vs-beta-two"], "gamma-3 has no review, so no page")
        #expect(try Fixtures.read(output, "compare/index.html").contains("compare/alpha-one-vs-beta-two/\""),
                "/compare/ lists every compare page")
    }

    @Test func historyListsWhatChanged() async throws {
        let site = try await SiteBuilder.prepare(content: Fixtures.content("basic"), themes: Fixtures.themes).site
        #expect(site.changes.count == 1)
        let change = site.changes[0]
        #expect(change.added == ["delta-4"])
        #expect(change.dropped == [])
        #expect(change.moves.map { "\($0.model) \($0.from)→\($0.to)" } == ["alpha-1 2→1"])
        #expect(change.newLeaders.map { "\($0.metric.id):\($0.model)" } == ["ttft:delta-4", "reasoning:beta-2"],
                "overall is still co-led by beta-2, so it has no new leader")
        let output = try await Self.built()
        let page = try Fixtures.read(output, "benchmarks/changes/index.html")
        #expect(page.contains("Delta Four"))
        #expect(page.contains("2 → 1"))
    }
}
