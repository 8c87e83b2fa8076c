import Foundation
import Testing
@testable import VerdictServer

/// Watching, rebuilding and telling open pages: the flows an editor goes through.
@Suite("verdict serve: watch, rebuild, reload", .timeLimit(.minutes(3)))
struct LiveReloadTests {
    @Test func editingAReviewSendsAReloadAndServesTheNewPage() async throws {
        try await withServer(try TestSite()) { server in
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            let hello = try await client.next("hello")
            #expect(hello.data.contains("\"generation\":1"))

            let review = try server.site.read("reviews/alpha-one.md")
            try server.site.write("reviews/alpha-one.md", review + "\nA sentence added while the preview runs.\n")

            let reload = try await client.nextReload(of: "/desk/models/alpha-one/")
            #expect(reload.data.contains("\"generation\":2"))
            #expect(reload.data.contains("\"paths\":[\"/desk/models/alpha-one/\"]"), "a quick rebuild names the page it rewrote")
            let page = try await server.get("/desk/models/alpha-one/")
            #expect(page.text.contains("A sentence added while the preview runs."))
            #expect(page.text.contains("data-generation=\"2\""))
        }
    }

    /// Known warnings are printed once, however many rebuilds and background catch-ups follow.
    @Test func knownWarningsAreNotPrintedAgainAfterACatchUp() async throws {
        try await withServer(try TestSite()) { server in
            let review = try server.site.read("reviews/alpha-one.md")
            func occurrences(_ text: String) -> Int { server.log.text.components(separatedBy: text).count - 1 }
            func waitFor(_ what: String, count: Int) async throws {
                let deadline = ContinuousClock.now + .seconds(30)
                while occurrences(what) < count {
                    guard ContinuousClock.now < deadline else { throw TestFailure("no \(what); server said:\n\(server.log.text)") }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            for edit in 1...2 {
                try server.site.write("reviews/alpha-one.md", review + "\nEdit number \(edit).\n")
                try await waitFor("in the background in ", count: edit)  // the catch-up, not the quick rebuild
            }
            #expect(occurrences("Rebuilt in") == 2)
            #expect(occurrences("capability tag \"factuality\" is used only once") == 1, "\(server.log.text)")
        }
    }

    @Test func aFailedRebuildShowsTheOverlayAndKeepsTheLastGoodSite() async throws {
        try await withServer(try TestSite()) { server in
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            _ = try await client.next("hello")
            let good = try await server.get("/desk/models/beta-two/")
            #expect(good.status == 200)

            // Break the YAML: an unclosed quote in the title.
            let original = try server.site.read("reviews/beta-two.md")
            try server.site.write("reviews/beta-two.md", original.replacingOccurrences(of: "title: \"Beta Two <Pro>\"", with: "title: \"Beta Two <Pro>"))

            let problems = try await client.next("problems")
            // As the terminal prints it, at the quote that opens the title.
            #expect(problems.data.contains("Content/reviews/beta-two.md:2:8: error: the quote &quot; that opens this value is never closed"),
                    "path:line:column: error: message, HTML-escaped: \(problems.data)")
            #expect(problems.data.contains("&lt;Pro&gt;") || !problems.data.contains("<Pro>"), "the text is HTML-escaped")

            // The last good site is still served, and a page opened now gets the overlay at once.
            let stillGood = try await server.get("/desk/models/beta-two/")
            #expect(stillGood.status == 200)
            #expect(stillGood.body == good.body)
            let status = try await server.status()
            #expect(status.problems.count >= 1)
            #expect(status.problems.allSatisfy { $0.hasPrefix("Content/reviews/beta-two.md:") })
            let late = try await EventClient.connect(port: server.port)
            defer { late.close() }
            _ = try await late.next("hello")
            _ = try await late.next("problems")
            #expect(server.log.text.contains("Content/reviews/beta-two.md:"), "the terminal shows it too")
            #expect(server.log.text.contains("still serving the last good build"))

            // Fixing the file removes the overlay. Restoring exactly the last good text changes no page,
            // so open pages are told the problem is gone ("cleared"); any other fix reloads them.
            try server.site.write("reviews/beta-two.md", original)
            let fixed = try await client.next(anyOf: ["reload", "cleared"])
            #expect(fixed.name == "cleared")
            let cleared = try await server.waitForStatus("problems to clear") { $0.problems.isEmpty }
            #expect(cleared.problems.isEmpty)
        }
    }

    @Test func badJSONIsReportedWithItsLine() async throws {
        try await withServer(try TestSite()) { server in
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            _ = try await client.next("hello")
            let original = try server.site.read("benchmarks/2026-05.json")
            try server.site.write("benchmarks/2026-05.json", original.replacingOccurrences(of: "\"title\": \"May run\",", with: "\"title\": \"May run\""))
            let problems = try await client.next("problems")
            #expect(problems.data.contains("Content/benchmarks/2026-05.json:"))
            try server.site.write("benchmarks/2026-05.json", original)
            _ = try await client.next("cleared", timeout: .seconds(20))
            // Reverting to exactly the last good input changes no page, so the overlay is simply removed.
            #expect(try await server.status().problems.isEmpty)
        }
    }

    @Test func renamedAndDeletedReviewsLoseTheirOldPages() async throws {
        try await withServer(try TestSite()) { server in
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            _ = try await client.next("hello")
            #expect(try await server.get("/desk/models/beta-two/").status == 200)

            let fm = FileManager.default
            try fm.moveItem(at: server.site.content.appendingPathComponent("reviews/beta-two.md"),
                            to: server.site.content.appendingPathComponent("reviews/beta-renamed.md"))
            _ = try await client.nextReload(of: "/desk/models/beta-two/")
            #expect(try await server.get("/desk/models/beta-two/").status == 404, "the old page is gone")
            #expect(try await server.get("/desk/models/beta-renamed/").status == 200)
            #expect(!fm.fileExists(atPath: server.site.output.appendingPathComponent("models/beta-two").path),
                    "the old folder is removed from the preview")

            try fm.removeItem(at: server.site.content.appendingPathComponent("reviews/beta-renamed.md"))
            _ = try await client.nextReload(of: "/desk/models/beta-renamed/")
            #expect(try await server.get("/desk/models/beta-renamed/").status == 404)
            // The list of models follows once the rest of the site is caught up.
            _ = try await client.nextReload(of: "/desk/models/")
            let models = try await server.get("/desk/models/")
            #expect(!models.text.contains("/desk/models/beta-renamed/"))
            #expect(!models.text.contains("/desk/models/beta-two/"))
        }
    }

