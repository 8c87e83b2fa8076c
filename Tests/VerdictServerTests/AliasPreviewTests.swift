import Foundation
import Testing
@testable import VerdictCore

extension PreviewBuilderTests {
    /// Rankings are reused between rebuilds only while the snapshot files are the same; a review edit
    /// that changes which ids are aliases must rank again, or the joined model would keep its old id.
    @Test func anAliasEditRanksTheSnapshotsAgain() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let builder = builder(site)
        _ = try await builder.build()

        let text = try site.read("reviews/beta-two.md")
        try site.write("reviews/beta-two.md", text.replacingOccurrences(of: "model: beta-2\n", with: "model: beta-two-pro\naliases: [beta-2]\n"))
        let result = try await builder.build()
        #expect(!result.diagnostics.contains { $0.message.contains("in no benchmark snapshot") && $0.path.hasSuffix("beta-two.md") },
                "\(result.diagnostics)")
        _ = try await builder.catchUp()
        let board = try String(contentsOf: site.output.appendingPathComponent("api/leaderboard.json"), encoding: .utf8)
        #expect(board.contains("\"model\" : \"beta-two-pro\""))
        #expect(!board.contains("\"model\" : \"beta-2\""))
        try await expectSameAsBuild(site, "after an alias edit and its catch-up")
    }
}
