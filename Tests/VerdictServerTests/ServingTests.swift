import Foundation
import Testing
@testable import VerdictServer

/// Serving the built site over a real socket: types, folders, 404, redirects, validators, HEAD.
/// The fixture's baseURL is https://fixture.example/desk/, so everything lives under /desk/.
@Suite("verdict serve: serving the site", .timeLimit(.minutes(2)))
struct ServingTests {
    @Test func servesPagesAndAssetsWithTheirTypes() async throws {
        try await withServer(try TestSite()) { server in
            let home = try await server.get("/desk/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.text.contains("<title>Fixture Desk</title>"))

            let review = try await server.get("/desk/models/alpha-one/")
            #expect(review.status == 200)
            #expect(review.text.contains("Alpha One"))

            let css = try await server.get("/desk/css/site.css")
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(!css.text.contains("live-reload"), "only HTML gets the script")

            let robots = try await server.get("/desk/robots.txt")
            #expect(robots.status == 200)
            #expect(robots.header("Content-Type") == "text/plain; charset=utf-8")

            let icon = try await server.get("/desk/favicon.svg")
            #expect(icon.status == 200)
            #expect(icon.header("Content-Type") == "image/svg+xml")
            #expect(icon.header("X-Content-Type-Options") == "nosniff")
        }
    }

    @Test func injectsTheReloadScriptIntoServedHTMLOnly() async throws {
        try await withServer(try TestSite()) { server in
            let page = try await server.get("/desk/models/alpha-one/")
            let text = page.text
            let script = try #require(text.range(of: "<script src=\"/__verdict/live-reload.js\""))
            let body = try #require(text.range(of: "</body>", options: .backwards))
            #expect(script.lowerBound < body.lowerBound, "the tag goes right before </body>")
            #expect(page.header("Content-Length") == String(page.body.count))

            // The file on disk is what `verdict build` writes: no script.
            let onDisk = try String(contentsOf: server.site.output.appendingPathComponent("models/alpha-one/index.html"), encoding: .utf8)
            #expect(!onDisk.contains("live-reload"))

            let js = try await server.get(LiveReload.scriptPath)
            #expect(js.status == 200)
            #expect(js.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(js.text.contains("new EventSource"))
        }
    }

    @Test func answersMissingPagesWithTheSitesOwn404() async throws {
        try await withServer(try TestSite()) { server in
            let missing = try await server.get("/desk/models/no-such-model/")
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "text/html; charset=utf-8")
            let page404 = try String(contentsOf: server.site.output.appendingPathComponent("404.html"), encoding: .utf8)
            let firstLines = page404.split(separator: "\n").prefix(5).joined(separator: "\n")
            #expect(missing.text.hasPrefix(firstLines), "the body is the site's 404.html")
            #expect(missing.text.contains("/__verdict/live-reload.js"))

            let outsidePrefix = try await server.get("/elsewhere/")
            #expect(outsidePrefix.status == 404, "only the baseURL path holds the site")
        }
    }

    @Test func redirectsFoldersToTheirSlashForm() async throws {
        try await withServer(try TestSite()) { server in
            let folder = try await server.get("/desk/models/alpha-one")
            #expect(folder.status == 302)
            #expect(folder.header("Location") == "/desk/models/alpha-one/")

            let withQuery = try await server.get("/desk/models?x=1")
            #expect(withQuery.header("Location") == "/desk/models/?x=1")

            let prefix = try await server.get("/desk")
            #expect(prefix.header("Location") == "/desk/")
            let root = try await server.get("/")
            #expect(root.status == 302)
            #expect(root.header("Location") == "/desk/", "the server root leads to the baseURL path")

            let file = try await server.get("/desk/robots.txt/")
            #expect(file.status == 404, "a file is not a folder")
        }
    }

    @Test func answersConditionalRequestsWith304() async throws {
        try await withServer(try TestSite()) { server in
            for path in ["/desk/css/site.css", "/desk/models/alpha-one/"] {
                let first = try await server.get(path)
                let etag = try #require(first.header("ETag"))
                let modified = try #require(first.header("Last-Modified"))
                #expect(HTTPDate.parse(modified) != nil)

                let byTag = try await server.get(path, headers: ["If-None-Match": etag])
                #expect(byTag.status == 304, "\(path) with If-None-Match")
                #expect(byTag.body.isEmpty)
                #expect(byTag.header("ETag") == etag)

                let byDate = try await server.get(path, headers: ["If-Modified-Since": modified])
                #expect(byDate.status == 304, "\(path) with If-Modified-Since")

                let stale = try await server.get(path, headers: ["If-None-Match": "\"something-else\""])
                #expect(stale.status == 200)
                #expect(stale.body == first.body)

                let older = try await server.get(path, headers: ["If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"])
                #expect(older.status == 200)
            }
        }
    }

    @Test func answersHEADWithHeadersOnly() async throws {
        try await withServer(try TestSite()) { server in
            let get = try await server.get("/desk/models/alpha-one/")
            let head = try await server.get("/desk/models/alpha-one/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            #expect(head.header("ETag") == get.header("ETag"))

            let post = try await server.get("/desk/", method: "POST")
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")
        }
    }

    @Test func showsDraftsOnlyWhenAsked() async throws {
        let hidden = try await RunningServer.start(try TestSite())
        let withoutDrafts = try await hidden.get("/desk/models/draft-model/")
        await hidden.stop()
        #expect(withoutDrafts.status == 404)

        try await withServer(try TestSite(), includeDrafts: true) { shown in
            let withDrafts = try await shown.get("/desk/models/draft-model/")
            #expect(withDrafts.status == 200)
        }
    }
}
