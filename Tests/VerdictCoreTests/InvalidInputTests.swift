import Foundation
import Testing
@testable import VerdictCore

/// Every folder under Fixtures/invalid/ is a small site with one kind of bad input, and an
/// `expected.txt` of `path:line: message fragment` lines (`path: message fragment` for a problem of a
/// whole file) that the build must report, printed as `path:line:column: error: message` (`path: error: message`).
@Suite("Bad input: a clear error, nothing lost")
struct InvalidInputTests {
    static let cases: [String] = {
        let folder = Fixtures.root.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    /// An output folder from an earlier good build, which a failed build must leave byte-for-byte alone.
    static func previousOutput() async throws -> URL {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("Public")
        _ = try await SiteBuilder.build(BuildOptions(content: Fixtures.content("basic"), output: output, themes: Fixtures.themes))
        return output
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func reportsTheExactDiagnostic(_ name: String) async throws {
        let folder = Fixtures.root.appendingPathComponent("invalid/\(name)")
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let content = folder.appendingPathComponent("Content")
        let output = try await Self.previousOutput()
        let before = try Fixtures.snapshot(of: output)

        var diagnostics: [Diagnostic] = []
        do {
            _ = try await SiteBuilder.build(BuildOptions(content: content, contentDisplay: "Content", output: output, themes: Fixtures.themes))
            Issue.record("\(name): the build should fail")
        } catch {
            diagnostics = error.diagnostics
        }
        let printed = diagnostics.map(\.description)
        for line in expected {
            let (location, fragment) = split(line)
            #expect(printed.contains { Self.isPrinted($0, at: location) && $0.contains(fragment) },
                    "\(name): expected Content/\(line)\ngot:\n\(printed.joined(separator: "\n"))")
        }
        #expect(try Fixtures.snapshot(of: output) == before, "\(name): the previous output must be untouched")

        // `verdict check` reports the same problems and exits 1.
        let report = CheckReport(diagnostics: await SiteBuilder.check(content: content, contentDisplay: "Content", themes: Fixtures.themes), strict: false)
        #expect(report.exitStatus == 1)
        for line in expected {
            let (location, fragment) = split(line)
            #expect(report.effective.contains { Self.isPrinted($0.description, at: location) && $0.severity == .error && $0.message.contains(fragment) },
                    "\(name): check should report Content/\(line)")
        }
    }

    /// `reviews/x.md:3: message` → ("reviews/x.md:3", "message"); `reviews/x.md: message` → ("reviews/x.md", "message").
    private func split(_ line: String) -> (String, String) {
        let parts = line.split(separator: ":", maxSplits: 2).map { String($0) }
        if parts.count == 3, Int(parts[1]) != nil {
            return ("\(parts[0]):\(parts[1])", parts[2].trimmingCharacters(in: .whitespaces))
        }
        let colon = line.firstIndex(of: ":")!
        return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// `text` is an error printed at `location`: with a line, a column follows it; without one, the path alone.
    private static func isPrinted(_ text: String, at location: String) -> Bool {
        let prefix = "Content/" + location
        guard text.hasPrefix(prefix) else { return false }
        var rest = text.dropFirst(prefix.count)
        if location.last?.isNumber == true {
            guard rest.first == ":", rest.dropFirst().first?.isNumber == true else { return false }
            rest = rest.dropFirst().drop { $0.isNumber }
        }
        return rest.hasPrefix(": error: ")
    }

    @Test func symbolicLinkOutsideContentIsRefused() async throws {
        let content = try Fixtures.site(["site.yml": Fixtures.siteYML, "reviews/a.md": Fixtures.review("a")])
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("reviews/evil.md").path,
                                                   withDestinationPath: "/etc/hostname")
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        do {
            _ = try await SiteBuilder.build(BuildOptions(content: content, contentDisplay: "Content", output: output, themes: Fixtures.themes))
            Issue.record("expected a failure")
        } catch {
            #expect(error.description.contains("Content/reviews/evil.md: error: symbolic link points outside the content folder"))
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func hugeReviewIsRefusedQuickly() async throws {
        let content = try Fixtures.site(["site.yml": Fixtures.siteYML, "reviews/small.md": Fixtures.review("small")])
        let big = Data(Fixtures.review("big").utf8) + Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        try big.write(to: content.appendingPathComponent("reviews/big.md"))
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        do {
            _ = try await SiteBuilder.build(BuildOptions(content: content, contentDisplay: "Content", output: output, themes: Fixtures.themes))
            Issue.record("expected a failure")
        } catch {
            #expect(error.description.contains("Content/reviews/big.md: error: file is 50 MB; the limit is 8 MB per file"))
        }
    }

    @Test func byteOrderMarksCRLFAndDeepNestingSimplyWork() async throws {
        let crlf = "\u{FEFF}" + Fixtures.review("crlf", model: "crlf-1", body: "## Verdict\n\nWorks.\n").replacingOccurrences(of: "\n", with: "\r\n")
        let nested = Fixtures.review("deep", model: "deep-1", body: "## Verdict\n\n" + String(repeating: "> ", count: 3_000) + "quote\n\n"
            + (0..<1_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n")
        let content = try Fixtures.site(["site.yml": Fixtures.siteYML, "reviews/crlf.md": crlf, "reviews/deep.md": nested])
        let output = content.deletingLastPathComponent().appendingPathComponent("Public")
        let report = try await SiteBuilder.build(BuildOptions(content: content, output: output, themes: Fixtures.themes))
        #expect(report.reviews == 2)
        let page = try Fixtures.read(output, "models/crlf/index.html")
        #expect(page.contains("<p>Works.</p>"))
        #expect(!page.contains("\r"))
    }
}
