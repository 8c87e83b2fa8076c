import Foundation
import Hummingbird

/// The host names a request may address. A page on another site can make a browser send requests to
/// 127.0.0.1 (directly, or through a DNS name it rebinds to 127.0.0.1); such requests carry that site's
/// name in `Host` and its origin in `Origin`, so both are checked.
struct HostAllowlist: Sendable {
    /// Lowercased host names; IPv6 addresses in brackets, as they appear in `Host`.
    let names: Set<String>

    init(bindHost: String) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let host = bindHost.lowercased()
        if !host.isEmpty { names.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host) }
        self.names = names
    }

    /// `authority` is a `Host` value: `name`, `name:port`, `[v6]` or `[v6]:port`.
    func permits(authority: String) -> Bool {
        guard let name = HostAllowlist.hostName(of: authority) else { return false }
        return names.contains(name)
    }

    /// The lowercased host name of an authority, or nil when it is malformed.
    static func hostName(of authority: String) -> String? {
        let value = authority.lowercased()
        guard !value.isEmpty, !value.contains("@"), !value.contains("/"), !value.contains(" ") else { return nil }
        var name = Substring(value)
        var port: Substring = ""
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            name = value[...close]
            let rest = value[value.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                port = rest.dropFirst()
            }
        } else if let colon = value.lastIndex(of: ":") {
            name = value[..<colon]
            port = value[value.index(after: colon)...]
            if name.contains(":") { return nil }
        }
        if value.contains(":") && port.isEmpty && !value.hasPrefix("[") { return nil }
        if !port.isEmpty && (port.count > 5 || !port.allSatisfy(\.isASCII) || !port.allSatisfy(\.isNumber)) { return nil }
        return name.isEmpty ? nil : String(name)
    }

    /// The reload endpoint is only for pages of this preview: an `Origin`, when sent, must be this
    /// server as the request addressed it (browsers send none for same-origin EventSource requests).
    static func originPermitted(_ request: Request) -> Bool {
        if let site = request.headers[.fetchSite], site.lowercased() == "cross-site" { return false }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority, origin.lowercased() == "http://" + host.lowercased() else { return false }
        return true
    }
}

/// Refuses requests whose `Host` is not on the allowlist, before anything else looks at them.
struct HostGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowlist: HostAllowlist

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority else {
            return PlainResponse.make(.badRequest, "Missing Host header.\n")
        }
        guard allowlist.permits(authority: authority) else {
            return PlainResponse.make(.forbidden, "Blocked: this preview server only answers requests for localhost, 127.0.0.1, [::1] and the --host value.\n")
        }
        return try await next(request, context)
    }
}

enum PlainResponse {
    static func make(_ status: HTTPResponse.Status, _ text: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `HTTPField.Name`, reached through what Hummingbird re-exports (HTTPTypes is not a direct dependency).
typealias FieldName = HTTPFields.Element.Name

extension FieldName {
    static let contentTypeOptions = FieldName("X-Content-Type-Options")!
    static let fetchSite = FieldName("Sec-Fetch-Site")!
    static let accelBuffering = FieldName("X-Accel-Buffering")!
}
