import Foundation
import Testing
@testable import VerdictCore

@Suite("Snapshots: standard errors and source")
struct StderrTests {
    func decode(_ json: String) -> (Snapshot?, [Diagnostic]) {
        SnapshotDecoder.decode(SourceFile(path: "b.json", relativePath: "benchmarks/b.json", text: json))
    }

    let metrics = #"[{"id": "mmlu", "name": "MMLU", "unit": "%", "better": "higher"}, {"id": "gsm8k", "name": "GSM8K", "better": "higher"}]"#

    @Test func decodesStderrAndSource() throws {
        let (snapshot, diagnostics) = decode(#"""
            {"date": "2026-05-22", "source": "lm-evaluation-harness (results.json)", "metrics": \#(metrics),
             "results": [{"model": "m", "scores": {"mmlu": 65.2, "gsm8k": 40}, "stderr": {"mmlu": 0.38, "gsm8k": null}},
                         {"model": "n", "scores": {"mmlu": 60}}]}
            """#)
        #expect(diagnostics.isEmpty)
        let value = try #require(snapshot)
        #expect(value.source == "lm-evaluation-harness (results.json)")
        #expect(value.results[0].stderr == ["mmlu": 0.38])
        #expect(value.results[1].stderr.isEmpty)
    }

    @Test func withoutThemNothingChanges() throws {
        let (snapshot, diagnostics) = decode(#"{"date": "2026-05-22", "metrics": \#(metrics), "results": [{"model": "m", "scores": {"mmlu": 1, "gsm8k": 2}}]}"#)
        #expect(diagnostics.isEmpty)
        #expect(snapshot?.source == nil)
        #expect(snapshot?.results.first?.stderr.isEmpty == true)
    }

    @Test func unknownMetricInStderrNamesItsLine() {
        let json = "{\"date\": \"2026-05-22\", \"metrics\": \(metrics),\n \"results\": [\n {\"model\": \"m\", \"scores\": {\"mmlu\": 3},\n \"stderr\": {\"mmlu\": 0.1,\n \"mmlu_pro\": 0.2}}]}"
        let (snapshot, diagnostics) = decode(json)
        #expect(snapshot == nil)
        #expect(diagnostics.map(\.line) == [5])
        #expect(diagnostics.first?.message.contains("has a stderr for unknown metric \"mmlu_pro\"; known metrics: mmlu, gsm8k") == true)
    }

    @Test func nonNumbersInStderrAreRefusedWithTheirLine() {
        let json = "{\"date\": \"2026-05-22\", \"metrics\": \(metrics),\n\"results\": [{\"model\": \"m\", \"scores\": {\"mmlu\": 3},\n\"stderr\": {\n\"mmlu\": \"0.4\"}}]}"
        let (_, diagnostics) = decode(json)
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message == "`results[0].stderr.mmlu` must be a number or null")
        let list = decode("{\"date\": \"2026-05-22\", \"metrics\": \(metrics),\n\"results\": [{\"model\": \"m\", \"scores\": {\"mmlu\": 3},\n\"stderr\": [0.4]}]}").1
        #expect(list.first?.line == 3)
        #expect(list.first?.message == "`results[0].stderr` must be an object")
        let source = decode("{\"date\": \"2026-05-22\",\n\"source\": 3, \"metrics\": \(metrics), \"results\": []}").1
        #expect(source.first?.line == 2)
        #expect(source.first?.message == "`source` must be text")
    }

    @Test func negativeStderrIsAnErrorAndStderrWithoutAScoreAWarning() throws {
        let negative = decode("{\"date\": \"2026-05-22\", \"metrics\": \(metrics),\n\"results\": [{\"model\": \"m\", \"scores\": {\"mmlu\": 3},\n\"stderr\": {\"mmlu\": -0.1}}]}")
        #expect(negative.0 == nil)
        #expect(negative.1.map(\.line) == [3])
        #expect(negative.1.first?.message.contains("stderr \"mmlu\" must be a finite number of 0 or more, or null") == true)

        let orphan = decode("{\"date\": \"2026-05-22\", \"metrics\": \(metrics),\n\"results\": [{\"model\": \"m\", \"scores\": {\"mmlu\": 3, \"gsm8k\": null},\n\"stderr\": {\"gsm8k\": 0.5}}]}")
        let snapshot = try #require(orphan.0)
        #expect(snapshot.results[0].stderr.isEmpty)
        #expect(orphan.1.map(\.severity) == [.warning, .warning], "the stderr, and gsm8k having no value at all")
        #expect(orphan.1.contains { $0.line == 3 && $0.message.contains("has a stderr for \"gsm8k\" but no score") })
    }

    @Test(arguments: [
        (65.2, 0.38, "65.2 ± 0.4"),
        (62.51, 0.02, "62.51 ± 0.02"),
        (65.2, 1.0, "65.2 ± 1.0"),
        (65.0, 2.3, "65 ± 2"),
        (65.0, 0.41, "65.00 ± 0.41"),
        (65.2, 0.04, "65.20 ± 0.04"),
        (1234.0, 12.3, "1234 ± 12"),
        (0.5123, 0.0123, "0.512 ± 0.012"),
        (-3.25, 0.5, "-3.25 ± 0.50"),
    ])
    func stderrIsRoundedToTheValuesDecimals(value: Double, stderr: Double, shown: String) {
        #expect(Format.number(value, stderr: stderr) == shown)
    }

    @Test func valuesWithoutStderrReadAsBefore() {
        #expect(Format.number(65.2, stderr: nil) == Format.number(65.2))
        #expect(Format.value(65.2, stderr: nil, unit: "%") == "65.2 %")
        #expect(Format.value(65.2, stderr: 0.38, unit: "%") == "65.2 ± 0.4 %")
        #expect(Format.value(0.15, stderr: 0.01, unit: "$/M") == "$0.15 ± 0.01/M")
        #expect(Format.value(nil, stderr: 0.4, unit: "%") == "—")
    }
}
