import Foundation
import VerdictMarkdown

/// What an internal link can point at: every page, every written file, and the anchors of pages
/// whose ids Verdict knows (reviews and Markdown pages).
struct LinkTargets: Sendable {
    let root: String
    /// Site paths of pages (`/models/x/`) and files (`/css/site.css`).
    let paths: Set<String>
    /// Anchors per page path, where known.
    let anchors: [String: Set<String>]

    init(site: Site, extraFiles: [String] = []) {
        root = site.config.root
        var paths = Set(site.routes.map(\.path))
        for file in site.staticFiles { paths.insert("/" + file.outputPath) }
        for file in extraFiles { paths.insert("/" + file) }
        for standIn in site.standIns { paths.insert(standIn.path) }
        self.paths = paths
        var anchors: [String: Set<String>] = [:]
        for review in site.reviews { anchors["/models/\(review.slug)/"] = review.anchors }
        for standIn in site.standIns { anchors[standIn.path] = standIn.anchors }
        for page in site.pages { anchors[page.path] = page.anchors }
        self.anchors = anchors
    }

    /// Changes when any page, file or known anchor does (order-independent sums, no sorting).
    var fingerprint: UInt64 {
        var pathSum: UInt64 = 0
        for path in paths {
            var hash = StableHash()
            hash.combine(path)
            pathSum &+= hash.finalized
        }
        var anchorSum: UInt64 = 0
        for (page, ids) in anchors {
            for id in ids {
                var hash = StableHash()
                hash.combine(page)
                hash.combine(id)
                anchorSum &+= hash.finalized
            }
        }
        var hash = StableHash()
        hash.combine(root)
        hash.combine(pathSum)
        hash.combine(anchorSum)
        return hash.finalized
    }

    enum Problem: Equatable {
        case missingPage(String)
        case missingAnchor(page: String, anchor: String)
    }

    /// Checks a link as written in Markdown on the page at `pagePath` (site path, before the baseURL prefix).
    /// Returns nil for links that resolve or that leave the site.
    func problem(with destination: String, on pagePath: String) -> Problem? {
        guard let (path, anchor) = resolve(destination, from: pagePath) else { return nil }
        let page = canonical(path)
        guard let page else { return .missingPage(path) }
        if let anchor, !anchor.isEmpty, let known = anchors[page], !known.contains(anchor) {
            return .missingAnchor(page: page, anchor: anchor)
        }
        return nil
    }

    /// Same, for a link found in rendered HTML, which already carries the baseURL path.
    func problem(withRendered href: String, on pagePath: String) -> Problem? {
        if href.hasPrefix("/") && !href.hasPrefix("//") {
            guard href.hasPrefix(root) else { return .missingPage(href) }
            // Most links name a page exactly; only the rest need resolving.
            let path = "/" + href.dropFirst(root.count)
            if paths.contains(path) { return nil }
            return problem(with: "/" + href.dropFirst(root.count), on: pagePath)
        }
        return problem(with: href, on: pagePath)
    }

    /// A page path exists as written, or with the trailing slash a folder URL needs.
    private func canonical(_ path: String) -> String? {
        if paths.contains(path) { return path }
        if !path.hasSuffix("/"), paths.contains(path + "/") { return path + "/" }
        if path.hasSuffix("/index.html"), paths.contains(String(path.dropLast("index.html".count))) {
            return String(path.dropLast("index.html".count))
        }
        return nil
    }

    /// Starts with `/` and has no empty, `.` or `..` part and no percent escape.
    private static func isPlainSitePath(_ path: Substring) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), percent = UInt8(ascii: "%")
        var previous: UInt8 = 0
        for (offset, byte) in path.utf8.enumerated() {
            if offset == 0, byte != slash { return false }
            if byte == percent || (previous == slash && (byte == slash || byte == dot)) { return false }
            previous = byte
        }
        return previous != 0
    }

    /// (site path, fragment) for links inside the site; nil for external links (scheme or `//`).
    private func resolve(_ destination: String, from pagePath: String) -> (String, String?)? {
        if destination.isEmpty || destination.hasPrefix("//") { return nil }
        // A scheme (`https:`, `mailto:`) is a colon before any `/`, `#` or `?`. Scanned as UTF-8:
        // a site checks tens of thousands of links.
        let utf8 = destination.utf8
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/"), hashMark = UInt8(ascii: "#"), question = UInt8(ascii: "?")
        if utf8.first(where: { $0 == colon || $0 == slash || $0 == hashMark || $0 == question }) == colon { return nil }
        var rest = Substring(destination)
        var fragment: String?
        if let hash = utf8.firstIndex(of: hashMark) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.utf8.firstIndex(of: question) { rest = rest[..<query] }
        // Most links are already clean site paths; they would come out of the walk below unchanged.
        if Self.isPlainSitePath(rest) { return (String(rest), fragment) }
        let decoded = rest.contains("%") ? String(rest).removingPercentEncoding ?? String(rest) : String(rest)
        if decoded.isEmpty { return (pagePath, fragment) }
        let base = decoded.hasPrefix("/") ? [] : pagePath.split(separator: "/").map(String.init)
        var parts: [String] = base
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(part))
        }
        var path = "/" + parts.joined(separator: "/")
        if decoded.hasSuffix("/"), path != "/" { path += "/" }
        return (path, fragment)
    }
}
