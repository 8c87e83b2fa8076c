import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import VerdictCore
@testable import VerdictServer

@Suite("verdict serve: the port is taken before the first build")
struct PortTests {
    @Test func aPortInUseStopsTheServerBeforeItBuilds() async throws {
        let site = try TestSite()
        defer { site.remove() }
        // Another server on a port the system picked: listening, as a real one would be.
        let (other, port) = try #require(Self.listeningSocket())
        defer { close(other) }
        let log = ConsoleLog()
        let configuration = PreviewConfiguration(content: site.content, contentDisplay: "Content", themes: site.themes,
                                                 host: "127.0.0.1", port: port, output: site.output)
        let server = try PreviewServer(configuration, console: log.console)
        do {
            try await server.run(handleSignals: false)
            Issue.record("the server ran on a port in use")
        } catch let error as PortError {
            #expect(error.description == "cannot serve on 127.0.0.1:\(port): the port is in use; pass --port <n> (or stop the other server)")
        }
        #expect(!log.text.contains("Built"), "nothing was built: \(log.text)")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func aFreePortIsReservedAndReleased() throws {
        let (probe, port) = try #require(Self.listeningSocket())
        close(probe)
        let first = try #require(try PortReservation.reserve(host: "127.0.0.1", port: port))
        #expect(throws: PortError.self) { try PortReservation.reserve(host: "127.0.0.1", port: port) }
        first.release()
        first.release()
        let again = try #require(try PortReservation.reserve(host: "127.0.0.1", port: port), "released, the port is free again")
        again.release()
        #expect(try PortReservation.reserve(host: "127.0.0.1", port: 0) == nil, "port 0: the system picks one later")
    }

    /// A socket listening on 127.0.0.1 at a port the system picked, and that port.
    static func listeningSocket() -> (Int32, Int)? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else { close(descriptor); return nil }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
