import Foundation
import Hummingbird
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves the built site: files with their content types, `index.html` for folders, a redirect to
/// the slash form of folders, the site's own `404.html`, ETag / Last-Modified with 304 answers, HEAD.
/// HTML responses get the live-reload tag; the files themselves are never changed.
struct SiteFileMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: PreviewState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.head.path ?? "/"
        let (path, query) = SiteFiles.split(target)
        if path.hasPrefix(LiveReload.prefix) { return try await next(request, context) }
        return SiteFiles.respond(method: request.method, path: path, query: query, headers: request.headers,
                                 site: await state.site)
    }
}

enum SiteFiles {
    static func split(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return (target, nil) }
        let query = target[mark] == "?" ? String(target[target.index(after: mark)...].prefix { $0 != "#" }) : nil
        return (String(target[..<mark]), query)
    }

    static func respond(method: HTTPRequest.Method, path: String, query: String?, headers: HTTPFields, site: ServedSite) -> Response {
        guard method == .get || method == .head else {
            return PlainResponse.make(.methodNotAllowed, "Only GET and HEAD are supported.\n", headers: [.allow: "GET, HEAD"])
        }
        guard site.isBuilt else {
            let body = LiveReload.waitingPage(site)
            return finish(Response(status: .serviceUnavailable, headers: htmlHeaders(), body: .init(byteBuffer: ByteBuffer(bytes: body))),
                          method: method)
        }
        switch site.resolver.resolve(rawPath: path) {
        case .badRequest(let reason):
            return PlainResponse.make(.badRequest, "Bad request: \(reason).\n")
        case .redirect(let location):
            var target = location
            if let query, !query.isEmpty, query.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { target += "?" + query }
            var response = PlainResponse.make(.found, "Moved to \(target)\n")
            response.headers[.location] = target
            return finish(response, method: method)
        case .notFound:
            return notFound(site, method: method)
        case .file(let file):
            guard let (info, bytes) = readFile(file) else { return notFound(site, method: method) }
            return serve(file, info: info, bytes: bytes, headers: headers, site: site, method: method)
        }
    }

    static func serve(_ file: String, info: FileInfo, bytes: [UInt8], headers: HTTPFields, site: ServedSite,
                      method: HTTPRequest.Method) -> Response {
        let isHTML = MediaTypes.isHTML(file)
        // HTML carries the injected tag, which names the site generation: its validators include it.
        var tag = "\(String(info.inode, radix: 16))-\(String(info.size, radix: 16))-\(String(info.modified, radix: 16))"
        if isHTML { tag += "-g\(site.generation)-\(site.instance)" }
        let etag = "\"\(tag)\""
        let modified = max(info.modified / 1_000_000_000, isHTML ? site.builtAt : 0)
        var fields: HTTPFields = [:]
        fields[.eTag] = etag
        fields[.lastModified] = HTTPDate.format(modified)
        fields[.cacheControl] = "no-cache"
        fields[.contentTypeOptions] = "nosniff"
        if isNotModified(headers, etag: etag, modified: modified) {
            return Response(status: .notModified, headers: fields, body: .init())
        }
        fields[.contentType] = MediaTypes.type(forPath: file)
        let page = PageUpdate.urlPath(of: String(file.dropFirst(site.resolver.folder.count + 1)), root: site.resolver.root)
        let body = isHTML ? LiveReload.inject(LiveReload.tag(for: site, page: page), into: bytes) : bytes
        return finish(Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body))), method: method)
    }

    /// `If-None-Match` wins over `If-Modified-Since` (RFC 9110 §13.2.2); weak tags compare equal.
    static func isNotModified(_ headers: HTTPFields, etag: String, modified: Int) -> Bool {
        if let match = headers[.ifNoneMatch] {
            let wanted = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
            return match.split(separator: ",").contains { candidate in
                let value = candidate.trimmingCharacters(in: .whitespaces)
                return value == "*" || (value.hasPrefix("W/") ? String(value.dropFirst(2)) : value) == wanted
            }
        }
        if let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) { return modified <= since }
        return false
    }

    /// The site's own `404.html`, with status 404 (and the live-reload tag, so a missing page appears
    /// by itself once it is written).
    static func notFound(_ site: ServedSite, method: HTTPRequest.Method) -> Response {
        let page = site.resolver.folder + "/404.html"
        guard let real = SitePathResolver.realPath(page), site.resolver.contains(real), let (_, bytes) = readFile(real) else {
            return finish(PlainResponse.make(.notFound, "Not found.\n"), method: method)
        }
        let body = LiveReload.inject(LiveReload.tag(for: site, page: site.resolver.root + "404.html"), into: bytes)
        return finish(Response(status: .notFound, headers: htmlHeaders(), body: .init(byteBuffer: ByteBuffer(bytes: body))), method: method)
    }

    static func htmlHeaders() -> HTTPFields {
        var fields: HTTPFields = [:]
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        fields[.contentTypeOptions] = "nosniff"
        return fields
    }

    /// HEAD gets GET's headers, `Content-Length` included, and no body.
    static func finish(_ response: Response, method: HTTPRequest.Method) -> Response {
        method == .head ? response.createHeadResponse() : response
    }

    /// Reads a regular file through one descriptor, so the validators describe exactly the bytes sent.
    static func readFile(_ path: String) -> (FileInfo, [UInt8])? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let info = FileInfo(descriptor: descriptor), !info.isDirectory else { return nil }
        var bytes = [UInt8](repeating: 0, count: info.size)
        var filled = 0
        while filled < info.size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, info.size - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return (info, filled == info.size ? bytes : Array(bytes[..<filled]))
    }
}
