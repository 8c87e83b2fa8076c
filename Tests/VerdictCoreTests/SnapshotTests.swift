import Foundation
import Testing
@testable import VerdictCore

@Suite("Load: benchmark snapshots")
struct SnapshotTests {
    func decode(_ json: String) -> (Snapshot?, [Diagnostic]) {
        SnapshotDecoder.decode(SourceFile(path: "b.json", relativePath: "benchmarks/b.json", text: json))
    }

    let metrics = #"[{"id": "overall", "name": "Overall", "better": "higher"}, {"id": "ttft", "name": "TTFT", "unit": "ms", "better": "lower"}]"#

    @Test func decodesTheDocumentedFormat() throws {
        let (snapshot, diagnostics) = decode(#"{"date": "2026-05-22", "metrics": \#(metrics), "results": [{"model": "m", "scores": {"overall": 1.5, "ttft": null}}, {"model": "n", "scores": {"ttft": 3}}]}"#)
        #expect(diagnostics.isEmpty)
        let value = try #require(snapshot)
        #expect(value.rankBy == "overall")
        #expect(value.results.first?.name == "m")
        #expect(value.results.first?.scores == ["overall": 1.5])
    }

    @Test func unknownMetricInScoresNamesItsLine() {
        let json = "{\"date\": \"2026-05-22\", \"metrics\": \(metrics),\n \"results\": [\n {\"model\": \"m\",\n \"scores\": {\n \"overal\": 3}}]}"
        let (snapshot, diagnostics) = decode(json)
        #expect(snapshot == nil)
        #expect(diagnostics.first?.line == 5)
        #expect(diagnostics.first?.message.contains("unknown metric \"overal\"") == true)
    }

    @Test func stringScoresAreRefusedWithTheirLine() {
        let (_, diagnostics) = decode("{\"date\": \"2026-05-22\", \"metrics\": \(metrics),\n\"results\": [{\"model\": \"m\",\n\"scores\": {\"overall\": \"NaN\"}}]}")
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.message.contains("must be a number or null") == true)
    }

    @Test func trailingCommasAreRefused() {
        let (_, diagnostics) = decode("{\"date\": \"2026-05-22\",\n\"metrics\": \(metrics),\n\"results\": [],\n}")
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.message.contains("trailing comma") == true)
    }

    @Test func syntaxErrorsHaveALine() {
        let (_, diagnostics) = decode("{\n\"date\": \"2026-05-22\"\n\"metrics\": []}")
        #expect(diagnostics.first?.message.hasPrefix("invalid JSON") == true)
        #expect(diagnostics.first?.line == 3)
    }

    /// Foundation gives no position for a number too large for a Double; the number is found instead,
    /// and not where the same digits appear inside a string.
    @Test func numbersTooLargeHaveTheirLine() {
        let text = "{\"date\": \"2026-05-22\", \"title\": \"1e400\",\n\"metrics\": [{\"id\": \"a\", \"name\": \"A\", \"better\": \"higher\"}],\n"
            + "\"results\": [\n{\"model\": \"m\", \"name\": \"M\", \"vendor\": \"V\", \"scores\": {\"a\": 1e400}}]}"
        let (_, diagnostics) = decode(text)
        #expect(diagnostics.first?.message.contains("1e400") == true, "\(diagnostics)")
        #expect(diagnostics.first?.line == 4)
    }

    /// Files from other evaluation tools say what they are, at the field that failed; a snapshot with one
    /// wrong field gets no such hint.
    @Test func otherToolsOutputIsNamed() {
        let harness = "{\"results\": {\"arc_easy\": {\"acc,none\": 0.43}},\n\"versions\": {\"arc_easy\": 1},\n\"date\": 1737780523.6}"
        let (_, found) = decode(harness)
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.hasPrefix("`date` must be text; this looks like lm-evaluation-harness output") == true, "\(found)")
        let table = #"{"title": "Safety", "header": [{"value": "Model"}], "rows": [[{"value": "m"}]]}"#
        #expect(decode(table).1.first?.message.contains("; this file is not a Verdict snapshot: a snapshot is an object with `date`") == true)
        let list = #"[{"model": "m", "score": 1}]"#
        #expect(decode(list).1.first?.message.contains("this file is not a Verdict snapshot") == true)
        let wrongField = #"{"date": 20260522, "metrics": [], "results": []}"#
        #expect(decode(wrongField).1.first?.message == "`date` must be text")
    }

    @Test func duplicateMetricsAndMissingFields() {
        let dup = #"{"date": "2026-05-22", "metrics": [{"id": "a", "name": "A", "better": "higher"}, {"id": "a", "name": "B", "better": "lower"}], "results": []}"#
        #expect(decode(dup).1.first?.message.contains("duplicate metric id") == true)
        let missing = #"{"date": "2026-05-22", "metrics": [{"id": "a", "better": "higher"}], "results": []}"#
        #expect(decode(missing).1.first?.message.contains("missing required field `name`") == true)
        let badDate = #"{"date": "2026-02-30", "metrics": [{"id": "a", "name": "A", "better": "higher"}], "results": []}"#
        #expect(decode(badDate).1.first?.message.contains("real date") == true)
        let badBetter = #"{"date": "2026-02-03", "metrics": [{"id": "a", "name": "A", "better": "up"}], "results": []}"#
        #expect(decode(badBetter).1.first?.message.contains("\"higher\" or \"lower\"") == true)
    }
}