    @Test func aBurstOfSavesGivesOneRebuild() async throws {
        try await withServer(try TestSite(), debounce: .milliseconds(300)) { server in
            let before = try await server.status()
            for (index, path) in ["reviews/alpha-one.md", "reviews/beta-two.md", "usecases/triage.md", "pages/benchmarks/methodology.md"].enumerated() {
                try server.site.write(path, try server.site.read(path) + "\nBurst edit \(index).\n")
            }
            try server.site.write("static/extra.txt", "new file in the burst\n")
            try await server.waitForStatus("the rebuild") { $0.rebuilds > before.rebuilds && $0.generation > before.generation }
            try await Task.sleep(for: .seconds(1))
            let settled = try await server.status()
            #expect(settled.rebuilds == before.rebuilds + 1, "one rebuild for the burst, got \(settled.rebuilds - before.rebuilds)")
            #expect(try await server.get("/desk/extra.txt").text == "new file in the burst\n")
        }
    }

    @Test func newFilesInNewNestedFoldersAreSeen() async throws {
        try await withServer(try TestSite()) { server in
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            _ = try await client.next("hello")
            try server.site.write("pages/guides/deep/nested.md", "---\ntitle: Nested guide\n---\nFound in a folder made after start.\n")
            _ = try await client.nextReload(of: "/desk/guides/deep/nested/")
            let page = try await server.get("/desk/guides/deep/nested/")
            #expect(page.status == 200)
            #expect(page.text.contains("Found in a folder made after start."))

            // A file written later into that new folder is seen too (the folder got its own watch).
            try server.site.write("pages/guides/deep/second.md", "---\ntitle: Second\n---\nSecond nested page.\n")
            _ = try await client.nextReload(of: "/desk/guides/deep/second/")
            #expect(try await server.get("/desk/guides/deep/second/").status == 200)
        }
    }

    @Test func aStylesheetOnlyChangeSwapsStylesheets() async throws {
        try await withServer(try TestSite()) { server in
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            _ = try await client.next("hello")
            let css = server.site.themes.appendingPathComponent("default/static/css/site.css")
            let text = try String(contentsOf: css, encoding: .utf8)
            try Data((text + "\n.verdict-test { color: red; }\n").utf8).write(to: css)
            let event = try await client.next("css")
            #expect(event.data.contains("\"generation\":2"))
            #expect(try await server.get("/desk/css/site.css").text.contains(".verdict-test"))
        }
    }

