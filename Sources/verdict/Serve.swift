import ArgumentParser
import Foundation
import VerdictCore
import VerdictServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site locally; pages reload by themselves after each change.",
        discussion: """
            Builds the site into a private temporary folder (Public/ is not touched), serves it at \
            http://127.0.0.1:8080/ (under the baseURL path, such as /desk/), watches the content folder and \
            the themes, and rebuilds after every burst of saves. Open pages reload by themselves; a failed \
            rebuild keeps the last good site and shows path:line:column: error: message over every open page until fixed. \
            Only this machine can connect unless --host says otherwise. A port in use is reported at once, \
            before anything is built. Stop with Ctrl-C.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The TCP port to listen on.", valueName: "port"))
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Anything but loopback lets other machines connect.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Watch by polling twice a second instead of inotify (for network or container mounts).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, found \(port)") }
        guard !host.isEmpty, !host.contains("/"), !host.contains(" ") else { throw ValidationError("--host must be an address or host name, found \"\(host)\"") }
    }

    func run() async throws {
        let configuration = PreviewConfiguration(content: site.contentURL, contentDisplay: site.content, themes: site.themesURL,
                                                 includeDrafts: site.drafts, host: host, port: port,
                                                 watchMode: poll ? .polling : .automatic)
        let console = PreviewConsole(info: { Serve.say($0) }, problem: { Terminal.error($0) })
        if !configuration.isLoopback {
            Terminal.error("""
                warning: listening on \(host), beyond this machine: anyone who can reach it can read the preview.
                         Requests are accepted only for the host names localhost, 127.0.0.1, [::1] and \(host).
                """)
        }
        let drafts = site.drafts
        do {
            let server = try PreviewServer(configuration, console: console)
            try await server.run { _, url in
                Serve.say("Serving \(url)\(drafts ? " with drafts" : "") — open it in a browser; press Ctrl-C to stop.")
            }
        } catch let error as PortError {
            Terminal.error("error: \(error)")
            throw ExitCode.failure
        } catch {
            let text = "\(error)"
            let reason = text.contains("Address already in use") ? "the port is in use; pass --port <n> (or stop the other server)" : text
            Terminal.error("error: cannot serve on \(host):\(port): \(reason)")
            throw ExitCode.failure
        }
        Serve.say("Stopped.")
    }

    /// Standard output, unbuffered: the terminal (or a log file) sees each line as it happens.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
