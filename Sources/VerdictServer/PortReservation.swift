import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The port `verdict serve` will listen on, taken before the first build: a port in use is reported at
/// once instead of after a build that may take seconds. Hummingbird binds its own socket, so this one
/// listens (which keeps other servers off the port) until `release()`, called right before the server
/// starts.
final class PortReservation: Sendable {
    /// Nil once released.
    private let descriptor: Mutex<Int32?>

    /// Nil for port 0 (the system picks a free port when the server starts; nothing to check).
    static func reserve(host: String, port: Int) throws(PortError) -> PortReservation? {
        guard port != 0 else { return nil }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_flags = AI_PASSIVE
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(name, String(port), &hints, &list) == 0, let first = list else {
            throw PortError(host: host, port: port, reason: "cannot resolve the address \(host)")
        }
        defer { freeaddrinfo(list) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { throw PortError(host: host, port: port, reason: String(cString: strerror(errno))) }
        // The server's own socket sets SO_REUSEADDR too; without it here, a port left in TIME_WAIT by an
        // earlier run would look taken.
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0, listen(descriptor, 1) == 0 else {
            let code = errno
            close(descriptor)
            let reason = code == EADDRINUSE
                ? "the port is in use; pass --port <n> (or stop the other server)"
                : code == EACCES ? "permission denied (ports below 1024 need privileges); pass --port <n>" : String(cString: strerror(code))
            throw PortError(host: host, port: port, reason: reason)
        }
        return PortReservation(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    /// Lets the server bind the port. Only the first call closes the socket.
    func release() {
        if let open = descriptor.withLock({ value -> Int32? in defer { value = nil }; return value }) { close(open) }
    }
}

/// `verdict serve` cannot listen where it was asked to.
public struct PortError: Error, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let reason: String

    public var description: String { "cannot serve on \(host):\(port): \(reason)" }
}
