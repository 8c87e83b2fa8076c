import Foundation
import Synchronization
import Testing
import VerdictCore
@testable import VerdictServer
#if canImport(Glibc)
import Glibc
#endif

/// A copy of the `basic` fixture (baseURL https://fixture.example/desk/) and of the default theme in a
/// temporary folder the test owns, so edits never touch the repository and the repository's edits never
/// reach the test's watcher.
struct TestSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let folder: URL
    var content: URL { folder.appendingPathComponent("Content") }
    var themes: URL { folder.appendingPathComponent("Themes") }
    var output: URL { folder.appendingPathComponent("preview") }

    init(_ label: String = #function) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-serve-tests-\(safe)-\(UUID().uuidString.prefix(8))")
        let fm = FileManager.default
        try fm.createDirectory(at: themes, withIntermediateDirectories: true)
        try fm.copyItem(at: TestSite.repository.appendingPathComponent("Tests/Fixtures/basic/Content"), to: content)
        try fm.copyItem(at: TestSite.repository.appendingPathComponent("Themes/default"), to: themes.appendingPathComponent("default"))
    }

    func write(_ relative: String, _ text: String) throws {
        let url = content.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Collects what the server prints.
final class ConsoleLog: Sendable {
    private let lines = LockedLines()

    var console: PreviewConsole {
        PreviewConsole(info: { [lines] in lines.append($0) }, problem: { [lines] in lines.append($0) })
    }

    var text: String { lines.all.joined(separator: "\n") }
}

final class LockedLines: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var all: [String] { storage.withLock { $0 } }
}

/// A preview server running in this process on a free port; stopped by cancelling its task.
struct RunningServer {
    let port: Int
    let task: Task<Void, any Error>
    let site: TestSite
    let log: ConsoleLog
    let stopServer: @Sendable () async -> Void

    static func start(_ site: TestSite, watchMode: WatchMode = .automatic, debounce: Duration = .milliseconds(100),
                      includeDrafts: Bool = false) async throws -> RunningServer {
        let log = ConsoleLog()
        let configuration = PreviewConfiguration(content: site.content, contentDisplay: "Content", themes: site.themes,
                                                 includeDrafts: includeDrafts, host: "127.0.0.1", port: 0, watchMode: watchMode,
                                                 debounce: debounce, pollInterval: .milliseconds(200), output: site.output)
        let server = try PreviewServer(configuration, console: log.console)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.run(handleSignals: false) { port, _ in continuation.yield(port) }
            continuation.finish()
        }
        let stopServer = { @Sendable in await server.stop() }
        guard let port = try await within(.seconds(60), { await ports.first { _ in true } }) ?? nil else {
            task.cancel()
            throw TestFailure("the server did not start:\n\(log.text)")
        }
        let running = RunningServer(port: port, task: task, site: site, log: log, stopServer: stopServer)
        // The watcher starts with the server; give it a moment to add its watches.
        try await Task.sleep(for: .milliseconds(300))
        return running
    }

    /// Stops the server gracefully (as Ctrl-C does) and removes the site.
    func stop() async {
        await stopServer()
        let task = self.task
        let stopped = (try? await within(.seconds(10)) { _ = try? await task.value; return true }) ?? nil
        if stopped == nil {
            Issue.record("the server did not stop within 10 s of a graceful shutdown")
            task.cancel()
        }
        site.remove()
    }

    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawResponse {
        var all = ["Host": "127.0.0.1:\(port)"]
        for (name, value) in headers { all[name] = value }
        return try await RawHTTP.send(port: port, method: method, target: path, headers: all)
    }

    func status() async throws -> Status {
        let response = try await get(LiveReload.statusPath)
        return try JSONDecoder().decode(Status.self, from: Data(response.body))
    }

    struct Status: Decodable {
        let generation: Int
        let rebuilds: Int
        let built: Bool
        let problems: [String]
        let liveReloadClients: Int
    }

    /// Waits until the status satisfies `condition` (rebuilds are asynchronous).
    @discardableResult
    func waitForStatus(_ what: String, timeout: Duration = .seconds(20), _ condition: (Status) -> Bool) async throws -> Status {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let status = try await self.status()
            if condition(status) { return status }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("timed out waiting for \(what); server said:\n\(log.text)")
    }
}

