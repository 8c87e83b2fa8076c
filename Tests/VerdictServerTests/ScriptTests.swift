import Foundation
import Testing
@testable import VerdictServer

/// Runs the injected live-reload script in Node with a minimal fake DOM and EventSource, and checks what
/// it does with each event. Skipped where Node is not installed.
/// Where Node is installed, if it is.
let nodeExecutable: String? = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("verdict serve: the live-reload script", .enabled(if: nodeExecutable != nil, "needs node"))
struct ScriptTests {
    static var node: String? { nodeExecutable }

    /// A fake browser: one page at /desk/models/x/, generation 3 of server instance "abc".
    static let harness = #"""
        const log = [];
        class FakeEventSource {
          constructor(url) { this.url = url; this.readyState = 1; this.listeners = {}; FakeEventSource.all.push(this); log.push("connect " + url); }
          addEventListener(name, f) { (this.listeners[name] ||= []).push(f); }
          close() { this.readyState = 2; log.push("close"); }
          emit(name, data) { (this.listeners[name] || []).forEach((f) => f({ data: JSON.stringify(data) })); }
        }
        FakeEventSource.all = []; FakeEventSource.CLOSED = 2;
        const elements = {};
        const stylesheet = { href: "http://127.0.0.1:8080/desk/css/site.css" };
        globalThis.EventSource = FakeEventSource;
        globalThis.window = { EventSource: FakeEventSource };
        globalThis.location = { pathname: "/desk/models/x/", href: "http://127.0.0.1:8080/desk/models/x/",
                                origin: "http://127.0.0.1:8080", reload() { log.push("reload"); } };
        globalThis.document = {
          currentScript: { dataset: { events: "/__verdict/events", generation: "3", instance: "abc", page: "/desk/models/x/" } },
          visibilityState: "visible",
          getElementById: (id) => elements[id] || null,
          createElement: () => ({ style: {}, setAttribute() {}, querySelector: () => ({ addEventListener() {} }),
                                  remove() { delete elements[this.id]; log.push("overlay removed"); } }),
          body: { appendChild(element) { elements[element.id] = element; log.push("overlay shown: " + element.innerHTML); } },
          querySelectorAll: () => [stylesheet],
          addEventListener() {},
        };
        """#

    static let steps = #"""
        const source = () => FakeEventSource.all[FakeEventSource.all.length - 1];
        const step = (name) => log.push("-- " + name);
        step("hello, same site"); source().emit("hello", { instance: "abc", generation: 3 });
        step("another page changed"); source().emit("reload", { generation: 4, paths: ["/desk/models/y/"] });
        step("greeting after reconnect, generation caught up"); source().emit("hello", { instance: "abc", generation: 4 });
        step("this page changed"); source().emit("reload", { generation: 5, paths: ["/desk/models/x/"] });
        step("everything changed"); source().emit("reload", { generation: 6 });
        step("problems"); source().emit("problems", { count: 1, html: "Content/reviews/x.md:3: bad &lt;yaml&gt;" });
        step("cleared"); source().emit("cleared", { generation: 6 });
        step("css"); source().emit("css", { generation: 7 }); log.push("stylesheet " + stylesheet.href);
        step("server restarted"); source().emit("hello", { instance: "def", generation: 1 });
        console.log(JSON.stringify(log));
        """#

    @Test func reactsToEachEvent() throws {
        let node = try #require(Self.node)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-script-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("run.js")
        try Data((Self.harness + "\n" + LiveReload.script + "\n" + Self.steps).utf8).write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "node failed: \(text)")
        let log = try JSONDecoder().decode([String].self, from: Data((text.split(separator: "\n").last ?? "").utf8))

        func after(_ step: String) -> [String] {
            guard let start = log.firstIndex(of: "-- " + step) else { return ["missing step \(step)"] }
            return Array(log[(start + 1)...].prefix { !$0.hasPrefix("-- ") })
        }
        #expect(log.first == "connect /__verdict/events")
        #expect(after("hello, same site") == [], "an up-to-date page stays")
        #expect(after("another page changed") == [], "a rebuild of other pages leaves this one alone")
        #expect(after("greeting after reconnect, generation caught up") == [], "…and it knows it is current")
        #expect(after("this page changed") == ["reload"])
        #expect(after("everything changed") == ["reload"])
        #expect(after("problems") == ["overlay shown: " + Self.overlayPrefix(in: log)])
        #expect(after("problems").first?.contains("Content/reviews/x.md:3: bad &lt;yaml&gt;") == true)
        #expect(after("cleared") == ["overlay removed"])
        #expect(after("css") == ["stylesheet http://127.0.0.1:8080/desk/css/site.css?verdict-reload=7"], "stylesheets swapped, no reload")
        #expect(after("server restarted") == ["reload"])
    }

    /// The overlay markup as logged (checked piecewise above).
    static func overlayPrefix(in log: [String]) -> String {
        log.first { $0.hasPrefix("overlay shown: ") }.map { String($0.dropFirst("overlay shown: ".count)) } ?? ""
    }
}
