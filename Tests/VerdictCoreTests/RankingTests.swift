import Foundation
import Testing
@testable import VerdictCore

@Suite("Assemble: ranking and movement")
struct RankingTests {
    func result(_ model: String, _ name: String, _ scores: [String: Double]) -> SnapshotResult {
        SnapshotResult(model: model, name: name, vendor: nil, tier: nil, scores: scores)
    }

    let higher = Metric(id: "q", name: "Q", unit: "", better: .higher, group: nil)
    let lower = Metric(id: "t", name: "T", unit: "ms", better: .lower, group: nil)

    @Test func tiesShareARankAndNullsComeLast() {
        let ranking = Ranking(metric: higher, results: [
            result("d", "Delta", ["q": 50]), result("n", "None", [:]), result("b", "Bravo", ["q": 70]),
            result("a", "Alpha", ["q": 70]), result("c", "Charlie", ["q": 90]),
        ])
        #expect(ranking.entries.map(\.result.model) == ["c", "a", "b", "d", "n"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 2, 4, nil])
        #expect(ranking.rankedCount == 4)
        #expect(ranking.rank(of: "n") == nil)
    }

    @Test func lowerIsBetterAndTiesOrderByNameThenModel() {
        let ranking = Ranking(metric: lower, results: [
            result("z", "Same", ["t": 100]), result("y", "Same", ["t": 100]), result("x", "Fast", ["t": 10]),
        ])
        #expect(ranking.entries.map(\.result.model) == ["x", "y", "z"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 2])
    }

    @Test func movementComparesWithThePreviousSnapshot() {
        func snapshot(_ date: String, _ results: [SnapshotResult]) -> Snapshot {
            Snapshot(file: SourceFile(path: date, relativePath: date, text: ""), date: Day(date)!, title: date, rankBy: "q", metrics: [higher], results: results)
        }
        let ranked = RankedSnapshot.rank([
            snapshot("2026-01-01", [result("a", "A", ["q": 1]), result("b", "B", ["q": 2]), result("c", "C", [:])]),
            snapshot("2026-02-01", [result("a", "A", ["q": 3]), result("b", "B", ["q": 2]), result("n", "N", ["q": 0]), result("c", "C", ["q": 1])]),
        ])
        #expect(ranked[0].movements == nil)
        let moves = ranked[1].movements ?? [:]
        #expect(moves["a"] == .change(1))
        #expect(moves["b"] == .change(-1))
        #expect(moves["n"] == .new)
        #expect(moves["c"] == .unranked)
    }
}

@Suite("Render: number formatting")
struct FormatTests {
    @Test func roundsTheWrittenDecimalHalfAwayFromZero() {
        #expect(Format.number(939.85) == "939.9")
        #expect(Format.number(1.005) == "1.01")
        #expect(Format.number(61.5) == "61.5")
        #expect(Format.number(74.80) == "74.8")
        #expect(Format.number(99.995) == "100")
        #expect(Format.number(0.175) == "0.175")
        #expect(Format.number(0.00012345) == "0.000123")
        #expect(Format.number(-2.5) == "-2.5")
        #expect(Format.number(-0.0001) == "-0.0001")
        #expect(Format.number(0) == "0")
        #expect(Format.number(1234.56) == "1234.6")
        #expect(Format.number(520) == "520")
        #expect(Format.fixed(9.96, decimals: 1) == "10")
        #expect(Format.fixed(-0.04, decimals: 1) == "0")
    }

    /// Against Foundation's decimal rounding of the same shortest form, on values like a snapshot's.
    @Test func agreesWithDecimalRoundingOnGeneratedValues() {
        var generator = CorpusGenerator.Random(state: 7)
        for index in 0..<5_000 {
            let scale = [1.0, 100.0, 0.01, 10_000.0][index % 4]
            let value = (Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 1000 * scale)
            let decimals = index % 5
            var source = Decimal(string: value.description)!
            var rounded = Decimal()
            NSDecimalRound(&rounded, &source, decimals, .plain)
            let expected = rounded.isZero ? "0" : "\(rounded)"
            #expect(Format.fixed(value, decimals: decimals) == expected, "\(value) to \(decimals) places")
        }
    }

    @Test func rankReadsAsPlaceOfCountOrADash() {
        #expect(Format.rank(4, of: 9) == "4 of 9")
        #expect(Format.rank(nil, of: 9) == "—")
    }
}