/// Starts a server on `site`, runs `body`, and always stops the server and removes the site.
func withServer(_ site: TestSite, watchMode: WatchMode = .automatic, debounce: Duration = .milliseconds(100),
                includeDrafts: Bool = false, _ body: (RunningServer) async throws -> Void) async throws {
    let server = try await RunningServer.start(site, watchMode: watchMode, debounce: debounce, includeDrafts: includeDrafts)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `operation`, or returns nil after `limit`.
func within<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T? {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        let first = try await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

// MARK: - A raw HTTP/1.1 client

/// A response as it came off the wire.
struct RawResponse: Sendable {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends bytes exactly as given (no URL normalisation: `..` and `%2e%2e` reach the server as written) over a
/// blocking socket on its own thread, so the cooperative pool that runs the server is never blocked.
enum RawHTTP {
    static func send(port: Int, method: String, target: String, headers: [String: String]) async throws -> RawResponse {
        var request = "\(method) \(target) HTTP/1.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        request += "Connection: close\r\n\r\n"
        return try await exchange(port: port, bytes: Array(request.utf8), method: method)
    }

    static func exchange(port: Int, bytes: [UInt8], method: String = "GET") async throws -> RawResponse {
        let raw = try await offPool { () throws -> [UInt8] in
            let socket = try Socket(port: port)
            defer { socket.close() }
            try socket.send(bytes)
            return socket.readAll()
        }
        guard let response = parse(raw, method: method) else {
            throw TestFailure("unparsable response: \(String(decoding: raw.prefix(300), as: UTF8.self))")
        }
        return response
    }

    static func parse(_ raw: [UInt8], method: String = "GET") -> RawResponse? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = raw.firstRange(of: separator) else { return nil }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(raw[end.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }) {
            body = dechunk(body)
        }
        return RawResponse(status: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstRange(of: [13, 10]) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            out += bytes[start..<min(bytes.count, start + size)]
            index = start + size + 2
        }
        return out
    }
}

/// A blocking TCP connection to 127.0.0.1 with a receive timeout.
final class Socket: Sendable {
    let descriptor: Int32

    init(port: Int, timeoutSeconds: Int = 10) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw TestFailure("connect() to port \(port) failed")
        }
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw TestFailure("send() failed") }
            sent += count
        }
    }

    /// Reads what is available, or nil at end of stream (or after the timeout).
    func readSome() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[..<count]) : nil
    }

    func readAll() -> [UInt8] {
        var out: [UInt8] = []
        while let chunk = readSome() { out += chunk }
        return out
    }

    func close() {
        Glibc.close(descriptor)
    }
}

/// Runs blocking work on a new thread and resumes with its result.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}

// MARK: - Server-Sent Events

/// A live-reload connection, as a page holds it: parsed events arrive in `events`.
final class EventClient: Sendable {
    let socket: Socket
    let events: AsyncStream<ServerSentEvent>
    let head: String

    /// Connects and waits for the response head; `origin` is sent as `Origin` when given.
    static func connect(port: Int, origin: String? = nil) async throws -> EventClient {
        let socket = try Socket(port: port, timeoutSeconds: 30)
        var request = "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
        if let origin { request += "Origin: \(origin)\r\n" }
        try socket.send(Array((request + "\r\n").utf8))
        let (events, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self)
        let (heads, headContinuation) = AsyncStream.makeStream(of: String.self)
        let thread = Thread {
            var pending: [UInt8] = []
            var sawHead = false
            var decoder = EventDecoder()
            while let chunk = socket.readSome() {
                pending += chunk
                if !sawHead {
                    guard let end = pending.firstRange(of: [13, 10, 13, 10]) else { continue }
                    headContinuation.yield(String(decoding: pending[..<end.lowerBound], as: UTF8.self))
                    headContinuation.finish()
                    pending = Array(pending[end.upperBound...])
                    sawHead = true
                }
                // The body is chunked; chunk-size lines are not `field: value` lines and are skipped.
                for event in decoder.feed(pending) { continuation.yield(event) }
                pending = []
            }
            headContinuation.finish()
            continuation.finish()
        }
        thread.start()
        var head = ""
        for await value in heads { head = value }
        return EventClient(socket: socket, events: events, head: head)
    }

    private init(socket: Socket, events: AsyncStream<ServerSentEvent>, head: String) {
        self.socket = socket
        self.events = events
        self.head = head
    }

    /// The next event named `name` (others are skipped), or a failure after `timeout`.
    func next(_ name: String, timeout: Duration = .seconds(20)) async throws -> ServerSentEvent {
        try await next(anyOf: [name], timeout: timeout)
    }

    /// The next event with one of these names (others are skipped).
    func next(anyOf names: Set<String>, timeout: Duration = .seconds(20)) async throws -> ServerSentEvent {
        try await next("one of \(names.sorted())", timeout: timeout) { names.contains($0.name ?? "") }
    }

    /// The next reload that concerns the page at `path`: one that lists it, or one for every page.
    /// (A quick rebuild's reload lists the edited pages; the catch-up after it lists the others.)
    func nextReload(of path: String, timeout: Duration = .seconds(20)) async throws -> ServerSentEvent {
        try await next("a reload of \(path)", timeout: timeout) { event in
            event.name == "reload" && (!event.data.contains("\"paths\"") || event.data.contains("\"\(path)\""))
        }
    }

    func next(_ what: String, timeout: Duration, where matches: @escaping @Sendable (ServerSentEvent) -> Bool) async throws -> ServerSentEvent {
        let events = self.events
        let found = try await within(timeout) {
            for await event in events where matches(event) { return event as ServerSentEvent? }
            return nil
        }
        guard let event = found ?? nil else { throw TestFailure("no \(what) event within \(timeout)") }
        return event
    }

    func close() {
        shutdown(socket.descriptor, Int32(SHUT_RDWR))
        socket.close()
    }
}

/// Splits an event stream into events; tolerant of chunked-encoding size lines between them.
struct EventDecoder {
    private var buffer = ""

    mutating func feed(_ bytes: [UInt8]) -> [ServerSentEvent] {
        // "\r\n" is one Character in Swift: normalise it before splitting on "\n".
        buffer += String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        var events: [ServerSentEvent] = []
        while let range = buffer.range(of: "\n\n") {
            let block = buffer[..<range.lowerBound]
            buffer = String(buffer[range.upperBound...])
            var name: String?
            var data: [String] = []
            for line in block.split(separator: "\n") {
                let text = String(line)
                if text.hasPrefix("event: ") { name = String(text.dropFirst(7)) }
                if text.hasPrefix("data: ") { data.append(String(text.dropFirst(6))) }
            }
            if let name { events.append(ServerSentEvent(name: name, data: data.joined(separator: "\n"))) }
        }
        return events
    }
}
