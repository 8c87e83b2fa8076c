import Foundation
import Testing
@testable import VerdictCore

/// A site whose numbers exercise the reader's side: ragged decimals in the files, a model that joins, one that
/// leaves, a stale review, a review in no snapshot, and a compare page.
enum ReaderSite {
    static func snapshot(_ date: String, _ results: [(model: String, overall: Double, price: Double?)]) -> String {
        let rows = results.map { r in
            """
            {"model": "\(r.model)", "name": "Model \(r.model)", "vendor": "V", "tier": "mid",
             "scores": {"overall": \(r.overall), "reasoning": \(r.overall - 5), "ttft": 300, "throughput": 90, "price": \(r.price.map { "\($0)" } ?? "null")}}
            """
        }
        return """
        {"date": "\(date)", "title": "Run of \(Day(date)!.longDescription)", "rankBy": "overall",
         "metrics": [
           {"id": "overall", "name": "Overall", "unit": "pts", "better": "higher", "group": "quality"},
           {"id": "reasoning", "name": "Reasoning", "unit": "pts", "better": "higher", "group": "quality"},
           {"id": "ttft", "name": "Time to first token", "unit": "ms", "better": "lower", "group": "speed"},
           {"id": "throughput", "name": "Output speed", "unit": "tok/s", "better": "higher", "group": "speed"},
           {"id": "price", "name": "Blended price", "unit": "$/Mtok", "better": "lower", "group": "cost"}],
         "results": [\(rows.joined(separator: ",\n"))]}
        """
    }

    static let files: [String: String] = [
        "site.yml": "title: Test\nbaseURL: https://example.org/\n",
        // delta leaves after January; echo joins in March, between alpha and bravo.
        "benchmarks/old.json": snapshot("2026-01-10", [("alpha", 73.6, 0.7), ("bravo", 70, 0.15), ("charlie", 68.25, 0.175), ("delta", 60, 0.2)]),
        "benchmarks/new.json": snapshot("2026-03-15", [("alpha", 73.6, 0.7), ("bravo", 70, 0.15), ("charlie", 68.25, 0.175), ("echo", 71, 1.6)]),
        "reviews/a.md": Fixtures.review("a", model: "alpha", body: "Intro of a.\n\n## Verdict\n\nGood.\n"),
        "reviews/b.md": Fixtures.review("b", model: "bravo", extra: "summary: The b subtitle.\nalternatives: [alpha]\ncontext: 128000\nopenWeights: true\nknowledgeCutoff: 2024-06\nlicense: Apache-2.0\nlinks:\n  - title: Model card\n    url: https://example.com/b\n",
                                      body: "Intro of b.\n\n## Verdict\n\nGood.\n"),
        "reviews/z.md": Fixtures.review("z", model: "zulu", body: "Intro of z.\n\n## Verdict\n\nUntested.\n"),
    ]

