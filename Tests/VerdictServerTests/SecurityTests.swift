import Foundation
import Testing
@testable import VerdictServer

/// Safe by default: nothing outside the served folder, Host and Origin checks, no wildcard CORS,
/// malformed requests survive.
@Suite("verdict serve: safe by default", .timeLimit(.minutes(2)))
struct SecurityTests {
    /// A file outside the served folder that every traversal tries to reach.
    static let secret = "TOP-SECRET-\(UUID().uuidString)"

    /// Plants a secret next to the served folder, in a sibling whose name extends the folder's name
    /// (`preview-evil` beside `preview`: only a containment check with the separator refuses it), and
    /// symbolic links inside the served folder that point at both.
    static func plantSecrets(_ site: TestSite) throws {
        let fm = FileManager.default
        let sibling = site.folder.appendingPathComponent("preview-evil")
        try fm.createDirectory(at: sibling, withIntermediateDirectories: true)
        try Data(secret.utf8).write(to: sibling.appendingPathComponent("secret.txt"))
        try Data(secret.utf8).write(to: site.folder.appendingPathComponent("secret.txt"))
        try fm.createSymbolicLink(atPath: site.output.appendingPathComponent("to-sibling.txt").path,
                                  withDestinationPath: sibling.appendingPathComponent("secret.txt").path)
        try fm.createSymbolicLink(atPath: site.output.appendingPathComponent("relative-link.txt").path,
                                  withDestinationPath: "../preview-evil/secret.txt")
        try fm.createSymbolicLink(atPath: site.output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try fm.createSymbolicLink(atPath: site.output.appendingPathComponent("hostname.txt").path, withDestinationPath: "/etc/hostname")
        try fm.createSymbolicLink(atPath: site.output.appendingPathComponent("up").path, withDestinationPath: "..")
    }

    static let traversals: [String] = [
        // plain dot segments, sent raw (a browser would normalise them; an attacker does not)
        "/desk/../secret.txt", "/desk/../../secret.txt", "/desk/models/../../../secret.txt", "/../secret.txt",
        "/desk/./../secret.txt", "/desk/..",
        // percent-encoded dots and separators, in both cases
        "/desk/%2e%2e/secret.txt", "/desk/%2E%2E/%2E%2E/secret.txt", "/desk/..%2fsecret.txt", "/desk/..%2Fsecret.txt",
        "/desk/%2e%2e%2fsecret.txt", "/desk/%2e./secret.txt", "/desk/.%2e/secret.txt", "/desk%2f..%2fsecret.txt",
        // double encoding stays literal and is simply not found
        "/desk/%252e%252e/secret.txt",
        // backslashes, raw and encoded
        "/desk/..\\secret.txt", "/desk/..%5csecret.txt", "/desk/..%5Csecret.txt", "/desk\\..\\secret.txt",
        // NUL and other control bytes
        "/desk/index.html%00.css", "/desk/%00", "/desk/models/%00/", "/desk/%0d%0aSet-Cookie:x=1", "/desk/%7f",
        // absolute paths in every form a path can take
        "//etc/passwd", "/etc/passwd", "/desk//etc/passwd", "/desk/%2fetc/passwd", "/desk/%2Fetc%2Fpasswd",
        // symbolic links inside the served folder that point outside it
        "/desk/hostname.txt", "/desk/etc/passwd", "/desk/etc/hostname", "/desk/up/secret.txt", "/desk/up/preview-evil/secret.txt",
        "/desk/to-sibling.txt", "/desk/relative-link.txt",
        // malformed encodings
        "/desk/%", "/desk/%zz", "/desk/%c0%ae%c0%ae/secret.txt", "/desk/%ff",
    ]

    @Test func refusesEveryTraversalForm() async throws {
        let site = try TestSite()
        try await withServer(site) { server in
            try Self.plantSecrets(site)
            let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            for path in Self.traversals {
                let response = try await server.get(path)
                #expect(response.status == 400 || response.status == 404, "\(path) → \(response.status)")
                #expect(!response.text.contains(Self.secret), "\(path) leaked the secret")
                #expect(!response.text.contains("root:x:0:0"), "\(path) leaked /etc/passwd")
                if let hostname, !hostname.isEmpty, response.status != 404 {
                    #expect(!response.text.contains(hostname), "\(path) leaked /etc/hostname")
                }
                #expect(response.header("Location") == nil, "\(path) must not redirect")
            }
            // The server is still fine, and links that stay inside the site are still followed.
            try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("inside.txt").path,
                                                       withDestinationPath: site.output.appendingPathComponent("robots.txt").path)
            #expect(try await server.get("/desk/inside.txt").status == 200)
            #expect(try await server.get("/desk/").status == 200)
        }
    }

    @Test func resolverChecksContainmentWithTheSeparator() throws {
        let site = try TestSite()
        defer { site.remove() }
        let fm = FileManager.default
        try fm.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Self.plantSecrets(site)
        try Data("ok".utf8).write(to: site.output.appendingPathComponent("page.txt"))
        let resolver = SitePathResolver(folder: site.output, root: "/")
        #expect(resolver.resolve(rawPath: "/to-sibling.txt") == .notFound)
        #expect(resolver.resolve(rawPath: "/relative-link.txt") == .notFound)
        #expect(resolver.resolve(rawPath: "/up/preview-evil/secret.txt") == .notFound)
        #expect(!resolver.contains(resolver.folder + "-evil/secret.txt"))
        #expect(resolver.contains(resolver.folder + "/page.txt"))
        #expect(resolver.contains(resolver.folder))
        guard case .file(let path) = resolver.resolve(rawPath: "/page.txt") else {
            Issue.record("page.txt should resolve")
            return
        }
        #expect(path.hasSuffix("/preview/page.txt"))
        #expect(resolver.resolve(rawPath: "/%2e%2e/secret.txt") == .badRequest("dot segments are not allowed in paths"))
        #expect(resolver.resolve(rawPath: "/a%2fb") == .badRequest("encoded separators are not allowed in paths"))
        #expect(resolver.resolve(rawPath: "/a%00") == .badRequest("control characters are not allowed in paths"))
        #expect(resolver.resolve(rawPath: "/a\\b") == .badRequest("backslashes are not allowed in paths"))
        #expect(resolver.resolve(rawPath: "relative") == .badRequest("the path must start with /"))
        #expect(resolver.resolve(rawPath: "/.verdict-output") == .notFound, "hidden files are not served")
    }

