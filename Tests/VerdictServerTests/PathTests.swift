import Foundation
import Testing
import VerdictCore
@testable import VerdictServer

/// The small pieces the server is made of, without a socket.
@Suite("verdict serve: building blocks")
struct BuildingBlockTests {
    @Test func decodesPercentEncodingStrictly() {
        #expect(SitePathResolver.percentDecode("/a%20b") == "/a b")
        #expect(SitePathResolver.percentDecode("/caf%C3%A9") == "/café")
        #expect(SitePathResolver.percentDecode("/a%2") == nil, "a truncated escape")
        #expect(SitePathResolver.percentDecode("/a%g0") == nil, "not hex")
        #expect(SitePathResolver.percentDecode("/%ff") == nil, "not UTF-8")
        #expect(SitePathResolver.percentDecode("/%c0%ae") == nil, "overlong UTF-8 for '.'")
    }

    @Test func formatsAndParsesHTTPDates() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("garbage") == nil)
    }

    @Test func injectsBeforeTheLastBodyEndTag() {
        let tag = "<script src=\"x\"></script>"
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        #expect(String(decoding: LiveReload.inject(tag, into: page), as: UTF8.self)
                == "<html><body><p>&lt;/body&gt;</p>\(tag)</BODY></html>")
        let fragment = Array("<p>no body</p>".utf8)
        #expect(String(decoding: LiveReload.inject(tag, into: fragment), as: UTF8.self) == "<p>no body</p>\(tag)")
    }

    @Test func overlayLinesArePrintedAsInTheTerminalAndEscaped() {
        let diagnostics = [Diagnostic(path: "Content/reviews/x.md", line: 3, "bad <tag> & \"quote\""),
                           Diagnostic(path: "Content/reviews/y.md", line: 9, severity: .warning, "only a warning")]
        #expect(LiveReload.overlayLines(diagnostics) == ["Content/reviews/x.md:3:1: error: bad <tag> & \"quote\""])
        let event = LiveReload.problemsEvent(diagnostics)
        #expect(event.name == "problems")
        #expect(event.data.contains("Content/reviews/x.md:3:1: error: bad &lt;tag&gt; &amp; &quot;quote&quot;"))
        #expect(!event.data.contains("<tag>"))
        #expect(event.wireText.hasPrefix("event: problems\ndata: {"))
        #expect(event.wireText.hasSuffix("\n\n"))
    }

    @Test func eventDataWithNewlinesBecomesSeveralDataLines() {
        let event = ServerSentEvent(name: "x", data: "a\nb")
        #expect(event.wireText == "event: x\ndata: a\ndata: b\n\n")
        #expect(ServerSentEvent.heartbeat.wireText == ": ping\n\n")
    }

    @Test func mapsOutputFilesToURLPaths() {
        #expect(PageUpdate.urlPath(of: "index.html", root: "/desk/") == "/desk/")
        #expect(PageUpdate.urlPath(of: "models/x/index.html", root: "/desk/") == "/desk/models/x/")
        #expect(PageUpdate.urlPath(of: "404.html", root: "/") == "/404.html")
        #expect(PageUpdate.urlPath(of: "feed.xml", root: "/") == "/feed.xml")
    }

    @Test func ignoresEditorNoise() {
        let roots = ["/site/Content", "/site/Themes"]
        #expect(ChangeFilter.isRelevant("/site/Content/reviews/x.md", roots: roots))
        #expect(ChangeFilter.isRelevant("/site/Themes/default/templates/review.mustache", roots: roots))
        #expect(!ChangeFilter.isRelevant("/site/Content/reviews/.x.md.swp", roots: roots))
        #expect(!ChangeFilter.isRelevant("/site/Content/reviews/x.md~", roots: roots))
        #expect(!ChangeFilter.isRelevant("/site/Content/reviews/4913", roots: roots))
        #expect(!ChangeFilter.isRelevant("/site/Content/reviews/#x.md#", roots: roots))
        #expect(!ChangeFilter.isRelevant("/site/Content/.git/index", roots: roots))
        #expect(ChangeFilter.isRelevant("/site/.hidden-parent/Content/x.md", roots: ["/site/.hidden-parent/Content"]),
                "only names below the root count")
    }

    @Test func parsesHostAuthorities() {
        #expect(HostAllowlist.hostName(of: "localhost:8080") == "localhost")
        #expect(HostAllowlist.hostName(of: "[::1]:8080") == "[::1]")
        #expect(HostAllowlist.hostName(of: "[::1]") == "[::1]")
        #expect(HostAllowlist.hostName(of: "::1") == nil)
        #expect(HostAllowlist.hostName(of: "localhost:80a") == nil)
        #expect(HostAllowlist.hostName(of: "localhost:") == nil)
        #expect(HostAllowlist.hostName(of: "") == nil)
        #expect(HostAllowlist.hostName(of: "a@b") == nil)
    }

    @Test func knowsLoopbackAddresses() {
        for host in ["127.0.0.1", "localhost", "::1", "127.1.2.3"] {
            #expect(PreviewConfiguration(content: URL(fileURLWithPath: "/x"), host: host).isLoopback, "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.20", "example.org"] {
            #expect(!PreviewConfiguration(content: URL(fileURLWithPath: "/x"), host: host).isLoopback, "\(host)")
        }
    }

    @Test func removesPreviewFoldersOfKilledRuns() throws {
        let fm = FileManager.default
        let dead = fm.temporaryDirectory.appendingPathComponent("\(PreviewServer.outputPrefix)2147483646-TEST\(UUID().uuidString.prefix(4))")
        let alive = fm.temporaryDirectory.appendingPathComponent(
            "\(PreviewServer.outputPrefix)\(ProcessInfo.processInfo.processIdentifier)-TEST\(UUID().uuidString.prefix(4))")
        try fm.createDirectory(at: dead, withIntermediateDirectories: true)
        try fm.createDirectory(at: alive, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: alive) }
        PreviewServer.removeAbandonedOutputs()
        #expect(!fm.fileExists(atPath: dead.path), "no process 2147483646: removed")
        #expect(fm.fileExists(atPath: alive.path), "this process is running: kept")
    }

    @Test func pollingNoticesChangesDeletionsAndNewFolders() throws {
        let site = try TestSite()
        defer { site.remove() }
        let root = site.content.path
        let before = PollingWatcher.listing([root])
        try site.write("reviews/alpha-one.md", "changed, and longer than before so the size differs too\n")
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("reviews/beta-two.md"))
        try site.write("pages/new/deeper/page.md", "---\ntitle: x\n---\n")
        let changed = Set(PollingWatcher.difference(before, PollingWatcher.listing([root])))
        #expect(changed.contains(root + "/reviews/alpha-one.md"))
        #expect(changed.contains(root + "/reviews/beta-two.md"))
        #expect(changed.contains(root + "/pages/new/deeper/page.md"))
    }
}