    @Test func editorNoiseDoesNotRebuild() async throws {
        try await withServer(try TestSite()) { server in
            let before = try await server.status()
            try server.site.write("reviews/.alpha-one.md.swp", "swap")
            try server.site.write("reviews/alpha-one.md~", "backup")
            try server.site.write("reviews/4913", "vim probe")
            try await Task.sleep(for: .milliseconds(800))
            #expect(try await server.status().rebuilds == before.rebuilds)
        }
    }

    @Test func pollingFallbackSeesChanges() async throws {
        try await withServer(try TestSite(), watchMode: .polling) { server in
            #expect(server.log.text.contains("polling every 200 ms"))
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            _ = try await client.next("hello")
            try server.site.write("reviews/alpha-one.md", try server.site.read("reviews/alpha-one.md") + "\nPolled edit.\n")
            _ = try await client.nextReload(of: "/desk/models/alpha-one/")
            #expect(try await server.get("/desk/models/alpha-one/").text.contains("Polled edit."))
            try FileManager.default.removeItem(at: server.site.content.appendingPathComponent("reviews/beta-two.md"))
            _ = try await client.nextReload(of: "/desk/models/beta-two/")
            #expect(try await server.get("/desk/models/beta-two/").status == 404)
        }
    }

    @Test func aBrokenFirstBuildServesTheWaitingPageUntilFixed() async throws {
        let site = try TestSite()
        let original = try site.read("site.yml")
        try site.write("site.yml", "title: [unclosed\n")
        try await withServer(site) { server in
            let waiting = try await server.get("/desk/")
            #expect(waiting.status == 503)
            #expect(waiting.text.contains("Waiting for a successful build"))
            #expect(waiting.text.contains("/__verdict/live-reload.js"))
            let client = try await EventClient.connect(port: server.port)
            defer { client.close() }
            _ = try await client.next("problems")
            try site.write("site.yml", original)
            _ = try await client.next("reload")
            #expect(try await server.get("/desk/").status == 200)
        }
    }
}

@Suite("verdict serve: the command", .timeLimit(.minutes(2)))
struct CommandTests {
    /// The `verdict` executable built next to this test bundle.
    static var executable: URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("verdict")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    @Test func ctrlCStopsCleanlyWithAnOpenLiveReloadClient() async throws {
        let binary = try #require(Self.executable, "the verdict executable is built with the tests")
        let site = try TestSite()
        defer { site.remove() }
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = site.folder
        process.arguments = ["serve", "--port", "0", "--content", "Content"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }  // never leave a server behind when a check fails
        let lines = OutputLines(output.fileHandleForReading)

        let serving = try #require(try await lines.first(containing: "Serving http://127.0.0.1:", timeout: .seconds(60)))
        let port = try #require(Int(serving.split(separator: ":")[2].prefix { $0.isNumber }))
        #expect(serving.contains("/desk/"), "the URL has the baseURL path: \(serving)")

        let client = try await EventClient.connect(port: port)
        defer { client.close() }
        _ = try await client.next("hello")

        process.interrupt()  // SIGINT, as Ctrl-C sends
        let exited = try await within(.seconds(10)) { () async -> Bool in
            while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
            return true
        }
        if exited == nil { process.terminate() }
        #expect(exited == true, "the server stopped within 10 s of SIGINT")
        #expect(process.terminationStatus == 0)
        #expect(try await lines.first(containing: "Stopped.", timeout: .seconds(5)) != nil)
    }

    @Test func warnsWhenListeningBeyondLoopback() async throws {
        let binary = try #require(Self.executable)
        let site = try TestSite()
        defer { site.remove() }
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = site.folder
        process.arguments = ["serve", "--port", "0", "--host", "0.0.0.0", "--content", "Content"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }  // never leave a server behind when a check fails
        let lines = OutputLines(output.fileHandleForReading)
        let warning = try await lines.first(containing: "warning: listening on 0.0.0.0", timeout: .seconds(60))
        _ = try await lines.first(containing: "Serving http://0.0.0.0:", timeout: .seconds(60))
        process.interrupt()
        process.waitUntilExit()
        #expect(warning != nil)
        #expect(try await lines.first(containing: "accepted only for the host names", timeout: .seconds(1)) != nil,
                "the warning says which Host names are accepted")
    }
}

/// Lines a child process prints, read on a thread of their own.
final class OutputLines: Sendable {
    private let lines = LockedLines()

    init(_ handle: FileHandle) {
        let lines = self.lines
        let thread = Thread {
            var pending = ""
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                pending += String(decoding: data, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    lines.append(String(pending[..<newline]))
                    pending = String(pending[pending.index(after: newline)...])
                }
            }
        }
        thread.start()
    }

    func first(containing text: String, timeout: Duration) async throws -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = lines.all.first(where: { $0.contains(text) }) { return line }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }
}