    @Test func refusesForeignHostHeaders() async throws {
        try await withServer(try TestSite()) { server in
            for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example", "localhost.evil.example",
                         "127.0.0.2", "[::2]", "localhost:", "user@localhost", "local host"] {
                let response = try await RawHTTP.send(port: server.port, method: "GET", target: "/desk/", headers: ["Host": host])
                #expect(response.status == 403 || response.status == 400, "Host: \(host) → \(response.status)")
                #expect(!response.text.contains("Fixture Desk"), "Host: \(host) got the site")
            }
            for host in ["localhost:\(server.port)", "LOCALHOST:\(server.port)", "127.0.0.1:\(server.port)", "[::1]:\(server.port)", "localhost"] {
                let response = try await RawHTTP.send(port: server.port, method: "GET", target: "/desk/", headers: ["Host": host])
                #expect(response.status == 200, "Host: \(host) → \(response.status)")
            }
            // HTTP/1.0 without Host.
            let bare = try await RawHTTP.exchange(port: server.port, bytes: Array("GET /desk/ HTTP/1.0\r\nConnection: close\r\n\r\n".utf8))
            #expect(bare.status == 400)
            // The reload stream and status are behind the Host check too.
            let events = try await RawHTTP.send(port: server.port, method: "GET", target: LiveReload.statusPath, headers: ["Host": "evil.example"])
            #expect(events.status == 403)
        }
    }

    @Test func allowsTheHostValueItIsGiven() {
        let allowlist = HostAllowlist(bindHost: "192.168.1.20")
        #expect(allowlist.permits(authority: "192.168.1.20:8080"))
        #expect(allowlist.permits(authority: "localhost:8080"))
        #expect(!allowlist.permits(authority: "192.168.1.21:8080"))
        let v6 = HostAllowlist(bindHost: "fe80::1")
        #expect(v6.permits(authority: "[fe80::1]:8080"))
        #expect(!v6.permits(authority: "fe80::1"), "IPv6 hosts are bracketed in Host")
    }

    @Test func reloadEndpointChecksOrigin() async throws {
        try await withServer(try TestSite()) { server in
            for origin in ["http://evil.example", "http://127.0.0.1:1", "https://127.0.0.1:\(server.port)", "null",
                           "http://localhost:\(server.port).evil.example"] {
                let response = try await server.get(LiveReload.eventsPath, headers: ["Origin": origin])
                #expect(response.status == 403, "Origin: \(origin) → \(response.status)")
            }
            let crossSite = try await server.get(LiveReload.eventsPath, headers: ["Sec-Fetch-Site": "cross-site"])
            #expect(crossSite.status == 403)

            let client = try await EventClient.connect(port: server.port, origin: "http://127.0.0.1:\(server.port)")
            defer { client.close() }
            #expect(client.head.hasPrefix("HTTP/1.1 200"))
            #expect(client.head.lowercased().contains("content-type: text/event-stream"))
            #expect(!client.head.lowercased().contains("access-control-allow-origin"))
            _ = try await client.next("hello")
        }
    }

    @Test func neverSendsWildcardCORS() async throws {
        try await withServer(try TestSite()) { server in
            for path in ["/desk/", "/desk/css/site.css", "/desk/missing/", LiveReload.scriptPath, LiveReload.statusPath, "/desk/models/alpha-one"] {
                let response = try await server.get(path, headers: ["Origin": "http://127.0.0.1:\(server.port)"])
                #expect(response.header("Access-Control-Allow-Origin") == nil, "\(path)")
            }
        }
    }

    @Test func survivesMalformedRequests() async throws {
        try await withServer(try TestSite()) { server in
            // Huge headers: refused, and the server goes on.
            let huge = "GET /desk/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n"
            let raw = try await offPool { () throws -> [UInt8] in
                let socket = try Socket(port: server.port)
                defer { socket.close() }
                try? socket.send(Array(huge.utf8))
                return socket.readAll()
            }
            if let response = RawHTTP.parse(raw) { #expect(response.status >= 400, "huge header → \(response.status)") }

            // Garbage instead of HTTP.
            _ = try? await RawHTTP.exchange(port: server.port, bytes: Array("\u{1}\u{2}NOT HTTP\r\n\r\n".utf8))
            _ = try? await RawHTTP.exchange(port: server.port, bytes: Array("GET / HTTP/9.9\r\nHost: x\r\n\r\n".utf8))

            // A slow client that never finishes its headers does not hold up anyone else.
            let slow = try Socket(port: server.port)
            defer { slow.close() }
            try slow.send(Array("GET /desk/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8))

            // Answered while the slow connection is still open (a blocked server would time the request out).
            let normal = try await server.get("/desk/")
            #expect(normal.status == 200)
        }
    }
}
