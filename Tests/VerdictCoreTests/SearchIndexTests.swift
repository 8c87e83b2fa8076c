import Foundation
import Testing
@testable import VerdictCore

/// `/search-index.json`: what it holds, that it is the same bytes every time, and that it stays small.
@Suite("Search index")
struct SearchIndexTests {
    struct Entry: Equatable {
        let kind, title, url, detail, terms: String
    }

    static func build(_ content: URL, label: String = #function) async throws -> URL {
        let output = try Fixtures.temporaryFolder(label).appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes))
        return output
    }

    static func entries(_ output: URL) throws -> (version: Int, fields: [String], entries: [Entry]) {
        let data = try Data(contentsOf: output.appendingPathComponent("search-index.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(object["entries"] as? [[String]])
        let entries = try rows.map { row in
            try #require(row.count == 5, "each entry has five fields: \(row)")
            return Entry(kind: row[0], title: row[1], url: row[2], detail: row[3], terms: row[4])
        }
        return (object["version"] as? Int ?? 0, object["fields"] as? [String] ?? [], entries)
    }

    @Test func holdsReviewsSnapshotModelsUseCasesAndCapabilities() async throws {
        let output = try await Self.build(Fixtures.content("basic"))
        let (version, fields, entries) = try Self.entries(output)
        #expect(version == 1)
        #expect(fields == ["kind", "title", "url", "detail", "terms"])

        let reviews = entries.filter { $0.kind == "review" }
        #expect(reviews.map(\.url) == ["models/alpha-one/", "models/beta-two/"], "published reviews only, no draft")
        let alpha = try #require(reviews.first)
        #expect(alpha.title == "Alpha One")
        #expect(alpha.detail.hasPrefix("Alpha Labs"))
        for term in ["alpha-1", "alpha labs", "alpha", "efficiency"] {
            #expect(alpha.terms.split(separator: " ").contains(Substring(term)) || alpha.terms.contains(term), "terms hold \(term): \(alpha.terms)")
        }
        #expect(alpha.terms == alpha.terms.lowercased())

        // The newest snapshot's models without a review are found too, and lead to the leaderboard.
        let models = entries.filter { $0.kind == "model" }
        #expect(models.map(\.title).sorted() == ["Delta Four", "Gamma Three"])
        #expect(models.map(\.url).sorted() == ["benchmarks/leaderboard/#m-delta-4", "benchmarks/leaderboard/#m-gamma-3"])
        #expect(models.allSatisfy { $0.detail.contains("not reviewed") })
        let leaderboard = try Fixtures.read(output, "benchmarks/leaderboard/index.html")
        #expect(leaderboard.contains("<tr id=\"m-delta-4\">"), "the leaderboard row a model result opens at")
        #expect(!entries.contains { $0.terms.contains("draft-9") }, "a draft's model id stays out")

        #expect(entries.contains { $0.kind == "usecase" && $0.url == "usecases/triage/" })
        #expect(entries.contains { $0.kind == "capability" && $0.url.hasPrefix("capabilities/") })
        // Every url names a page the build wrote.
        for entry in entries {
            let page = String(entry.url.prefix { $0 != "#" })
            let file = output.appendingPathComponent(page).appendingPathComponent("index.html")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(entry.url) is a page of the site")
        }
    }

    @Test func aReviewIsFoundByItsAliases() async throws {
        let files = [
            "site.yml": Fixtures.siteYML,
            "reviews/l.md": Fixtures.review("l", model: "llama-8b", extra: "aliases: [meta-llama/Llama-3.1-8B-Instruct, llama3.1:8b]\n"),
        ]
        let entries = try Self.entries(try await Self.build(try Fixtures.site(files))).entries
        let review = try #require(entries.first { $0.kind == "review" })
        #expect(review.terms.hasPrefix("llama-8b meta-llama/llama-3.1-8b-instruct llama3.1:8b "), "model id, then aliases: \(review.terms)")
    }

    @Test func entriesAreSortedByKindThenTitle() async throws {
        let (_, _, entries) = try Self.entries(try await Self.build(Fixtures.content("basic")))
        let order = ["review", "model", "usecase", "capability"]
        let keys = entries.map { (order.firstIndex(of: $0.kind) ?? 9, $0.title, $0.url) }
        #expect(keys.map(\.0) == keys.map(\.0).sorted())
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "sorted by kind, title, url")
    }

    @Test func sameInputSameBytesWhateverTheFileOrder() async throws {
        let review = { (slug: String, model: String, title: String) in
            Fixtures.review(slug, model: model, extra: "family: F\n",
                            body: "## Verdict\n\nGood.\n\n## Strengths\n\n**Fast** (speed, cost).\n\n## Use cases\n\n### Triage (support)\n\nText.\n")
                .replacingOccurrences(of: "title: Model \(slug)", with: "title: \(title)")
        }
        let files = [
            "site.yml": Fixtures.siteYML,
            "reviews/b.md": review("b", "b-1", "Bravo"),
            "reviews/a.md": review("a", "a-1", "Alpha"),
            "reviews/c.md": review("c", "c-1", "Alpha"),
        ]
        let one = try Data(contentsOf: try await Self.build(try Fixtures.site(files, label: "one")).appendingPathComponent("search-index.json"))
        var renamed = files
        renamed["reviews/z.md"] = renamed.removeValue(forKey: "reviews/a.md")
        let two = try Data(contentsOf: try await Self.build(try Fixtures.site(files, label: "two")).appendingPathComponent("search-index.json"))
        #expect(one == two, "two builds of the same input write the same index")
        let titles = try Self.entries(try await Self.build(try Fixtures.site(renamed, label: "three"))).entries
            .filter { $0.kind == "review" }.map(\.title)
        #expect(titles == ["Alpha", "Alpha", "Bravo"], "reviews sorted by title, whatever their file names")
    }

    /// The index is fetched on a reader's first keystroke, so it must stay small: a few hundred bytes per
    /// review, measured on the benchmark's corpus (reviews of about 11 KB with tagged items).
    @Test func aFewHundredBytesPerReview() async throws {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try CorpusGenerator(reviews: 60, snapshots: 2, models: 40).write(to: content)
        let output = try await Self.build(content)
        let (_, _, entries) = try Self.entries(output)
        let reviews = entries.filter { $0.kind == "review" }
        #expect(reviews.count == 60)
        let lines = try String(contentsOf: output.appendingPathComponent("search-index.json"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("[\"review\"") }
        #expect(lines.count == 60, "one entry per line")
        let average = lines.map(\.utf8.count).reduce(0, +) / max(lines.count, 1)
        #expect(average >= 60 && average <= 500, "\(average) bytes per review")
        #expect(lines.allSatisfy { $0.utf8.count <= 1_000 }, "no review entry over 1 KB")
    }
}