    static func build() async throws -> URL {
        let content = try Fixtures.site(files)
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes))
        return output
    }

    /// Every HTML page of a built site, relative path → text.
    static func pages(_ output: URL) throws -> [String: String] {
        try Fixtures.snapshot(of: output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

@Suite("Review page: the scorecard comes first")
struct ScorecardPageTests {
    @Test func scorecardSitsUnderTheTitleBeforeTheIntro() async throws {
        let html = try Fixtures.read(try await ReaderSite.build(), "models/b/index.html")
        let title = try #require(html.range(of: "<h1>Model b</h1>"))
        let subtitle = try #require(html.range(of: "<p class=\"subtitle\">The b subtitle.</p>"))
        let card = try #require(html.range(of: "<section class=\"scorecard\" id=\"scorecard\""))
        let intro = try #require(html.range(of: "<div class=\"intro\">"))
        #expect(title.upperBound <= subtitle.lowerBound)
        #expect(subtitle.upperBound <= card.lowerBound)
        #expect(card.upperBound <= intro.lowerBound)
        #expect(html.components(separatedBy: "<section class=\"scorecard").count == 2, "one scorecard, not repeated by the benchmark section")
        let scorecard = String(html[card.lowerBound...].prefix(4000))
        let end = try #require(scorecard.range(of: "</section>"))
        let body = String(scorecard[..<end.lowerBound])
        // alpha 73.6, echo 71, bravo 70, charlie 68.25: third of four.
        #expect(body.contains("<span class=\"scorecard-value\">3 of 4</span>"))
        #expect(body.contains("<span class=\"scorecard-value\">70.0 pts</span>"))
        #expect(body.contains("<a href=\"/benchmarks/2026-03-15/\">Run of 15 March 2026</a>, <time datetime=\"2026-03-15\">15 March 2026</time>"))
        // echo joined above bravo and delta left below it: among the models in both runs bravo did not move.
        #expect(body.contains("move-same"))
        #expect(!body.contains("move-down"))
        // One more metric per group, the ranking metric's group included: reasoning, ttft, price; not throughput.
        for name in ["Reasoning", "Time to first token", "Blended price"] { #expect(body.contains(name), "\(name)") }
        #expect(!body.contains("Output speed"))
        #expect(body.contains("$0.15/Mtok"))
    }

    @Test func staleNoticePointsToTheScorecardAndFactsAreShown() async throws {
        let html = try Fixtures.read(try await ReaderSite.build(), "models/b/index.html")
        let notice = try #require(html.range(of: "<p class=\"notice\" role=\"note\">"))
        #expect(html[notice.upperBound...].prefix(200).contains("<a href=\"#scorecard\">scorecard</a>"))
        #expect(html.contains("<dt>Context window</dt><dd>128,000 tokens</dd>"))
        #expect(html.contains("<dt>Knowledge cutoff</dt><dd><time datetime=\"2024-06\">June 2024</time></dd>"))
        #expect(html.contains("<dt>Weights</dt><dd>Open</dd>"))
        #expect(html.contains("<dt>License</dt><dd>Apache-2.0</dd>"))
        #expect(html.contains("<a href=\"https://example.com/b\" rel=\"external\">Model card</a>"))
    }

    @Test func modelsInNoSnapshotAreNotBenchmarkedYet() async throws {
        let html = try Fixtures.read(try await ReaderSite.build(), "models/z/index.html")
        let card = try #require(html.range(of: "<section class=\"scorecard scorecard-empty\" id=\"scorecard\""))
        let intro = try #require(html.range(of: "<div class=\"intro\">"))
        #expect(card.upperBound <= intro.lowerBound)
        #expect(html[card.upperBound...].prefix(200).contains("Not benchmarked yet"))
        #expect(!html.contains("Context window"), "no facts row without the field")
    }

    @Test func moreMetricsAreOnePerGroupAndNoneWithoutGroups() {
        func metric(_ id: String, _ group: String?) -> Metric { Metric(id: id, name: id, unit: "", better: .higher, group: group) }
        func snapshot(_ metrics: [Metric]) -> Snapshot {
            Snapshot(file: Fixtures.source(""), date: Day("2026-01-01")!, title: "", rankBy: "q1", metrics: metrics, results: [])
        }
        let grouped = snapshot([metric("q1", "quality"), metric("q2", "quality"), metric("s1", "speed"), metric("s2", "speed"),
                                metric("c1", "cost"), metric("x", "safety"), metric("y", "size"), metric("z", "more")])
        #expect(Scorecard.moreMetrics(grouped).map(\.id) == ["q2", "s1", "c1", "x"], "one per group, at most four")
        #expect(Scorecard.moreMetrics(snapshot([metric("q1", nil), metric("q2", nil)])).isEmpty)
    }
}

@Suite("Honest numbers: decimals, dates, movement, bar scales")
struct HonestNumbersTests {
    @Test func decimalsTellValuesApartWithoutInventingPrecision() {
        #expect(Ranking.decimals(of: [73.6, 70, 68.25, 71]) == 1, "three significant digits of 73.6, and 68.3 is still apart")
        #expect(Ranking.decimals(of: [61.51, 61.54, 40]) == 2, "61.5 twice would hide a difference")
        #expect(Ranking.decimals(of: [560, 575, 1200]) == 0)
        #expect(Ranking.decimals(of: [74, 81, 90.0]) == 0, "never more than the data has")
        #expect(Ranking.decimals(of: [0.7, 0.15, 0.175, 1.6]) == 2, "$0.18 beside $1.60")
        #expect(Ranking.decimals(of: [0.02, 15]) == 2, "a non-zero price never prints as 0.0")
        #expect(Ranking.decimals(of: [1287, 1290.5]) == 0)
        #expect(Ranking.decimals(of: [1287, 1287.4]) == 1)
        #expect(Ranking.decimals(of: []) == 0)
        #expect(Ranking.decimals(of: [65.2, 62.51, 40], errors: [0.38, 0.02]) == 2, "no standard error reads ± 0.0")
        #expect(Ranking.decimals(of: [74, 81], errors: [0.4]) == 1)
        #expect(Ranking.decimals(of: [73.6, 70.1], errors: [0.4]) == 1, "errors never lower the values' decimals")
        #expect(Format.number(65.2, stderr: 0.38, decimals: 2) == "65.20 ± 0.38")
        #expect(Format.number(65.2, stderr: 0.04, decimals: 1) == "65.2 ± 0.04", "an error never reads zero")
        #expect(Format.value(70, unit: "pts", decimals: 1) == "70.0 pts")
        #expect(Format.value(0.175, unit: "$/Mtok", decimals: 2) == "$0.18/Mtok")
        #expect(Format.number(-0.01, decimals: 1) == "0.0")
    }

    /// One metric, every page: the value 70 of a one-decimal metric is "70.0" in the leaderboard, the review's
    /// scorecard and table, the compare page, the capability-less chart labels; 68.25 is "68.3" everywhere.
    @Test func oneMetricShowsTheSameDecimalsOnEveryPage() async throws {
        let pages = try ReaderSite.pages(try await ReaderSite.build())
        let leaderboard = try #require(pages["benchmarks/leaderboard/index.html"])
        #expect(leaderboard.contains(">70.0</td>"))
        #expect(leaderboard.contains(">68.3</td>"))
        #expect(leaderboard.contains(">0.18</td>"), "prices follow the rule")
        #expect(leaderboard.contains("70.0 pts"), "chart labels too")
        let review = try #require(pages["models/b/index.html"])
        #expect(review.contains("<td class=\"num\">70.0 pts"))
        #expect(review.contains("<td class=\"num\">70.5 pts</td>"), "the median (70 and 71) with the metric's decimals")
        let compare = try #require(pages["compare/a-vs-b/index.html"])
        #expect(compare.contains(">70.0 pts</td>"))
        for (path, html) in pages {
            #expect(html.range(of: #"(?<![\d.])70 pts"#, options: .regularExpression) == nil, "\(path) shows 70 without its decimal")
            #expect(!html.contains("68.25"), "\(path) shows more decimals than the metric's")
        }
    }

    @Test func datesReadOneWayInTimeElements() async throws {
        let pages = try ReaderSite.pages(try await ReaderSite.build())
        var checked = 0
        for (path, html) in pages {
            let times = try Regex(#"<time datetime="([^"]+)">([^<]*)</time>"#)
            for match in html.matches(of: times) {
                let iso = String(match.output[1].substring!), shown = String(match.output[2].substring!)
                let date = try #require(DayOrMonth(iso), "\(path): \(iso)")
                #expect(shown == date.longDescription, "\(path): \(iso) shown as \(shown)")
                checked += 1
            }
            // No date in the visible text outside <time>: drop scripts, code, tags and <time> elements first.
            var text = html.replacing(try Regex(#"(?s)<script.*?</script>|<code.*?</code>|<time[^>]*>.*?</time>"#), with: "")
            text = text.replacing(try Regex(#"<[^>]+>"#), with: " ")
            #expect(text.firstMatch(of: try Regex(#"\b20\d\d-\d\d-\d\d\b"#)) == nil, "\(path) shows an ISO date")
        }
        #expect(checked > 20)
        #expect(DayOrMonth("2024-06")?.longDescription == "June 2024")
        #expect(DayOrMonth("2024-06-01")?.longDescription == "1 June 2024")
        #expect(DayOrMonth("2024-13") == nil && DayOrMonth("2024-6") == nil && DayOrMonth("June 2024") == nil)
    }

    func result(_ model: String, _ value: Double?) -> SnapshotResult {
        SnapshotResult(model: model, name: model.uppercased(), vendor: nil, tier: nil, scores: value.map { ["q": $0] } ?? [:])
    }

    func ranked(_ runs: [[SnapshotResult]]) -> [RankedSnapshot] {
        let metric = Metric(id: "q", name: "Q", unit: "", better: .higher, group: nil)
        return RankedSnapshot.rank(runs.enumerated().map { index, results in
            let date = "2026-0\(index + 1)-01"
            return Snapshot(file: Fixtures.source("", path: date), date: Day(date)!, title: date, rankBy: "q", metrics: [metric], results: results)
        })
    }

    @Test func aModelJoiningMovesNobodyElse() {
        let runs = ranked([[result("a", 90), result("b", 80), result("c", 70)],
                           [result("n", 95), result("a", 90), result("b", 80), result("c", 70)]])
        #expect(runs[1].movements == ["n": .new, "a": .change(0), "b": .change(0), "c": .change(0)])
    }

    @Test func aModelLeavingMovesNobodyElse() {
        let runs = ranked([[result("a", 90), result("b", 80), result("c", 70)], [result("b", 80), result("c", 70)]])
        #expect(runs[1].movements == ["b": .change(0), "c": .change(0)])
        #expect(SnapshotChange.all(runs)[0].moves.isEmpty)
        #expect(SnapshotChange.all(runs)[0].dropped == ["a"])
    }

    @Test func aReturningModelIsNewAgainAndRealPassesStillCount() {
        let runs = ranked([[result("a", 90), result("b", 80), result("c", 70)],
                           [result("b", 80), result("c", 70)],
                           [result("a", 60), result("c", 85), result("d", 99), result("b", 80)]])
        let moves = runs[2].movements ?? [:]
        #expect(moves["a"] == .new, "absent from the previous snapshot")
        #expect(moves["d"] == .new)
        #expect(moves["c"] == .change(1), "passed b: 2nd → 1st among b and c")
        #expect(moves["b"] == .change(-1))
        let change = SnapshotChange.all(runs)[1]
        #expect(change.moves.map { "\($0.model) \($0.from)→\($0.to)" } == ["b 1→2", "c 2→1"], "places among the models in both")
    }

    @Test func unmeasuredBeforeOrNowIsUnrankedAndMovesNobody() {
        let runs = ranked([[result("a", 90), result("u", nil), result("b", 80)], [result("u", 95), result("a", 90), result("b", 80)]])
        #expect(runs[1].movements == ["u": .unranked, "a": .change(0), "b": .change(0)])
    }

    /// Bars for two models on one metric share the snapshot's scale: widths in proportion to the values, the
    /// best value filling the track; when lower is better the better value is the shorter bar, and it says so.
    @Test func comparisonBarsShareOneScalePerMetric() throws {
        func bar(_ value: Double, better: Metric.Better, extent: ClosedRange<Double>) throws -> (width: Double, svg: String) {
            let chart = ComparisonBars(title: "t", description: "", rows: [
                .init("M", value: value, reference: nil, unit: "pts", better: better, extent: extent, decimals: 1),
            ])
            let svg = chart.render(chart.rows[0])
            let match = try #require(svg.firstMatch(of: try Regex(#"class="chart-bar"[^>]*width="([0-9.]+)""#)))
            return (Double(match.output[1].substring!)!, svg)
        }
        let track = 600.0 - 16
        let best = try bar(80, better: .higher, extent: 40...80), half = try bar(40, better: .higher, extent: 40...80)
        #expect(abs(best.width - track) < 0.01, "the best value fills the track")
        #expect(abs(half.width - track / 2) < 0.01, "half the value, half the bar: zero-based, shared")
        #expect(best.svg.contains("80.0 pts, the best in this snapshot"))
        #expect(best.svg.contains(">0<"), "the scale starts at a labelled zero")
        let fast = try bar(100, better: .lower, extent: 100...400), slow = try bar(400, better: .lower, extent: 100...400)
        #expect(fast.width < slow.width, "lower is better: the better value is the shorter bar")
        #expect(fast.svg.contains("shorter is better"))
    }
}

@Suite("Review facts: new front-matter fields")
struct ReviewFactsTests {
    func decode(_ extra: String) -> (ReviewSource?, [Diagnostic]) {
        ReviewSource.decode(Fixtures.source(Fixtures.review(extra: extra)), slug: "x")
    }

    @Test func validFactsAreDecodedAndKnown() throws {
        let (source, diagnostics) = decode("""
            context: 1047576
            license: proprietary
            openWeights: false
            knowledgeCutoff: 2024-06-01
            links:
              - title: API docs
                url: https://example.com/docs
              - title: Method
                url: /benchmarks/methodology/

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let facts = try #require(source?.meta.facts)
        #expect(facts.context == 1_047_576)
        #expect(facts.license == "proprietary")
        #expect(facts.openWeights == false)
        #expect(facts.knowledgeCutoff == DayOrMonth("2024-06-01"))
        #expect(facts.links.map(\.url) == ["https://example.com/docs", "/benchmarks/methodology/"])
    }

    /// Each wrong type is an error at its value's line and column, all in one run, and none is "unknown".
    @Test func wrongTypesAreErrorsAtLineAndColumn() {
        let (source, diagnostics) = decode("""
            context: lots
            license: 2024
            openWeights: maybe
            knowledgeCutoff: June 2024
            links:
              - https://example.com
              - title: Card
              - title: Paper
                url: ftp://example.com/p

            """)
        #expect(source == nil)
        #expect(diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["6:10", "7:10", "8:14", "9:18", "11:5", "12:5", "14:10"])
        let starts = ["`context` must be", "`license` must be text", "`openWeights` must be true or false", "`knowledgeCutoff` must be a month",
                      "each entry of `links`", "a link needs `url:`", "a link's `url` must start with"]
        for (diagnostic, start) in zip(diagnostics, starts) { #expect(diagnostic.message.hasPrefix(start), "\(diagnostic.message)") }
        #expect(!diagnostics.contains { $0.message.contains("unknown") })
        #expect(diagnostics.allSatisfy { $0.description.hasPrefix("Content/reviews/x.md:\($0.line ?? 0):\($0.column ?? 0): error: ") })
    }

    @Test func linksMustBeAList() {
        let (_, diagnostics) = decode("links: https://example.com\n")
        #expect(diagnostics.map(\.line) == [6])
        #expect(diagnostics.first?.column == 8)
        #expect(diagnostics.first?.message.hasPrefix("`links` must be a list") == true)
    }
}
