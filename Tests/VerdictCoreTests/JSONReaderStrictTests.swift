import Foundation
import Testing
@testable import VerdictCore

/// Snapshots are read with `JSONReader` in strict mode first; whatever it accepts must be standard JSON,
/// or a snapshot JSONDecoder would reject would slip through the fast path.
@Suite("JSON reader, strict: standard JSON only")
struct JSONReaderStrictTests {
    @Test(arguments: ["01", ".5", "1.", "1.e3", "-", "1e", "+1", "NaN", "Infinity", "-Infinity", "1e999"])
    func notAStandardNumber(_ text: String) {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(Data("[\(text)]".utf8), strict: true) }
    }

    @Test(arguments: ["0", "-0", "85", "1.21", "-0.5e+3", "6.02E23", "1e-7"])
    func aStandardNumber(_ text: String) throws {
        let value = try JSONReader.parse(Data("[\(text)]".utf8), strict: true) as? [Any]
        #expect(value?.first as? Double == Double(text))
    }

    @Test func leniencyStaysForImports() throws {
        let value = try JSONReader.parse(Data("[NaN, -Infinity, 01]".utf8)) as? [Any]
        #expect(value?.count == 3 && value?[0] is NSNull && value?[1] is NSNull)
    }

    /// A score that is not a number is refused by the fast path and reported by the JSONDecoder path,
    /// at its line, as before.
    @Test func aSnapshotTheFastPathRefusesIsStillReportedAtItsLine() {
        let text = """
        {
          "date": "2026-05-01",
          "metrics": [{ "id": "overall", "name": "Overall", "better": "higher" }],
          "results": [
            { "model": "a", "scores": { "overall": true } }
          ]
        }
        """
        let file = SourceFile(path: "benchmarks/2026-05.json", relativePath: "benchmarks/2026-05.json", text: text)
        let (snapshot, problems) = SnapshotDecoder.decode(file)
        #expect(snapshot == nil)
        #expect(problems.map(\.description) == ["benchmarks/2026-05.json:5:1: error: `results[0].scores.overall` must be a number or null"])
    }

    @Test func aWellFormedSnapshotReadsTheSameEitherWay() throws {
        let text = """
        {"date": "2026-05-01", "title": null, "source": "x",
         "metrics": [{"id": "overall", "name": "Overall", "better": "higher", "unit": "%", "group": null}],
         "results": [{"model": "a", "name": "A", "scores": {"overall": 72.5}, "stderr": {"overall": 0.4}},
                     {"model": "b", "vendor": "B", "scores": {"overall": null}}]}
        """
        let file = SourceFile(path: "s.json", relativePath: "s.json", text: text)
        let (snapshot, problems) = SnapshotDecoder.decode(file)
        let decoded = try #require(snapshot)
        #expect(problems.isEmpty)
        #expect(decoded.title == "Benchmark snapshot 2026-05-01" && decoded.source == "x")
        #expect(decoded.metrics.map(\.unit) == ["%"])
        #expect(decoded.results.map(\.model) == ["a", "b"])
        #expect(decoded.results[0].scores == ["overall": 72.5] && decoded.results[0].stderr == ["overall": 0.4])
        #expect(decoded.results[1].scores.isEmpty && decoded.results[1].vendor == "B")
    }
}
